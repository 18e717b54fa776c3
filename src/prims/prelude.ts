// The part of the library written in Racket: procedures that call
// procedures (the hot list traversals are machine primitives instead, in
// higher-order.ts). Running on the machine, they can block, escape, capture
// continuations and be preempted like any Racket code. Names provided as
// `lib:name` go to library `lib`; the rest extend racket/base. `%name`
// refers to the runtime-internal primitive `name`.

export const PRELUDE_SOURCE = String.raw`
(define (check-proc who f)
  (unless (procedure? f) (raise-argument-error who "procedure?" f)))
(define (check-list who l)
  (unless (list? l) (raise-argument-error who "list?" l)))
(define (member v l [eq equal?])
  (if (eq? eq equal?)
      (%member/equal v l)
      (let loop ([l l])
        (cond [(null? l) #f]
              [(eq v (car l)) l]
              [else (loop (cdr l))]))))

(define (assoc v l [eq equal?])
  (if (eq? eq equal?)
      (%assoc/equal v l)
      (let loop ([l l])
        (cond [(null? l) #f]
              [(eq v (car (car l))) (car l)]
              [else (loop (cdr l))]))))

(define (memf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car l)) l] [else (loop (cdr l))])))
(define (assf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car (car l))) (car l)] [else (loop (cdr l))])))
(define (findf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car l)) (car l)] [else (loop (cdr l))])))

(define (remove v l [eq equal?])
  (let loop ([l l])
    (cond [(null? l) '()]
          [(eq v (car l)) (cdr l)]
          [else (cons (car l) (loop (cdr l)))])))
(define (remq v l) (remove v l eq?))
(define (remv v l) (remove v l eqv?))
(define (remove* vs l [eq equal?])
  (filter (lambda (x) (not (memf (lambda (v) (eq v x)) vs))) l))

(define (build-list n f)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'build-list "exact-nonnegative-integer?" n))
  (let loop ([i 0])
    (if (= i n) '() (let ([v (f i)]) (cons v (loop (+ i 1)))))))
(define (build-vector n f)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'build-vector "exact-nonnegative-integer?" n))
  (let ([v (make-vector n 0)])
    (let loop ([i 0])
      (when (< i n) (vector-set! v i (f i)) (loop (+ i 1))))
    v))
(define (build-string n f) (list->string (build-list n f)))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

(define (hash-ref h k [fail %not-found])
  (let ([v (%hash-lookup h k)])
    (cond [(not (eq? v %not-found)) v]
          [(eq? fail %not-found)
           (raise-arguments-error 'hash-ref "no value found for key" "key" k)]
          [(procedure? fail) (fail)]
          [else fail])))
(define (hash-ref! h k v)
  (let ([r (%hash-lookup h k)])
    (if (eq? r %not-found)
        (let ([nv (if (procedure? v) (v) v)]) (hash-set! h k nv) nv)
        r)))
(define (hash-update! h k f [fail %not-found])
  (hash-set! h k (f (if (eq? fail %not-found) (hash-ref h k) (hash-ref h k fail)))))
(define (hash-update h k f [fail %not-found])
  (hash-set h k (f (if (eq? fail %not-found) (hash-ref h k) (hash-ref h k fail)))))
(define (hash-for-each h f)
  (for-each (lambda (p) (f (car p) (cdr p))) (hash->list h)))
(define (hash-map h f)
  (map (lambda (p) (f (car p) (cdr p))) (hash->list h)))

(define (sort lst less? #:key [key #f] #:cache-keys? [cache? #f])
  (check-list 'sort lst)
  (check-proc 'sort less?)
  (let* ([n (length lst)]
         [before? (if key (lambda (a b) (less? (key a) (key b))) less?)])
    (define (merge a b)
      (cond [(null? a) b]
            [(null? b) a]
            [(before? (car b) (car a)) (cons (car b) (merge a (cdr b)))]
            [else (cons (car a) (merge (cdr a) b))]))
    (define (msort l n)
      (if (< n 2)
          (if (= n 0) '() (list (car l)))
          (let ([h (quotient n 2)])
            (merge (msort l h) (msort (list-tail l h) (- n h))))))
    (msort lst n)))

;; File ports: keyword front ends over %open-input-file / %open-output-file.
(define (open-input-file path #:mode [mode 'binary] #:for-module? [for-module? #f])
  (%open-input-file path))
(define (open-output-file path #:exists [exists 'error] #:mode [mode 'binary]
                          #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (%open-output-file path exists))
(define (call-with-input-file path proc #:mode [mode 'binary])
  (let ([p (%open-input-file path)])
    (begin0 (proc p) (close-input-port p))))
(define (call-with-output-file path proc #:exists [exists 'error] #:mode [mode 'binary]
                               #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (let ([p (%open-output-file path exists)])
    (begin0 (proc p) (close-output-port p))))
(define (with-input-from-file path thunk #:mode [mode 'binary])
  (let ([p (%open-input-file path)])
    (dynamic-wind void
                  (lambda () (parameterize ([current-input-port p]) (thunk)))
                  (lambda () (close-input-port p)))))
(define (with-output-to-file path thunk #:exists [exists 'error] #:mode [mode 'binary]
                             #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (let ([p (%open-output-file path exists)])
    (dynamic-wind void
                  (lambda () (parameterize ([current-output-port p]) (thunk)))
                  (lambda () (close-output-port p)))))
;; racket/file
(define (file->string path #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (let ([s (read-string 1000000000 p)]) (if (eof-object? s) "" s)))))
(define (file->bytes path #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (let ([b (read-bytes 1000000000 p)]) (if (eof-object? b) #"" b)))))
(define (file->lines path #:line-mode [line-mode 'any] #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (for/list ([l (in-lines p line-mode)]) l))))
(define (display-to-file v path #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (display v p)) #:exists exists))
(define (write-to-file v path #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (write v p)) #:exists exists))
(define (display-lines-to-file lst path #:separator [sep "\n"] #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (for-each (lambda (x) (display x p) (display sep p)) lst)) #:exists exists))

;; The semaphore is posted when proc returns or escapes.
(define (with-semaphore who wait s proc try-fail args)
  (unless (semaphore? s) (raise-argument-error who "semaphore?" s))
  (unless (procedure? proc) (raise-argument-error who "procedure?" proc))
  (unless (or (not try-fail) (and (procedure? try-fail) (procedure-arity-includes? try-fail 0)))
    (raise-argument-error who "(or/c (procedure-arity-includes/c 0) #f)" try-fail))
  (if (and try-fail (not (semaphore-try-wait? s)))
      (try-fail)
      (begin
        (unless try-fail (wait s))
        (dynamic-wind void (lambda () (apply proc args)) (lambda () (semaphore-post s))))))
(define (call-with-semaphore s proc [try-fail #f] . args)
  (with-semaphore 'call-with-semaphore semaphore-wait s proc try-fail args))
(define (call-with-semaphore/enable-break s proc [try-fail #f] . args)
  (with-semaphore 'call-with-semaphore/enable-break semaphore-wait/enable-break s proc try-fail args))

(define (exact-nonnegative-integer? v) (and (exact-integer? v) (>= v 0)))
(define (exact-positive-integer? v) (and (exact-integer? v) (> v 0)))

(define (call-with-output-string f)
  (let ([p (open-output-string)]) (f p) (get-output-string p)))
(define (with-output-to-string thunk)
  (let ([p (open-output-string)])
    (parameterize ([current-output-port p]) (thunk))
    (get-output-string p)))

; ---- racket/list (messages as in collects/racket/list.rkt)
(define (proc1? f) (and (procedure? f) (procedure-arity-includes? f 1)))
(define (proc2? f) (and (procedure? f) (procedure-arity-includes? f 2)))
(define (hash-equivalence eq)
  (cond [(eq? eq equal?) 'equal] [(eq? eq eqv?) 'eqv] [(eq? eq eq?) 'eq] [else #f]))
(define (check-filter-arguments who f l ls)
  (unless (procedure? f) (apply raise-argument-error who "procedure?" 0 f l ls))
  (unless (procedure-arity-includes? f (add1 (length ls)))
    (raise-arguments-error who "mismatch between procedure arity and argument count"
                           "procedure" f "expected arity" (add1 (length ls))))
  (unless (and (list? l) (andmap list? ls))
    (let loop ([xs (cons l ls)] [i 1])
      (unless (list? (car xs)) (apply raise-argument-error who "list?" i f l ls))
      (loop (cdr xs) (add1 i))))
  (unless (andmap (lambda (x) (= (length x) (length l))) ls)
    (raise-arguments-error who "all lists must have same size")))
(define (filter-map f l . ls)
  (check-filter-arguments 'filter-map f l ls)
  (if (null? ls)
      (let loop ([l l] [acc '()])
        (if (null? l) (reverse acc)
            (let ([x (f (car l))]) (loop (cdr l) (if x (cons x acc) acc)))))
      (filter (lambda (x) x) (apply map f l ls))))
(define (count f l . ls)
  (check-filter-arguments 'count f l ls)
  (if (null? ls)
      (let loop ([l l] [c 0])
        (if (null? l) c (loop (cdr l) (if (f (car l)) (add1 c) c))))
      (let loop ([r (apply map f l ls)] [c 0])
        (if (null? r) c (loop (cdr r) (if (car r) (add1 c) c))))))
(define (partition pred l)
  (unless (proc1? pred) (raise-argument-error 'partition "(any/c . -> . any/c)" 0 pred l))
  (unless (list? l) (raise-argument-error 'partition "list?" 1 pred l))
  (let loop ([l l] [i '()] [o '()])
    (if (null? l)
        (values (reverse i) (reverse o))
        (let ([x (car l)] [l (cdr l)])
          (if (pred x) (loop l (cons x i) o) (loop l i (cons x o)))))))
(define (append-map f l . ls) (apply append (apply map f l ls)))
(define (filter-not f l)
  (unless (proc1? f) (raise-argument-error 'filter-not "(any/c . -> . any/c)" 0 f l))
  (unless (list? l) (raise-argument-error 'filter-not "list?" 1 f l))
  (let loop ([l l] [acc '()])
    (if (null? l) (reverse acc) (loop (cdr l) (if (f (car l)) acc (cons (car l) acc))))))
(define (append* l . lss) (apply apply append l lss))
(define (mk-min less? name f xs)
  (unless (proc1? f) (raise-argument-error name "(any/c . -> . real?)" 0 f xs))
  (unless (and (list? xs) (pair? xs)) (raise-argument-error name "(and/c list? (not/c empty?))" 1 f xs))
  (let ([init (f (car xs))])
    (unless (real? init) (%raise-result-error name "real?" init))
    (let loop ([best (car xs)] [bv init] [xs (cdr xs)])
      (if (null? xs)
          best
          (let ([v (f (car xs))])
            (unless (real? v) (%raise-result-error name "real?" v))
            (if (less? v bv) (loop (car xs) v (cdr xs)) (loop best bv (cdr xs))))))))
(define (argmin f xs) (mk-min < 'argmin f xs))
(define (argmax f xs) (mk-min > 'argmax f xs))
(define (list-update l i f)
  (unless (list? l) (raise-argument-error 'list-update "list?" 0 l i f))
  (unless (exact-nonnegative-integer? i) (raise-argument-error 'list-update "exact-nonnegative-integer?" 1 l i f))
  (unless (proc1? f) (raise-argument-error 'list-update "(-> any/c any/c)" 2 l i f))
  (let loop ([l l] [i i] [acc '()])
    (if (zero? i)
        (append (reverse acc) (cons (f (car l)) (cdr l)))
        (let ([x (car l)]) (loop (cdr l) (sub1 i) (cons x acc))))))
(define (index-of ls v [=? equal?])
  (unless (list? ls) (raise-argument-error 'index-of "list?" 0 ls v))
  (unless (proc2? =?) (raise-argument-error 'index-of "(-> any/c any/c any/c)" 2 ls v =?))
  (let loop ([ls ls] [i 0])
    (cond [(null? ls) #f] [(=? (car ls) v) i] [else (loop (cdr ls) (add1 i))])))
(define (index-where ls f)
  (unless (list? ls) (raise-argument-error 'index-where "list?" 0 ls f))
  (unless (proc1? f) (raise-argument-error 'index-where "(-> any/c any/c)" 1 ls f))
  (let loop ([ls ls] [i 0])
    (cond [(null? ls) #f] [(f (car ls)) i] [else (loop (cdr ls) (add1 i))])))
(define (indexes-of ls v [=? equal?])
  (unless (list? ls) (raise-argument-error 'indexes-of "list?" 0 ls v))
  (unless (proc2? =?) (raise-argument-error 'indexes-of "(-> any/c any/c any/c)" 2 ls v =?))
  (let loop ([ls ls] [i 0] [acc '()])
    (cond [(null? ls) (reverse acc)]
          [(=? (car ls) v) (loop (cdr ls) (add1 i) (cons i acc))]
          [else (loop (cdr ls) (add1 i) acc)])))
(define (indexes-where ls f)
  (unless (list? ls) (raise-argument-error 'indexes-where "list?" 0 ls f))
  (unless (proc1? f) (raise-argument-error 'indexes-where "(-> any/c any/c)" 1 ls f))
  (let loop ([ls ls] [i 0] [acc '()])
    (cond [(null? ls) (reverse acc)]
          [(f (car ls)) (loop (cdr ls) (add1 i) (cons i acc))]
          [else (loop (cdr ls) (add1 i) acc)])))
(define (takef l pred)
  (unless (procedure? pred) (raise-argument-error 'takef "procedure?" 1 l pred))
  (let loop ([l l] [acc '()])
    (if (and (pair? l) (pred (car l))) (loop (cdr l) (cons (car l) acc)) (reverse acc))))
(define (dropf l pred)
  (unless (procedure? pred) (raise-argument-error 'dropf "procedure?" 1 l pred))
  (let loop ([l l])
    (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))
(define (splitf-at l pred)
  (unless (procedure? pred) (raise-argument-error 'splitf-at "procedure?" 1 l pred))
  (let loop ([l l] [acc '()])
    (if (and (pair? l) (pred (car l))) (loop (cdr l) (cons (car l) acc)) (values (reverse acc) l))))
(define (count-from-right who l pred)
  (unless (procedure? pred) (raise-argument-error who "procedure?" 1 l pred))
  (let loop ([l l] [rev '()] [n 0])
    (if (pair? l)
        (loop (cdr l) (cons (car l) rev) (add1 n))
        (let loop ([n n] [l rev])
          (if (and (pair? l) (pred (car l))) (loop (sub1 n) (cdr l)) n)))))
(define (takef-right l pred) (%drop l (count-from-right 'takef-right l pred)))
(define (dropf-right l pred) (%take l (count-from-right 'dropf-right l pred)))
(define (splitf-at-right l pred) (%split-at l (count-from-right 'splitf-at-right l pred)))
(define (list-prefix? ls rs [same? equal?])
  (unless (list? ls) (raise-argument-error 'list-prefix? "list?" 0 ls rs))
  (unless (list? rs) (raise-argument-error 'list-prefix? "list?" 1 ls rs))
  (unless (proc2? same?) (raise-argument-error 'list-prefix? "(any/c any/c . -> . any/c)" 2 ls rs same?))
  (let loop ([ls ls] [rs rs])
    (or (null? ls) (and (pair? rs) (same? (car ls) (car rs)) (loop (cdr ls) (cdr rs))))))
(define (split-common-prefix* as bs same? name)
  (unless (list? as) (raise-argument-error name "list?" 0 as bs))
  (unless (list? bs) (raise-argument-error name "list?" 1 as bs))
  (unless (proc2? same?) (raise-argument-error name "(any/c any/c . -> . any/c)" 2 as bs same?))
  (let loop ([as as] [bs bs] [acc '()])
    (if (and (pair? as) (pair? bs) (same? (car as) (car bs)))
        (loop (cdr as) (cdr bs) (cons (car as) acc))
        (values (reverse acc) as bs))))
(define (split-common-prefix as bs [same? equal?]) (split-common-prefix* as bs same? 'split-common-prefix))
(define (take-common-prefix as bs [same? equal?])
  (let-values ([(p a b) (split-common-prefix* as bs same? 'take-common-prefix)]) p))
(define (drop-common-prefix as bs [same? equal?])
  (let-values ([(p a b) (split-common-prefix* as bs same? 'drop-common-prefix)]) (values a b)))
(define (add-between l x #:splice? [splice? #f] #:before-first [before-first '()]
                     #:before-last [before-last x] #:after-last [after-last '()])
  (%add-between l x splice? before-first before-last after-last))
(define (remove-duplicates l [=? equal?] #:key [key #f])
  (unless (list? l) (raise-argument-error 'remove-duplicates "list?" l))
  (let ([kind (hash-equivalence =?)])
    (cond
      [(or (null? l) (null? (cdr l))) l]
      [kind
        (%remove-duplicates/keys l (if key (map key l) l) kind)]
      [else
        (let ([key (or key (lambda (x) x))])
          (let loop ([l l] [seen '()] [acc '()])
            (if (null? l)
                (reverse acc)
                (let ([k (key (car l))])
                  (if (ormap (lambda (y) (=? k y)) seen)
                      (loop (cdr l) seen acc)
                      (loop (cdr l) (cons k seen) (cons (car l) acc)))))))])))
(define (check-duplicates items [same? equal?] #:key [key values] #:default [failure-result (lambda () #f)])
  (unless (list? items) (raise-argument-error 'check-duplicates "list?" 0 items))
  (unless (proc1? key) (raise-argument-error 'check-duplicates "(-> any/c any/c)" key))
  (let ([fail-k (if (procedure? failure-result) failure-result (lambda () failure-result))]
        [kind (hash-equivalence same?)])
    (cond [kind
           (let ([i (%duplicate-index (if (eq? key values) items (map key items)) kind)])
             (if i (list-ref items i) (fail-k)))]
          [else
           (unless (proc2? same?)
             (raise-argument-error 'check-duplicates "(any/c any/c . -> . any/c)" 1 items same?))
           (let loop ([items items] [sofar '()])
             (if (pair? items)
                 (let ([k (key (car items))])
                   (if (ormap (lambda (prev) (same? k prev)) sofar)
                       (car items)
                       (loop (cdr items) (cons k sofar))))
                 (fail-k)))])))
(define (group-by key l [=? equal?])
  (unless (proc1? key) (raise-argument-error 'group-by "(-> any/c any/c)" 0 key l))
  (unless (proc2? =?) (raise-argument-error 'group-by "(any/c any/c . -> . any/c)" 2 key l =?))
  (unless (list? l) (raise-argument-error 'group-by "list?" 1 key l))
  ;; Classes in order of first appearance, each in list order.
  (let ([kind (hash-equivalence =?)])
    (if kind
        (let ([index (cond [(eq? kind 'eq) (make-hasheq)] [(eq? kind 'eqv) (make-hasheqv)] [else (make-hash)])])
          ;; each class is a box holding its elements, newest first
          (let loop ([l l] [classes '()])
            (if (null? l)
                (map (lambda (b) (reverse (unbox b))) (reverse classes))
                (let* ([k (key (car l))] [cell (hash-ref index k #f)])
                  (if cell
                      (begin (set-box! cell (cons (car l) (unbox cell))) (loop (cdr l) classes))
                      (let ([b (box (list (car l)))])
                        (hash-set! index k b)
                        (loop (cdr l) (cons b classes))))))))
        (let loop ([l l] [classes '()])
          (if (null? l)
              (map (lambda (c) (reverse (mcdr c))) (reverse classes))
              (let* ([k (key (car l))]
                     [c (let find ([cs classes]) (cond [(null? cs) #f] [(=? (mcar (car cs)) k) (car cs)] [else (find (cdr cs))]))])
                (if c
                    (begin (set-mcdr! c (cons (car l) (mcdr c))) (loop (cdr l) classes))
                    (loop (cdr l) (cons (mcons k (list (car l))) classes)))))))))
(define (remf f ls)
  (unless (list? ls) (raise-argument-error 'remf "list?" 1 f ls))
  (unless (proc1? f) (raise-argument-error 'remf "(-> any/c any/c)" 0 f ls))
  (let loop ([l ls] [acc '()])
    (cond [(null? l) ls]
          [(f (car l)) (append (reverse acc) (cdr l))]
          [else (loop (cdr l) (cons (car l) acc))])))
(define (remf* f ls)
  (unless (list? ls) (raise-argument-error 'remf* "list?" 1 f ls))
  (unless (proc1? f) (raise-argument-error 'remf* "(-> any/c any/c)" 0 f ls))
  (let loop ([l ls] [acc '()])
    (cond [(null? l) (reverse acc)]
          [(f (car l)) (loop (cdr l) acc)]
          [else (loop (cdr l) (cons (car l) acc))])))
; ---- racket/string (the work is in string-lib.ts)
(define (string-append* s . ss) (apply apply string-append s ss))
(define (string-join strs [sep " "] #:before-first [before-first %no-separator]
                     #:before-last [before-last sep] #:after-last [after-last %no-separator])
  (%string-join strs sep before-first before-last after-last))
(define (string-split str [sep %no-separator] #:trim? [trim? #t] #:repeat? [repeat? #f])
  (%string-split 'string-split str sep trim? repeat?))
(define (string-trim str [sep %no-separator] #:left? [left? #t] #:right? [right? #t] #:repeat? [repeat? #f])
  (%string-trim str sep left? right? repeat?))
(define (string-normalize-spaces str [sep %no-separator] [space " "] #:trim? [trim? #t] #:repeat? [repeat? #f])
  (string-join (%string-split 'string-normalize-spaces str sep trim? repeat?) space))
(define (string-replace str from to #:all? [all? #t])
  (%string-replace str from to all?))
; ---- racket/set (the rest is in sets.ts)
(define (set-map s f)
  (let loop ([l (%set-elements 'set-map s f)])
    (if (null? l) '() (let ([v (f (car l))]) (cons v (loop (cdr l)))))))
(define (set-for-each s f)
  (let loop ([l (%set-elements 'set-for-each s f)])
    (unless (null? l) (f (car l)) (loop (cdr l)))))
(define (identity x) x)
(define (const v) (lambda args v))
(define (negate f) (lambda args (not (apply f args))))

; ---- hash-ref-key: the lookup is %hash-lookup-key, the failure result is handled here
(define (hash-ref-key h k [fail %not-found])
  (let ([v (%hash-lookup-key h k)])
    (cond [(not (eq? v %not-found)) v]
          [(eq? fail %not-found)
           (raise-arguments-error 'hash-ref-key "hash does not contain key" "key" k)]
          [(procedure? fail) (fail)]
          [else fail])))

; ---- compose: the result takes what the last procedure takes (unary when it is unary)
(define (compose-procedures who fs single?)
  (let loop ([l fs] [i 0])
    (unless (null? l)
      (unless (procedure? (car l)) (apply raise-argument-error who "procedure?" i fs))
      (loop (cdr l) (add1 i))))
  (if (null? fs)
      values
      (let* ([rfs (reverse fs)]
             [first (car rfs)]
             [rest (cdr rfs)]
             ;; applies the remaining procedures, last to first, to the results of the first call
             [finish (if single?
                         (lambda (thunk)
                           (let loop ([fs rest] [v (thunk)])
                             (if (null? fs) v (loop (cdr fs) ((car fs) v)))))
                         (lambda (thunk)
                           (let loop ([fs rest] [thunk thunk])
                             (if (null? fs)
                                 (thunk)
                                 (loop (cdr fs)
                                       (let ([f (car fs)])
                                         (lambda () (call-with-values thunk f))))))))])
        (cond [(null? rest) first]
              [(equal? (procedure-arity first) 1)
               (let ([composed (lambda (x) (finish (lambda () (first x))))]) composed)]
              [else
               (let ([composed (lambda args (finish (lambda () (apply first args))))]) composed)]))))
(define (compose . fs) (compose-procedures 'compose fs #f))
(define (compose1 . fs) (compose-procedures 'compose1 fs #t))

(define (real->decimal-string n [digits 2])
  (unless (rational? n) (raise-argument-error 'real->decimal-string "rational?" n))
  (unless (exact-nonnegative-integer? digits)
    (raise-argument-error 'real->decimal-string "exact-nonnegative-integer?" digits))
  (let* ([scale (expt 10 digits)]
         [scaled (round (abs (* scale (inexact->exact n))))]
         [fraction (number->string (remainder scaled scale))])
    (string-append (if (or (negative? n) (eqv? n -0.0)) "-" "")
                   (number->string (quotient scaled scale))
                   "."
                   (if (zero? digits)
                       ""
                       (string-append (make-string (- digits (string-length fraction)) #\0) fraction)))))

(define (time-apply f args)
  (let* ([cpu (current-process-milliseconds)]
         [real (current-inexact-milliseconds)]
         [gc (current-gc-milliseconds)]
         [results (call-with-values (lambda () (apply f args)) list)])
    (values results
            (- (current-process-milliseconds) cpu)
            (inexact->exact (round (- (current-inexact-milliseconds) real)))
            (- (current-gc-milliseconds) gc))))

; ---- racket/vector
(define (vector-slice v start end)
  (build-list (- end start) (lambda (i) (vector-ref v (+ start i)))))
(define (vector-sort v less? [start 0] [end #f] #:key [key #f] #:cache-keys? [cache? #f])
  (unless (vector? v) (raise-argument-error 'vector-sort "vector?" v))
  (unless (and (procedure? less?) (procedure-arity-includes? less? 2))
    (raise-argument-error 'vector-sort "(any/c any/c . -> . any/c)" less?))
  (let ([end (%check-vector-range 'vector-sort v start end)])
    (list->vector (sort (vector-slice v start end) less? #:key key))))
(define (vector-sort! v less? [start 0] [end #f] #:key [key #f] #:cache-keys? [cache? #f])
  (unless (and (vector? v) (not (immutable? v)))
    (raise-argument-error 'vector-sort! "(and/c vector? (not/c immutable?))" v))
  (unless (and (procedure? less?) (procedure-arity-includes? less? 2))
    (raise-argument-error 'vector-sort! "(any/c any/c . -> . any/c)" less?))
  (let ([end (%check-vector-range 'vector-sort! v start end)])
    (vector-copy! v start (list->vector (sort (vector-slice v start end) less? #:key key)))))
(define (vector-extremum less? who f v)
  (unless (and (procedure? f) (procedure-arity-includes? f 1))
    (raise-argument-error who "(any/c . -> . real?)" f))
  (unless (and (vector? v) (positive? (vector-length v)))
    (raise-argument-error who "(and/c vector? (lambda (v) (positive? (vector-length v))))" v))
  (let ([score (lambda (x) (let ([r (f x)]) (unless (real? r) (raise-result-error who "real?" r)) r))])
    (let loop ([i 1] [best (vector-ref v 0)] [best-score (score (vector-ref v 0))])
      (if (= i (vector-length v))
          best
          (let* ([x (vector-ref v i)] [s (score x)])
            (if (less? s best-score) (loop (add1 i) x s) (loop (add1 i) best best-score)))))))
(define (vector-argmin f v) (vector-extremum < 'vector-argmin f v))
(define (vector-argmax f v) (vector-extremum > 'vector-argmax f v))

; ---- sequences made of procedures (see ProcSequence in sequences.ts)
(define (sequence-procedures who s)
  (unless (sequence? s) (raise-argument-error who "sequence?" s))
  (let ([q (%make-sequence '() s)])
    (vector (%sequence-start-proc q) (%sequence-more-proc q) (%sequence-value-proc q) (%sequence-next-proc q))))
(define (in-indexed s)
  (let ([p (sequence-procedures 'in-indexed s)])
    (%make-proc-sequence
     (lambda () (cons ((vector-ref p 0)) 0))
     (lambda (pos) ((vector-ref p 1) (car pos)))
     (lambda (pos) (values ((vector-ref p 2) (car pos)) (cdr pos)))
     (lambda (pos) (cons ((vector-ref p 3) (car pos)) (add1 (cdr pos)))))))
(define (in-parallel . ss)
  (let ([ps (map (lambda (s) (sequence-procedures 'in-parallel s)) ss)])
    (%make-proc-sequence
     (lambda () (map (lambda (p) ((vector-ref p 0))) ps))
     (lambda (pos) (andmap (lambda (p x) ((vector-ref p 1) x)) ps pos))
     (lambda (pos) (apply values (map (lambda (p x) ((vector-ref p 2) x)) ps pos)))
     (lambda (pos) (map (lambda (p x) ((vector-ref p 3) x)) ps pos)))))
;; A position of in-sequences and in-cycle is (index . inner position),
;; always moved on to a sequence that has an element; index n means done.
(define (concatenated-sequence who ss cycle?)
  (let* ([ps (list->vector (map (lambda (s) (sequence-procedures who s)) ss))]
         [n (vector-length ps)]
         [start-of (lambda (i) ((vector-ref (vector-ref ps i) 0)))])
    (define (settle i pos tried)
      (cond [((vector-ref (vector-ref ps i) 1) pos) (cons i pos)]
            [(and cycle? (< tried n))
             (let ([j (modulo (add1 i) n)]) (settle j (start-of j) (add1 tried)))]
            [(and (not cycle?) (< (add1 i) n)) (settle (add1 i) (start-of (add1 i)) 0)]
            [else (cons n #f)]))
    (%make-proc-sequence
     (lambda () (if (zero? n) (cons 0 #f) (settle 0 (start-of 0) 0)))
     (lambda (pos) (< (car pos) n))
     (lambda (pos) ((vector-ref (vector-ref ps (car pos)) 2) (cdr pos)))
     (lambda (pos) (settle (car pos) ((vector-ref (vector-ref ps (car pos)) 3) (cdr pos)) 0)))))
(define (in-sequences . ss) (concatenated-sequence 'in-sequences ss #f))
(define (in-cycle . ss) (concatenated-sequence 'in-cycle ss #t))
;; The position is the value the producer just returned.
(define (in-producer producer . stop+args)
  (if (null? stop+args)
      (%make-proc-sequence producer (lambda (v) #t) (lambda (v) v) (lambda (v) (producer)))
      (let* ([stop (car stop+args)]
             [args (cdr stop+args)]
             [produce (lambda () (apply producer args))]
             [stop? (if (procedure? stop) stop (lambda (v) (eq? v stop)))])
        (%make-proc-sequence produce (lambda (v) (not (stop? v))) (lambda (v) v) (lambda (v) (produce))))))

; ---- SHA digests of a byte string or of what remains in an input port (the digest is %digest)
(define (digest-data in)
  (if (input-port? in)
      (let loop ([chunks '()])
        (let ([b (read-bytes 4096 in)])
          (if (eof-object? b) (apply bytes-append (reverse chunks)) (loop (cons b chunks)))))
      in))
(define (sha1-bytes in [start 0] [end #f]) (%digest 'sha1-bytes 'sha1 (digest-data in) start end))
(define (sha224-bytes in [start 0] [end #f]) (%digest 'sha224-bytes 'sha224 (digest-data in) start end))
(define (sha256-bytes in [start 0] [end #f]) (%digest 'sha256-bytes 'sha256 (digest-data in) start end))

(provide open-input-file open-output-file call-with-input-file call-with-output-file
         with-input-from-file with-output-to-file
         (rename-out [file->string racket/file:file->string]
                     [file->bytes racket/file:file->bytes]
                     [file->lines racket/file:file->lines]
                     [display-to-file racket/file:display-to-file]
                     [write-to-file racket/file:write-to-file]
                     [display-lines-to-file racket/file:display-lines-to-file])
         call-with-semaphore call-with-semaphore/enable-break
         member assoc memf assf findf
         remove remq remv remove* build-list build-vector build-string
         hash-ref hash-ref! hash-update! hash-update hash-for-each hash-map sort
         exact-nonnegative-integer? exact-positive-integer?
         hash-ref-key compose compose1 real->decimal-string time-apply
         in-indexed in-parallel in-sequences in-cycle in-producer
         sha1-bytes sha224-bytes sha256-bytes
         (rename-out [call-with-output-string racket/port:call-with-output-string]
                     [with-output-to-string racket/port:with-output-to-string]
                     [vector-map racket/vector:vector-map]
                     [vector-sort racket/vector:vector-sort]
                     [vector-sort! racket/vector:vector-sort!]
                     [vector-argmin racket/vector:vector-argmin]
                     [vector-argmax racket/vector:vector-argmax]
                     [filter-map racket/list:filter-map]
                     [append-map racket/list:append-map]
                     [filter-not racket/list:filter-not]
                     [partition racket/list:partition]
                     [count racket/list:count]
                     [argmin racket/list:argmin]
                     [argmax racket/list:argmax]
                     [append* racket/list:append*]
                     [list-update racket/list:list-update]
                     [index-of racket/list:index-of]
                     [index-where racket/list:index-where]
                     [indexes-of racket/list:indexes-of]
                     [indexes-where racket/list:indexes-where]
                     [takef racket/list:takef]
                     [dropf racket/list:dropf]
                     [splitf-at racket/list:splitf-at]
                     [takef-right racket/list:takef-right]
                     [dropf-right racket/list:dropf-right]
                     [splitf-at-right racket/list:splitf-at-right]
                     [list-prefix? racket/list:list-prefix?]
                     [split-common-prefix racket/list:split-common-prefix]
                     [take-common-prefix racket/list:take-common-prefix]
                     [drop-common-prefix racket/list:drop-common-prefix]
                     [add-between racket/list:add-between]
                     [remove-duplicates racket/list:remove-duplicates]
                     [check-duplicates racket/list:check-duplicates]
                     [group-by racket/list:group-by]
                     [remf racket/list:remf]
                     [remf* racket/list:remf*]
                     [string-append* racket/string:string-append*]
                     [string-join racket/string:string-join]
                     [string-split racket/string:string-split]
                     [string-trim racket/string:string-trim]
                     [string-normalize-spaces racket/string:string-normalize-spaces]
                     [string-replace racket/string:string-replace]
                     [set-map racket/set:set-map]
                     [set-for-each racket/set:set-for-each]
                     [identity racket/function:identity]
                     [const racket/function:const]
                     [negate racket/function:negate]))
`;
