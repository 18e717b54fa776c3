#lang racket/base
;; racket/contract's dependent contracts: ->d, struct/dc, hash/dc and
;; cons/dc, whose parts are contracts computed from other parts of the
;; value. The forms are macros/dependent-contracts.ts: each part's contract
;; expression becomes a procedure of the names it depends on. The records,
;; blame and coercion are lib/contracts.rkt's, reached as `%c:` names.

(provide (rename-out [make-d-arrow #%rkt-internal:contract-make-d-arrow]
                     [make-struct/dc #%rkt-internal:contract-make-struct/dc]
                     [make-hash/dc #%rkt-internal:contract-make-hash/dc]
                     [make-cons/dc #%rkt-internal:contract-make-cons/dc]
                     [make-contract-struct-family #%rkt-internal:contract-make-contract-struct-family]))

(define (project c who blame v)
  (((%contract-record-projection (%c:coerce-contract who c)) blame) v))

(define (all-flat? cs) (andmap (lambda (c) (eq? (%contract-record-kind c) 'flat)) cs))

;; ---------------------------------------------------------------- ->d

;; The name ->d shows: each part is `(id ...)`, ids counted x y z w x0 x1 ...
(define (d-arrow-name head n-mand mand-kws n-opt opt-kws rest? pre? rng underscore? post?)
  (let* ([ids '(x y z w)]
         [counter #f]
         [next (lambda ()
                 (cond
                   [(pair? ids) (begin0 (car ids) (set! ids (cdr ids)))]
                   [else (let ([n (or counter 0)])
                           (set! counter (add1 n))
                           (string->symbol (format "x~a" n)))]))]
         [part (lambda () (list (next) '...))]
         [group (lambda (n kws)
                  (append (for/list ([i (in-range n)]) (part))
                          (apply append (map (lambda (k) (list k (part))) kws))))])
    (let* ([mand (group n-mand mand-kws)]
           [opt (group n-opt opt-kws)]
           [rest (if rest? (list '#:rest (next) '...) '())]
           [pre (if pre? (list '#:pre '...) '())]
           [range (cond
                    [(not rng) 'any]
                    [underscore? (if (= (length rng) 1) '(_ ...) (cons 'values (map (lambda (r) '(_ ...)) rng)))]
                    [(= (length rng) 1) (part)]
                    [else (cons 'values (map (lambda (r) (part)) rng))])])
      (append (list head mand opt) rest pre (list range) (if post? (list '#:post '...) '())))))

;; ", argument was: v" or ", arguments were:\n  v ..." (empty without values).
(define (values-text what vs)
  (cond
    [(null? vs) ""]
    [(null? (cdr vs)) (format "~a was: ~e" what (car vs))]
    [else (apply string-append (format "~as were:" what) (map (lambda (v) (format "\n  ~e" v)) vs))]))

(define (d-keyword-text mand opt)
  (define (kws-text type kws)
    (cond
      [(null? kws) ""]
      [(null? (cdr kws)) (format "the ~a keyword ~a" type (car kws))]
      [else (format "the ~a keywords ~a~a" type (car kws) (apply string-append (map (lambda (k) (format " ~a" k)) (cdr kws))))]))
  (cond
    [(and (null? opt) (null? mand)) " without any keywords"]
    [(null? opt) (string-append " and " (kws-text 'mandatory mand))]
    [(null? mand) (string-append " and " (kws-text 'optional opt))]
    [else (string-append ", " (kws-text 'mandatory mand) ", and " (kws-text 'optional opt))]))

(define (accepts-keywords? f mand opt)
  (let-values ([(f-mand f-all) (procedure-keywords f)])
    (and (or (not f-all) (andmap (lambda (k) (memq k f-all)) mand))
         (andmap (lambda (k) (memq k mand)) f-mand)
         (or (not f-all) (andmap (lambda (k) (and (memq k f-all) (not (memq k f-mand)))) opt)))))

(define (accepts-and-more? f n)
  (let ([ar (procedure-arity f)])
    (cond
      [(arity-at-least? ar) (<= (arity-at-least-value ar) n)]
      [(list? ar) (for/or ([a (in-list ar)]) (and (arity-at-least? a) (<= (arity-at-least-value a) n)))]
      [else #f])))

(define (d-arrow-shape-ok? f n-mand n-opt rest? mand-kws opt-kws)
  (and (procedure? f)
       (if rest?
           (accepts-and-more? f n-mand)
           (for/and ([k (in-range n-mand (+ n-mand n-opt 1))]) (procedure-arity-includes? f k #t)))
       (accepts-keywords? f mand-kws opt-kws)))

(define (check-d-arrow-shape b f n-mand n-opt rest? mand-kws opt-kws)
  (unless (d-arrow-shape-ok? f n-mand n-opt rest? mand-kws opt-kws)
    (if rest?
        (%c:raise-blame-error b f '(expected " a procedure that accepts ~a argument~a and arbitrarily more~a" given: "~e")
                              (if (zero? n-mand) "no" n-mand) (if (= n-mand 1) "" "s")
                              (d-keyword-text mand-kws opt-kws) f)
        (%c:raise-blame-error b f '(expected " a procedure that accepts ~a mandatory~a argument~a~a~a" given: "~e")
                              (if (zero? n-mand) "no" n-mand)
                              (if (null? mand-kws) "" " ordinary")
                              (if (= n-mand 1) "" "s")
                              (if (zero? n-opt) "" (format " and up to ~a optional argument~a" n-opt (if (= n-opt 1) "" "s")))
                              (d-keyword-text mand-kws opt-kws) f))))

;; `mand`, `opt`, the keyword contracts and `rest` are procedures of every
;; argument (the positional ones, the rest list, then the keywords in
;; keyword<? order; an optional one not given is the-unsupplied-arg).
;; `rng` is #f (any) or a list of procedures of the results and the
;; arguments, or with `underscore?` of the arguments only.
(define (make-d-arrow head mand opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest pre rng underscore? post)
  (let* ([n-mand (length mand)]
         [n-opt (length opt)]
         [pairs (sort (append (map cons mand-kws mand-kw-cs) (map cons opt-kws opt-kw-cs)) keyword<? #:key car)]
         [all-kws (map car pairs)]
         [kw-cs (map cdr pairs)]
         [sorted-mand-kws (sort mand-kws keyword<?)]
         [sorted-opt-kws (sort opt-kws keyword<?)]
         [name (d-arrow-name head n-mand sorted-mand-kws n-opt sorted-opt-kws (and rest #t) (and pre #t) rng underscore? (and post #t))]
         [positional (append mand opt)]
         [self #f])
    (set! self
          (%make-contract-record
           'impersonator name
           (lambda (f) (d-arrow-shape-ok? f n-mand n-opt (and rest #t) sorted-mand-kws sorted-opt-kws))
           (lambda (b)
             (let ([dom-blame (%c:blame-add-context b "the domain of" #:swap? #t)]
                   [rng-blame (%c:blame-add-range-context b)])
               (lambda (f)
                 (check-d-arrow-shape b f n-mand n-opt (and rest #t) sorted-mand-kws sorted-opt-kws)
                 (define (wrapper kws kw-vals args)
                   (let* ([n (+ n-mand n-opt)]
                          [given (length args)]
                          [pos-vals (for/list ([i (in-range n)]) (if (< i given) (list-ref args i) %c:the-unsupplied-arg))]
                          [rest-vals (if (> given n) (list-tail args n) '())]
                          [kw-vals* (for/list ([k (in-list all-kws)])
                                      (let loop ([ks kws] [vs kw-vals])
                                        (cond [(null? ks) %c:the-unsupplied-arg]
                                              [(eq? (car ks) k) (car vs)]
                                              [else (loop (cdr ks) (cdr vs))])))]
                          [dep-args (append pos-vals (if rest (list rest-vals) '()) kw-vals*)])
                     (when pre
                       (unless (apply pre dep-args)
                         (%c:raise-blame-error (%c:blame-swap b) f "#:pre violation~a" (values-text ", argument" dep-args))))
                     (let* ([early-rng (and rng underscore? (map (lambda (mk) (apply mk dep-args)) rng))]
                            [check-results
                             (and rng
                                  (lambda results
                                    (when post
                                      (unless (apply post (append results dep-args))
                                        (%c:raise-blame-error b f "#:post violation~a~a" (values-text ", argument" dep-args)
                                                              (values-text (if (null? dep-args) ", result" "\n result") results))))
                                    (unless (= (length rng) (length results))
                                      (%c:raise-blame-error b f "expected ~a results, got ~a" (length rng) (length results)))
                                    (apply values
                                           (for/list ([r (in-list results)] [i (in-naturals)])
                                             (project (if early-rng (list-ref early-rng i) (apply (list-ref rng i) (append results dep-args)))
                                                      '->d rng-blame r)))))]
                            [checked-kws (for/list ([k (in-list kws)] [v (in-list kw-vals)])
                                           (let loop ([ks all-kws] [cs kw-cs])
                                             (if (eq? (car ks) k) (project (apply (car cs) dep-args) '->d dom-blame v) (loop (cdr ks) (cdr cs)))))]
                            [checked (let loop ([args args] [cs positional])
                                       (cond
                                         [(null? args) (if rest (begin (project (apply rest dep-args) '->d dom-blame '()) '()) '())]
                                         [(null? cs) (project (apply rest dep-args) '->d dom-blame args)]
                                         [else (cons (project (apply (car cs) dep-args) '->d dom-blame (car args))
                                                     (loop (cdr args) (cdr cs)))]))])
                       (values check-results checked-kws checked))))
                 (impersonate-procedure
                  f
                  (if (null? all-kws)
                      (lambda args
                        (let-values ([(results kws args) (wrapper '() '() args)])
                          (if results (apply values results args) (apply values args))))
                      (make-keyword-procedure
                       (lambda (kws kw-vals . args)
                         (let-values ([(results kws* args) (wrapper kws kw-vals args)])
                           (cond
                             [(null? kws) (if results (apply values results args) (apply values args))]
                             [results (apply values results kws* args)]
                             [else (apply values kws* args)])))))
                  %impersonator-prop:contracted self
                  %impersonator-prop:blame b))))
           #f))
    self))

;; ---------------------------------------------------------------- struct/dc

;; `(struct/dc s (field c) (field (dep ...) ...) ... #:inv (dep ...) ...)`, fields in checking order.
(define (struct/dc-name struct-name fields inv)
  (append (list 'struct/dc struct-name)
          (for/list ([f (in-list fields)])
            (append (list (vector-ref f 0))
                    (if (vector-ref f 3) (list (vector-ref f 3)) '())
                    (if (vector-ref f 5) '(#:lazy) '())
                    (if (vector-ref f 3) '(...) (list (%contract-record-name (vector-ref f 4))))))
          (if inv (list '#:inv (car inv) '...) '())))

;; A field of struct/dc: its name, accessor, mutator (#f when immutable),
;; the fields it depends on (#f: none), the contract or the procedure of
;; the dependencies' values making it, whether it is checked lazily, and
;; whether its (dependent) contract is declared #:flat.
(define (make-struct/dc struct-name pred fields inv)
  (let* ([fields (for/list ([f (in-list fields)])
                   (if (vector-ref f 3)
                       f
                       (vector (vector-ref f 0) (vector-ref f 1) (vector-ref f 2) #f
                               (%c:coerce-contract 'struct/dc (vector-ref f 4)) (vector-ref f 5) #f)))]
         [independent (for/list ([f (in-list fields)] #:unless (vector-ref f 3)) (vector-ref f 4))]
         ;; Checked in an order where each field comes after those it depends on, else as written.
         [ordered (let loop ([pending fields] [done '()])
                    (if (null? pending)
                        (reverse done)
                        (let* ([ready? (lambda (f) (andmap (lambda (d) (ormap (lambda (g) (eq? (vector-ref g 0) d)) done))
                                                          (or (vector-ref f 3) '())))]
                               [next (or (findf ready? pending) (car pending))])
                          (loop (remq next pending) (cons next done)))))]
         ;; The name lists the fields in the order they are checked, as Racket's does.
         [name (struct/dc-name struct-name ordered inv)]
         [mutable? (for/or ([f (in-list fields)]) (and (vector-ref f 2) #t))]
         [flat? (and (not mutable?) (not inv)
                     ;; A dependent field counts as flat when marked #:flat.
                     (for/and ([f (in-list fields)]) (and (or (not (vector-ref f 3)) (vector-ref f 6)) (not (vector-ref f 5))))
                     (all-flat? independent))]
         [field-ctc (lambda (f env)
                      (let ([deps (vector-ref f 3)])
                        (%c:coerce-contract 'struct/dc
                                            (if deps
                                                (apply (vector-ref f 4) (map (lambda (d) (hash-ref env d)) deps))
                                                (vector-ref f 4)))))]
         [first-order
          (lambda (v)
            (and (pred v)
                 (let ([env (make-hasheq)])
                   (for/and ([f (in-list ordered)])
                     (let ([x ((vector-ref f 1) v)])
                       (hash-set! env (vector-ref f 0) x)
                       (or (vector-ref f 5) ((%contract-record-first-order (field-ctc f env)) x)))))))]
         [self #f])
    (set! self
     (%make-contract-record
     (if flat? 'flat 'chaperone) name
     first-order
     (lambda (b)
       (let ([field-blame (lambda (f) (%c:blame-add-context b (format "the ~a field of" (vector-ref f 0))))])
         (lambda (v)
           (unless (pred v) (%c:raise-blame-error b v '(expected: "~a?" given: "~e") struct-name v))
           (let ([env (make-hasheq)] [redirects '()])
             (for ([f (in-list ordered)])
               (let ([acc (vector-ref f 1)] [mut (vector-ref f 2)] [fb (field-blame f)])
                 (cond
                   [(or mut (vector-ref f 5))
                    ;; Checked at each access (and each mutation, blaming the other
                    ;; party); a mutable field that is not lazy is also checked now.
                    (let ([env-now (hash-copy env)])
                      (hash-set! env (vector-ref f 0)
                                 (if (vector-ref f 5) (acc v) (project (field-ctc f env) 'struct/dc fb (acc v))))
                      (set! redirects
                            (append redirects
                                    (list acc (lambda (s x) (project (field-ctc f env-now) 'struct/dc fb x)))
                                    (if mut
                                        (list mut (lambda (s x) (project (field-ctc f env-now) 'struct/dc (%c:blame-swap fb) x)))
                                        '()))))]
                   [else
                    (let* ([x (acc v)] [checked (project (field-ctc f env) 'struct/dc fb x)])
                      (hash-set! env (vector-ref f 0) checked)
                      (unless (eq? checked x)
                        (set! redirects (append redirects (list acc (lambda (s y) checked))))))])))
             (when inv
               (unless (apply (cdr inv) (map (lambda (d) (hash-ref env d)) (car inv)))
                 (%c:raise-blame-error b v "#:inv does not hold for:~a"
                                       (apply string-append (map (lambda (d) (format "\n  ~a: ~e" d (hash-ref env d))) (car inv))))))
             (if (null? redirects)
                 v
                 (apply chaperone-struct v (append redirects (list %impersonator-prop:contracted self %impersonator-prop:blame b))))))))
     '(printed . "struct/dc")))
    self))

;; ---------------------------------------------------------------- hash/dc

;; `key` is the keys' contract; `val` makes the values' from a key.
;; `val-part` and `options` are the form's text, as its name shows them.
(define (make-hash/dc key-id key val-part val immutable kind options)
  (let* ([key (%c:coerce-contract 'hash/dc key)]
         [name (append (list 'hash/dc (list key-id (%contract-record-name key)) val-part) options)]
         [shape-ok? (lambda (h) (and (hash? h)
                                     (case immutable
                                       [(#t) (immutable? h)]
                                       [(#f) (not (immutable? h))]
                                       [else #t])))])
    (%make-contract-record
     (if (eq? kind 'flat) 'flat (if (eq? kind 'impersonator) 'impersonator 'chaperone)) name
     (lambda (h)
       (and (shape-ok? h)
            (for/and ([(k v) (in-hash h)])
              (and ((%contract-record-first-order key) k)
                   ((%contract-record-first-order (%c:coerce-contract 'hash/dc (val k))) v)))))
     (lambda (b)
       (let* ([kb (%c:blame-add-context b "the keys of")]
              [vb (%c:blame-add-context b "the values of")]
              [pk ((%contract-record-projection key) kb)]
              [pk-in ((%contract-record-projection key) (%c:blame-swap kb))])
         (lambda (h)
           (unless (hash? h) (%c:raise-blame-error b h '("promised a hash" given: "~e") h))
           (unless (shape-ok? h)
             (%c:raise-blame-error b h '(expected " ~a hash" given: "~e") (if (eq? immutable #t) "an immutable" "a mutable") h))
           (if (or (immutable? h) (eq? kind 'flat))
               (begin
                 (for ([(k v) (in-hash h)])
                   (pk k)
                   (project (val k) 'hash/dc vb v))
                 h)
               (chaperone-hash
                h
                (lambda (h k) (values (pk-in k) (lambda (h k v) (project (val k) 'hash/dc vb v))))
                (lambda (h k v) (let ([k (pk-in k)]) (values k (project (val k) 'hash/dc (%c:blame-swap vb) v))))
                (lambda (h k) (pk-in k))
                (lambda (h k) (pk k))
                %impersonator-prop:blame b)))))
     #f)))

;; ---------------------------------------------------------------- cons/dc

;; `car-first?`: the car is independent and the cdr's contract is made from
;; it (else the other way round). `dependent-part` is the form's text.
(define (make-cons/dc car-first? independent-id independent dependent-part dependent kind)
  (let* ([independent (%c:coerce-contract 'cons/dc independent)]
         [independent-part (list independent-id (%contract-record-name independent))]
         [name (if car-first?
                   (list 'cons/dc independent-part dependent-part)
                   (list 'cons/dc dependent-part independent-part))]
         [kind (or kind 'chaperone)]
         [parts (lambda (p) (if car-first? (values (car p) (cdr p)) (values (cdr p) (car p))))])
    (%make-contract-record
     kind name
     (lambda (p)
       (and (pair? p)
            (let-values ([(i d) (parts p)])
              (and ((%contract-record-first-order independent) i)
                   ((%contract-record-first-order (%c:coerce-contract 'cons/dc (dependent i))) d)))))
     (lambda (b)
       (let ([ib (if car-first? (%c:blame-add-context b "the car of") (%c:blame-add-context b "the cdr of"))]
             [db (if car-first? (%c:blame-add-context b "the cdr of") (%c:blame-add-context b "the car of"))])
         (lambda (p)
           (unless (pair? p) (%c:raise-blame-error b p '(expected: "pair?" given: "~e") p))
           (let-values ([(i d) (parts p)])
             (let* ([i2 (((%contract-record-projection independent) ib) i)]
                    [d2 (project (dependent i2) 'cons/dc db d)])
               (cond
                 [(and (eq? i i2) (eq? d d2)) p]
                 [car-first? (cons i2 d2)]
                 [else (cons d2 i2)]))))))
     #f)))

;; ---------------------------------------------------------------- define-contract-struct

;; The legacy lazy structure contracts of define-contract-struct and
;; contract-struct: the struct `name` (opaque), and its contracts NAME/c
;; and NAME/dc, which wrap a value in a NAME/lazy-contract struct whose
;; fields are checked when accessed. Gives the constructor, the
;; predicate, the accessors, NAME/c and the maker of NAME/dc's contracts.
(define (make-contract-struct-family name fields)
  (let*-values ([(n) (length fields)]
                [(type make raw? raw-ref raw-set!) (make-struct-type name #f n 0)]
                [(lazy-type make-lazy lazy? lazy-ref lazy-set!)
                 (make-struct-type (string->symbol (format "~a/lazy-contract" name)) #f 3 0)])
    (letrec ([is? (lambda (v) (or (raw? v) (lazy? v)))]
             ;; Field i of v: a lazy wrapper's is its inner value's, under the contract made for it.
             [field (lambda (who i v)
                      (cond
                        [(raw? v) (raw-ref v i)]
                        [(lazy? v)
                         (let* ([inner (lazy-ref v 0)]
                                [b (lazy-ref v 1)]
                                [contract-of (lazy-ref v 2)])
                           (((%contract-record-projection (%c:coerce-contract who (contract-of i inner))) b)
                            (field who i inner)))]
                        [else (raise-argument-error who (format "~a?" name) v)]))]
             [accessors (for/list ([f (in-list fields)] [i (in-naturals)])
                          (let ([who (string->symbol (format "~a-~a" name f))])
                            (procedure-rename (lambda (v) (field who i v)) who)))]
             ;; A contract whose field contracts `contract-of` makes (from a field's index and the value).
             [family-contract
              (lambda (contract-name contract-of)
                (%make-contract-record
                 'impersonator contract-name is?
                 (lambda (b)
                   (lambda (v)
                     (unless (is? v) (%c:raise-blame-error b v '(expected: "~a" given: "~e") name v))
                     (make-lazy v b contract-of)))
                 (cons 'printed (format "~a-contract" name))))]
             [plain/c (lambda cs
                        (unless (= (length cs) n)
                          (raise (make-exn:fail:contract:arity
                                  (format "~a/c: arity mismatch;\n the expected number of arguments does not match the given number\n  expected: ~a\n  given: ~a"
                                          name n (length cs))
                                  (current-continuation-marks))))
                        (let ([cs (map (lambda (c) (%c:coerce-contract (string->symbol (format "~a/c" name)) c)) cs)])
                          (family-contract (cons (string->symbol (format "~a/c" name)) (map %contract-record-name cs))
                                           (lambda (i v) (list-ref cs i)))))]
             ;; `clauses`: (field deps maker) in field order; a dependent maker takes its dependencies' values.
             [dc (lambda (clauses)
                   (let ([shown (for/list ([c (in-list clauses)])
                                  (if (cadr c)
                                      (list (car c) '...)
                                      (list (car c) (%contract-record-name (%c:coerce-contract 'dc ((caddr c)))))))])
                     (family-contract
                      (cons (string->symbol (format "~a/dc" name)) shown)
                      (lambda (i v)
                        (let ([c (list-ref clauses i)])
                          (if (cadr c)
                              (apply (caddr c)
                                     (map (lambda (d) (field 'dc (index-of-field d) v)) (cadr c)))
                              ((caddr c))))))))]
             [index-of-field (lambda (f) (let loop ([l fields] [i 0]) (if (eq? (car l) f) i (loop (cdr l) (add1 i)))))])
      (append (list (procedure-rename make name) is?) accessors (list plain/c dc)))))
