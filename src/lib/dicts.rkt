#lang racket/base
;; racket/dict: the generic dictionary interface over hash tables, vectors,
;; association lists and structures with gen:dict or prop:dict (whose
;; method vector, one slot per method in dict-method-index's order, #f for
;; one not implemented, is prims/dicts.ts's prop:gen:dict). A built-in kind
;; implements the methods Racket's does; the others fall back on those, as
;; Racket's fallbacks do, or are "not implemented".

(provide (rename-out [dict? racket/dict:dict?]
                     [ch-make-spec #%rkt-internal:custom-equality-spec]
                     [dict-implements? racket/dict:dict-implements?]
                     [dict-mutable? racket/dict:dict-mutable?]
                     [dict-can-remove-keys? racket/dict:dict-can-remove-keys?]
                     [dict-can-functional-set? racket/dict:dict-can-functional-set?]
                     [dict-ref racket/dict:dict-ref]
                     [dict-set! racket/dict:dict-set!]
                     [dict-set racket/dict:dict-set]
                     [dict-remove! racket/dict:dict-remove!]
                     [dict-remove racket/dict:dict-remove]
                     [dict-count racket/dict:dict-count]
                     [dict-iterate-first racket/dict:dict-iterate-first]
                     [dict-iterate-next racket/dict:dict-iterate-next]
                     [dict-iterate-key racket/dict:dict-iterate-key]
                     [dict-iterate-value racket/dict:dict-iterate-value]
                     [dict-has-key? racket/dict:dict-has-key?]
                     [dict-ref! racket/dict:dict-ref!]
                     [dict-set*! racket/dict:dict-set*!]
                     [dict-set* racket/dict:dict-set*]
                     [dict-update! racket/dict:dict-update!]
                     [dict-update racket/dict:dict-update]
                     [dict-map racket/dict:dict-map]
                     [dict-map/copy racket/dict:dict-map/copy]
                     [dict-for-each racket/dict:dict-for-each]
                     [dict-keys racket/dict:dict-keys]
                     [dict-values racket/dict:dict-values]
                     [dict->list racket/dict:dict->list]
                     [dict-copy racket/dict:dict-copy]
                     [dict-empty? racket/dict:dict-empty?]
                     [dict-clear racket/dict:dict-clear]
                     [dict-clear! racket/dict:dict-clear!]
                     [in-dict racket/dict:in-dict]
                     [in-dict-keys racket/dict:in-dict-keys]
                     [in-dict-values racket/dict:in-dict-values]
                     [in-dict-pairs racket/dict:in-dict-pairs]
                     [make-custom-hash racket/dict:make-custom-hash]
                     [make-immutable-custom-hash racket/dict:make-immutable-custom-hash]
                     [make-weak-custom-hash racket/dict:make-weak-custom-hash]
                     [make-custom-hash-types racket/dict:make-custom-hash-types]
                     [keyword-apply/dict racket/dict:keyword-apply/dict]
                     [dict-key-contract racket/dict:dict-key-contract]
                     [dict-value-contract racket/dict:dict-value-contract]
                     [dict-iter-contract racket/dict:dict-iter-contract]
                     [dict-implements/c racket/dict:dict-implements/c]))

;; ------------------------------------------------------------ kinds and methods

(define (assoc? v)
  (or (null? v) (and (pair? v) (list? v) (andmap pair? v))))

(define (dict? v)
  (or (hash? v) (vector? v) (assoc? v) (and (%dict-methods v) #t)))

(define (dict-method-index name)
  (case name
    [(dict-ref) 0] [(dict-set!) 1] [(dict-set) 2] [(dict-remove!) 3] [(dict-remove) 4]
    [(dict-count) 5] [(dict-iterate-first) 6] [(dict-iterate-next) 7] [(dict-iterate-key) 8]
    [(dict-iterate-value) 9] [(dict-has-key?) 10] [(dict-ref!) 11] [(dict-set*!) 12]
    [(dict-set*) 13] [(dict-update!) 14] [(dict-update) 15] [(dict-map) 16] [(dict-map/copy) 17]
    [(dict-for-each) 18] [(dict-keys) 19] [(dict-values) 20] [(dict->list) 21] [(dict-copy) 22]
    [(dict-empty?) 23] [(dict-clear) 24] [(dict-clear!) 25] [else #f]))

(define (mutable-hash-method name)
  (case name
    [(dict-ref) hash-ref] [(dict-set!) hash-set!] [(dict-remove!) hash-remove!]
    [(dict-count) hash-count] [(dict-iterate-first) hash-iterate-first]
    [(dict-iterate-next) hash-iterate-next] [(dict-iterate-key) hash-iterate-key]
    [(dict-iterate-value) hash-iterate-value] [(dict-has-key?) hash-has-key?]
    [(dict-ref!) hash-ref!] [(dict-set*!) hash-set*!] [(dict-update!) hash-update!]
    [(dict-map) hash-map] [(dict-map/copy) hash-map/copy] [(dict-for-each) hash-for-each]
    [(dict-keys) hash-keys] [(dict-values) hash-values] [(dict->list) hash->list]
    [(dict-copy) hash-copy] [(dict-empty?) hash-empty?] [(dict-clear) hash-copy-clear]
    [(dict-clear!) hash-clear!] [else #f]))

(define (immutable-hash-method name)
  (case name
    [(dict-ref) hash-ref] [(dict-set) hash-set] [(dict-remove) hash-remove]
    [(dict-count) hash-count] [(dict-iterate-first) hash-iterate-first]
    [(dict-iterate-next) hash-iterate-next] [(dict-iterate-key) hash-iterate-key]
    [(dict-iterate-value) hash-iterate-value] [(dict-has-key?) hash-has-key?]
    [(dict-set*) hash-set*] [(dict-update) hash-update] [(dict-map) hash-map]
    [(dict-map/copy) hash-map/copy] [(dict-for-each) hash-for-each] [(dict-keys) hash-keys]
    [(dict-values) hash-values] [(dict-copy) hash-copy] [(dict->list) hash->list]
    [(dict-empty?) hash-empty?] [(dict-clear) hash-clear] [else #f]))

(define (vector-method name mutable?)
  (case name
    [(dict-ref) vector-ref-as-dict] [(dict-set!) (and mutable? vector-set!)]
    [(dict-count) vector-length] [(dict-iterate-first) vector-iterate-first]
    [(dict-iterate-next) vector-iterate-next] [(dict-iterate-key) vector-iterate-key]
    [(dict-iterate-value) vector-ref] [(dict-has-key?) vector-has-key?]
    [(dict-map) vector-map-as-dict] [(dict-for-each) vector-for-each-as-dict]
    [(dict-keys) vector-keys] [(dict-values) vector->list] [(dict-copy) vector-copy-as-dict]
    [(dict->list) vector->assoc] [(dict-empty?) vector-empty?] [else #f]))

(define (assoc-method name)
  (case name
    [(dict-ref) assoc-ref] [(dict-set) assoc-set] [(dict-remove) assoc-remove]
    [(dict-count) length] [(dict-iterate-first) assoc-iterate-first]
    [(dict-iterate-next) assoc-iterate-next] [(dict-iterate-key) assoc-iterate-key]
    [(dict-iterate-value) assoc-iterate-value] [(dict-has-key?) assoc-has-key?]
    [(dict-map) assoc-map] [(dict-map/copy) assoc-map/copy] [(dict-for-each) assoc-for-each]
    [(dict-keys) assoc-keys] [(dict-values) assoc-values] [(dict->list) values]
    [(dict-empty?) null?] [(dict-clear) assoc-clear] [else #f]))

;; The procedure implementing method `name` for dictionary `d`, or #f.
(define (dict-method d name)
  (cond [(hash? d) (if (immutable? d) (immutable-hash-method name) (mutable-hash-method name))]
        [(vector? d) (vector-method name (not (immutable? d)))]
        [(or (null? d) (pair? d)) (assoc-method name)]
        [else (let ([ms (%dict-methods d)])
                (and ms (vector-ref ms (dict-method-index name))))]))

(define (implements? d name) (and (dict-method d name) #t))

;; ------------------------------------------------------------ errors

;; The `in:` part of each procedure's contract in Racket's racket/dict, as its
;; contract violations show it, and the contract's location there.
(define dict-contracts
  '((dict-has-key? "dict?" "  in: the 1st argument of\n      (-> dict? any/c boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:180:2")
   (dict-ref "dict?" "  in: the d argument of\n      (->i\n       ((d dict?) (k (d) (dict-key-contract d)))\n       ((default any/c))\n       any)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:182:2")
   (dict-ref! "(dict-implements/c dict-set!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set!))\n        (k (d) (dict-key-contract d))\n        (default\n         (d)\n         (or/c\n          (dict-value-contract d)\n          (-> (dict-value-contract d)))))\n       (_r (d) (dict-value-contract d)))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:184:2")
   (dict-set! "(dict-implements/c dict-set!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set!))\n        (k (d) (dict-key-contract d))\n        (value (d) (dict-value-contract d)))\n       (_r void?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:189:2")
   (dict-set "(dict-implements/c dict-set)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set))\n        (k (d) (dict-key-contract d))\n        (value (d) (dict-value-contract d)))\n       (_r dict?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:191:2")
   (dict-set*! "(dict-implements/c dict-set!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set!)))\n       #:rest\n       (rst\n        (d)\n        (let ((key/c (dict-key-contract d))\n              (val/c (dict-value-contract d)))\n          (letrec ((args/c ...))\n            (and/c even-length-list? args/c))))\n       (_r void?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:193:2")
   (dict-set* "(dict-implements/c dict-set)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set)))\n       #:rest\n       (rst\n        (d)\n        (let ((key/c (dict-key-contract d))\n              (val/c (dict-value-contract d)))\n          (letrec ((args/c ...))\n            (and/c even-length-list? args/c))))\n       (_r dict?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:204:2")
   (dict-update! "(dict-implements/c dict-set!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set!))\n        (k (d) (dict-key-contract d))\n        (update\n         (d)\n         (->\n          (dict-value-contract d)\n          (dict-value-contract d))))\n       ((default\n         (d)\n         (or/c\n          (dict-value-contract d)\n          (-> (dict-value-contract d)))))\n       (_r void?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:215:2")
   (dict-update "(dict-implements/c dict-set)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-set))\n        (k (d) (dict-key-contract d))\n        (update\n         (d)\n         (->\n          (dict-value-contract d)\n          (dict-value-contract d))))\n       ((default\n         (d)\n         (or/c\n          (dict-value-contract d)\n          (-> (dict-value-contract d)))))\n       (_r dict?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:221:2")
   (dict-remove! "(dict-implements/c dict-remove!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-remove!))\n        (k (d) (dict-key-contract d)))\n       (_r void?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:227:2")
   (dict-remove "(dict-implements/c dict-remove)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-remove))\n        (k (d) (dict-key-contract d)))\n       (_r dict?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:229:2")
   (dict-count "dict?" "  in: the 1st argument of\n      (-> dict? natural?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:231:2")
   (dict-iterate-first "dict?" "  in: the d argument of\n      (->i\n       ((d dict?))\n       (_r (d) (or/c #f (dict-iter-contract d))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:233:2")
   (dict-iterate-next "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (iter (d) (dict-iter-contract d)))\n       (_r (d) (or/c #f (dict-iter-contract d))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:235:2")
   (dict-iterate-key "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (iter (d) (dict-iter-contract d)))\n       (_r (d) (dict-key-contract d)))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:237:2")
   (dict-iterate-value "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (iter (d) (dict-iter-contract d)))\n       (_r (d) (dict-value-contract d)))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:239:2")
   (dict-map "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (proc\n         (d)\n         (->\n          (dict-key-contract d)\n          (dict-value-contract d)\n          any)))\n       (_r (listof any/c)))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:242:2")
   (dict-for-each "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (proc\n         (d)\n         (->\n          (dict-key-contract d)\n          (dict-value-contract d)\n          any)))\n       (_r void?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:245:2")
   (dict-map/copy "dict?" "  in: the d argument of\n      (->i\n       ((d dict?)\n        (proc\n         (d)\n         (->\n          (dict-key-contract d)\n          (dict-value-contract d)\n          (values\n           (dict-key-contract d)\n           (dict-value-contract d)))))\n       (_r dict?))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:248:2")
   (dict-keys "dict?" "  in: the d argument of\n      (->i\n       ((d dict?))\n       (_r (d) (listof (dict-key-contract d))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:254:2")
   (dict-values "dict?" "  in: the d argument of\n      (->i\n       ((d dict?))\n       (_r (d) (listof (dict-value-contract d))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:257:2")
   (dict->list "dict?" "  in: the d argument of\n      (->i\n       ((d dict?))\n       (_r\n        (d)\n        (listof\n         (cons/c\n          (dict-key-contract d)\n          (dict-value-contract d)))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:260:2")
   (dict-empty? "dict?" "  in: the 1st argument of\n      (-> dict? boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:264:2")
   (dict-copy "dict?" "  in: the 1st argument of\n      (-> dict? dict?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:265:2")
   (dict-clear "dict?" "  in: the d argument of\n      (->i\n       ((d dict?))\n       (_r\n        (d)\n        (apply\n         dict-implements/c\n         (for/list\n          ((sym ...)\n           #:when\n           (dict-implements? d sym))\n          sym))))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:266:2")
   (dict-clear! "(dict-implements/c dict-remove!)" "  in: the d argument of\n      (->i\n       ((d (dict-implements/c dict-remove!)))\n       (_r void?)\n       #:post\n       (d)\n       (dict-empty? d))\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:272:2")
   (dict-mutable? "dict?" "  in: the 1st argument of\n      (-> dict? boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:173:2")
   (dict-can-remove-keys? "dict?" "  in: the 1st argument of\n      (-> dict? boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:175:2")
   (dict-can-functional-set? "dict?" "  in: the 1st argument of\n      (-> dict? boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:177:2")
   (dict-implements? "dict?" "  in: the 1st argument of\n      (->*\n       (dict?)\n       #:rest\n       (listof\n        (or/c\n         'dict-ref\n         'dict-set!\n         'dict-set\n         'dict-remove!\n         'dict-remove\n         'dict-count\n         'dict-iterate-first\n         'dict-iterate-next\n         'dict-iterate-key\n         'dict-iterate-value\n         'dict-has-key?\n         'dict-ref!\n         'dict-set*!\n         'dict-set*\n         'dict-update!\n         'dict-update\n         'dict-map\n         'dict-for-each\n         'dict-keys\n         'dict-values\n         'dict->list\n         'dict-copy\n         'dict-empty?\n         'dict-clear\n         'dict-clear!))\n       boolean?)\n  contract from: <collects>/racket/dict.rkt" "  at: <collects>/racket/dict.rkt:277:2")))

;; A contract violation as racket/dict's contracts report it (the blamed
;; party is the program, as when it calls racket/dict directly).
(define (dict-contract-error who expected given [argument #f] [show-given? #t])
  (let* ([entry (cdr (assq who dict-contracts))]
         [in-text (cadr entry)]
         [in-text (if argument
                      (regexp-replace #rx"the (d|1st) argument of" in-text argument)
                      in-text)])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a~a\n~a\n  blaming: ~a\n   (assuming the contract is correct)\n~a"
                    who expected (if show-given? (format "\n  given: ~e" given) "") in-text (blamed-party) (caddr entry))
            (current-continuation-marks)))))

(define (blamed-party)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

(define (check-dict who d)
  (unless (dict? d) (dict-contract-error who (car (cdr (assq who dict-contracts))) d)))

;; For a procedure whose dictionary must implement `method` (dict-implements/c).
(define (check-implements who d method)
  (unless (and (dict? d) (implements? d method))
    (dict-contract-error who (format "(dict-implements/c ~a)" method) d)))

;; A vector's keys are its indices.
(define (check-key who d k)
  (when (and (vector? d) (not (exact-nonnegative-integer? k)))
    (dict-contract-error who "natural?" k "the k argument of")))

;; The procedure given dict-map and dict-for-each must accept a key and a value.
(define (check-proc who proc)
  (cond [(not (procedure? proc)) (dict-contract-error who "a procedure" proc "the proc argument of")]
        [(not (procedure-arity-includes? proc 2))
         (dict-contract-error who
                              (format "a procedure that accepts 2 non-keyword arguments\n  given: ~e\n  ~a accepts: ~a"
                                      proc (object-name proc) (arity-text (procedure-arity proc)))
                              proc "the proc argument of" #f)]))

(define (arity-text a)
  (cond [(exact-integer? a) (format "~a argument~a" a (if (= a 1) "" "s"))]
        [(arity-at-least? a)
         (let ([n (arity-at-least-value a)]) (format "at least ~a argument~a" n (if (= n 1) "" "s")))]
        [else (format "~e" a)]))

(define (not-implemented who d)
  (raise (make-exn:fail:contract (format "~a: not implemented for ~e" who d) (current-continuation-marks))))

;; Calls method `name` of `d`, or `fallback` where `d` does not implement it.
(define (call-method who d name fallback . args)
  (let ([m (dict-method d name)])
    (cond [m (apply m d args)]
          [fallback (apply fallback d args)]
          [else (not-implemented who d)])))

;; ------------------------------------------------------------ vectors

(define vector-ref-as-dict
  (case-lambda
    [(d k) (vector-ref d k)]
    [(d k default)
     (if (and (exact-nonnegative-integer? k) (< k (vector-length d)))
         (vector-ref d k)
         (if (procedure? default) (default) default))]))

(define (vector-iterate-first d) (if (zero? (vector-length d)) #f 0))

(define (vector-iterate-next d i)
  (if (and (exact-nonnegative-integer? i) (< i (vector-length d)))
      (let ([j (add1 i)]) (if (= j (vector-length d)) #f j))
      (raise-mismatch-error 'dict-iterate-next "invalid iteration position for vector: " i)))

(define (vector-iterate-key d i) i)

(define (vector-has-key? d k) (and (exact-nonnegative-integer? k) (< k (vector-length d))))

(define (vector-map-as-dict d proc)
  (unless (and (procedure? proc) (procedure-arity-includes? proc 2))
    (raise-argument-error 'dict-map "(procedure-arity-includes/c 2)" proc))
  (for/list ([k (in-naturals)] [v (in-vector d)]) (proc k v)))

(define (vector-for-each-as-dict d proc)
  (unless (and (procedure? proc) (procedure-arity-includes? proc 2))
    (raise-argument-error 'dict-for-each "(procedure-arity-includes/c 2)" proc))
  (for ([k (in-naturals)] [v (in-vector d)]) (proc k v)))

(define (vector-keys d) (build-list (vector-length d) values))

(define (vector->assoc d) (for/list ([k (in-naturals)] [v (in-vector d)]) (cons k v)))

(define (vector-empty? d) (zero? (vector-length d)))

(define (vector-copy-as-dict d)
  (let ([c (make-vector (vector-length d))])
    (vector-copy! c 0 d)
    c))

;; ------------------------------------------------------------ association lists

(define assoc-ref
  (case-lambda
    [(d k) (let ([p (assoc k d)])
             (if p
                 (cdr p)
                 (raise-mismatch-error 'dict-ref (format "no value for key: ~e in: " k) d)))]
    [(d k default) (let ([p (assoc k d)])
                     (cond [p (cdr p)]
                           [(procedure? default) (default)]
                           [else default]))]))

(define (assoc-set d k v)
  (let loop ([l d])
    (cond [(null? l) (list (cons k v))]
          [(equal? (caar l) k) (cons (cons k v) (cdr l))]
          [else (cons (car l) (loop (cdr l)))])))

(define (assoc-remove d k)
  (let loop ([l d])
    (cond [(null? l) '()]
          [(equal? (caar l) k) (cdr l)]
          [else (cons (car l) (loop (cdr l)))])))

;; An association list's position: the list and the pair reached in it.
(define (assoc-iterate-first d) (if (null? d) #f (%make-assoc-iter d d)))

(define (assoc-position who d i)
  (if (and (%assoc-iter? i) (eq? (%assoc-iter-head i) d))
      (%assoc-iter-pos i)
      (raise-mismatch-error who "invalid iteration position for association list: " i)))

(define (assoc-iterate-next d i)
  (let ([rest (cdr (assoc-position 'dict-iterate-next d i))])
    (if (null? rest) #f (%make-assoc-iter d rest))))

(define (assoc-iterate-key d i) (caar (assoc-position 'dict-iterate-key d i)))
(define (assoc-iterate-value d i) (cdar (assoc-position 'dict-iterate-value d i)))

(define (assoc-has-key? d k) (pair? (assoc k d)))
(define (assoc-map d proc) (map (lambda (p) (proc (car p) (cdr p))) d))
(define (assoc-map/copy d proc)
  (map (lambda (p) (let-values ([(k v) (proc (car p) (cdr p))]) (cons k v))) d))
(define (assoc-for-each d proc) (for-each (lambda (p) (proc (car p) (cdr p))) d))
(define (assoc-keys d) (map car d))
(define (assoc-values d) (map cdr d))
(define (assoc-clear d) '())

;; ------------------------------------------------------------ the interface

(define (dict-implements? d . names)
  (check-dict 'dict-implements? d)
  (andmap (lambda (n) (implements? d n)) names))

(define (dict-mutable? d)
  (check-dict 'dict-mutable? d)
  (implements? d 'dict-set!))

(define (dict-can-remove-keys? d)
  (check-dict 'dict-can-remove-keys? d)
  (or (implements? d 'dict-remove!) (implements? d 'dict-remove)))

(define (dict-can-functional-set? d)
  (check-dict 'dict-can-functional-set? d)
  (implements? d 'dict-set))

(define dict-ref
  (case-lambda
    [(d k) (check-dict 'dict-ref d) (check-key 'dict-ref d k) (call-method 'dict-ref d 'dict-ref #f k)]
    [(d k default)
     (check-dict 'dict-ref d)
     (check-key 'dict-ref d k)
     (call-method 'dict-ref d 'dict-ref #f k default)]))

(define (dict-set! d k v)
  (check-implements 'dict-set! d 'dict-set!)
  (check-key 'dict-set! d k)
  (call-method 'dict-set! d 'dict-set! #f k v))

(define (dict-set d k v)
  (check-implements 'dict-set d 'dict-set)
  (call-method 'dict-set d 'dict-set #f k v))

(define (dict-remove! d k)
  (check-implements 'dict-remove! d 'dict-remove!)
  (call-method 'dict-remove! d 'dict-remove! #f k))

(define (dict-remove d k)
  (check-implements 'dict-remove d 'dict-remove)
  (call-method 'dict-remove d 'dict-remove #f k))

(define (dict-count d)
  (check-dict 'dict-count d)
  (call-method 'dict-count d 'dict-count
               (lambda (d)
                 (let loop ([n 0] [i (dict-iterate-first d)])
                   (if i (loop (add1 n) (dict-iterate-next d i)) n)))))

(define (dict-iterate-first d)
  (check-dict 'dict-iterate-first d)
  (call-method 'dict-iterate-first d 'dict-iterate-first #f))

(define (dict-iterate-next d i)
  (check-dict 'dict-iterate-next d)
  (call-method 'dict-iterate-next d 'dict-iterate-next #f i))

(define (dict-iterate-key d i)
  (check-dict 'dict-iterate-key d)
  (call-method 'dict-iterate-key d 'dict-iterate-key #f i))

(define (dict-iterate-value d i)
  (check-dict 'dict-iterate-value d)
  (call-method 'dict-iterate-value d 'dict-iterate-value #f i))

(define (dict-has-key? d k)
  (check-dict 'dict-has-key? d)
  (call-method 'dict-has-key? d 'dict-has-key?
               (lambda (d k)
                 (let ([none (string->uninterned-symbol "none")])
                   (not (eq? none (dict-ref d k none)))))
               k))

(define (dict-ref! d k new)
  (check-implements 'dict-ref! d 'dict-set!)
  (call-method 'dict-ref! d 'dict-ref!
               (lambda (d k new)
                 (let* ([none (string->uninterned-symbol "none")]
                        [v (dict-ref d k none)])
                   (if (eq? v none)
                       (let ([n (if (procedure? new) (new) new)])
                         (dict-set! d k n)
                         n)
                       v)))
               k new))

;; dict-set* and dict-set*!: key-value pairs, checked to be pairs.
(define (check-pairs who pairs)
  (unless (even? (length pairs))
    (dict-contract-error who "even-length-list?" pairs "the 1st conjunct of\n      the rst argument of")))

(define (dict-set*! d . pairs)
  (check-implements 'dict-set*! d 'dict-set!)
  (check-pairs 'dict-set*! pairs)
  (apply call-method 'dict-set*! d 'dict-set*!
         (lambda (d . pairs)
           (let loop ([ps pairs])
             (unless (null? ps)
               (dict-set! d (car ps) (cadr ps))
               (loop (cddr ps)))))
         pairs))

(define (dict-set* d . pairs)
  (check-implements 'dict-set* d 'dict-set)
  (check-pairs 'dict-set* pairs)
  (apply call-method 'dict-set* d 'dict-set*
         (lambda (d . pairs)
           (let loop ([d d] [ps pairs])
             (if (null? ps) d (loop (dict-set d (car ps) (cadr ps)) (cddr ps)))))
         pairs))

(define dict-update!
  (case-lambda
    [(d k update)
     (check-implements 'dict-update! d 'dict-set!)
     (call-method 'dict-update! d 'dict-update! (lambda (d k update) (dict-set! d k (update (dict-ref d k)))) k update)]
    [(d k update default)
     (check-implements 'dict-update! d 'dict-set!)
     (call-method 'dict-update! d 'dict-update!
                  (lambda (d k update default) (dict-set! d k (update (dict-ref d k default))))
                  k update default)]))

(define dict-update
  (case-lambda
    [(d k update)
     (check-implements 'dict-update d 'dict-set)
     (call-method 'dict-update d 'dict-update (lambda (d k update) (dict-set d k (update (dict-ref d k)))) k update)]
    [(d k update default)
     (check-implements 'dict-update d 'dict-set)
     (call-method 'dict-update d 'dict-update
                  (lambda (d k update default) (dict-set d k (update (dict-ref d k default))))
                  k update default)]))

(define (dict-map d proc)
  (check-dict 'dict-map d)
  (check-proc 'dict-map proc)
  (call-method 'dict-map d 'dict-map (lambda (d f) (for/list ([(k v) (in-dict d)]) (f k v))) proc))

(define (dict-for-each d proc)
  (check-dict 'dict-for-each d)
  (check-proc 'dict-for-each proc)
  (call-method 'dict-for-each d 'dict-for-each (lambda (d f) (for ([(k v) (in-dict d)]) (f k v))) proc))

(define (dict-map/copy d proc)
  (check-dict 'dict-map/copy d)
  (check-proc 'dict-map/copy proc)
  (call-method 'dict-map/copy d 'dict-map/copy
               (lambda (d f)
                 (cond [(implements? d 'dict-set)
                        (for/fold ([acc (dict-clear d)]) ([(k v) (in-dict d)])
                          (let-values ([(k2 v2) (f k v)]) (dict-set acc k2 v2)))]
                       [(implements? d 'dict-set!)
                        (let ([acc (dict-copy d)])
                          (dict-clear! acc)
                          (for ([(k v) (in-dict d)])
                            (let-values ([(k2 v2) (f k v)]) (dict-set! acc k2 v2)))
                          acc)]
                       [else (not-implemented 'dict-map/copy d)]))
               proc))

(define (dict-keys d)
  (check-dict 'dict-keys d)
  (call-method 'dict-keys d 'dict-keys (lambda (d) (for/list ([k (in-dict-keys d)]) k))))

(define (dict-values d)
  (check-dict 'dict-values d)
  (call-method 'dict-values d 'dict-values (lambda (d) (for/list ([v (in-dict-values d)]) v))))

(define (dict->list d)
  (check-dict 'dict->list d)
  (call-method 'dict->list d 'dict->list (lambda (d) (for/list ([p (in-dict-pairs d)]) p))))

(define (dict-copy d)
  (check-dict 'dict-copy d)
  (call-method 'dict-copy d 'dict-copy
               (lambda (d)
                 (unless (and (implements? d 'dict-clear) (implements? d 'dict-set!))
                   (not-implemented 'dict-copy d))
                 (let ([d2 (dict-clear d)])
                   (for ([(k v) (in-dict d)]) (dict-set! d2 k v))
                   d2))))

(define (dict-empty? d)
  (check-dict 'dict-empty? d)
  (call-method 'dict-empty? d 'dict-empty? (lambda (d) (not (dict-iterate-first d)))))

(define (dict-clear d)
  (check-dict 'dict-clear d)
  (call-method 'dict-clear d 'dict-clear
               (lambda (d)
                 (unless (implements? d 'dict-remove) (not-implemented 'dict-clear d))
                 (for/fold ([d d]) ([k (in-dict-keys d)]) (dict-remove d k)))))

(define (dict-clear! d)
  (check-implements 'dict-clear! d 'dict-remove!)
  (call-method 'dict-clear! d 'dict-clear!
               (lambda (d)
                 (let loop ()
                   (let ([i (dict-iterate-first d)])
                     (when i
                       (dict-remove! d (dict-iterate-key d i))
                       (loop)))))))

;; ------------------------------------------------------------ sequences

;; The dictionary is checked when the walk starts, as Racket's in-dict
;; clauses check it.
(define (dict-sequence who d element)
  (make-do-sequence
   (lambda ()
     (unless (dict? d) (raise-argument-error who "dict?" d))
     (values (lambda (i) (element d i))
             (lambda (i) (dict-iterate-next d i))
             (dict-iterate-first d)
             (lambda (i) i)
             #f
             #f))))

(define (in-dict d)
  (dict-sequence 'in-dict d (lambda (d i) (values (dict-iterate-key d i) (dict-iterate-value d i)))))
(define (in-dict-keys d) (dict-sequence 'in-dict-keys d dict-iterate-key))
(define (in-dict-values d) (dict-sequence 'in-dict-values d dict-iterate-value))
(define (in-dict-pairs d)
  (dict-sequence 'in-dict-pairs d (lambda (d i) (cons (dict-iterate-key d i) (dict-iterate-value d i)))))

;; ------------------------------------------------------------ custom hash tables

;; A custom hash is a structure (prims/custom-hash.ts) of its spec and a hash
;; table whose keys are wrapped: a wrapped key holds the spec and the key, and
;; its equal+hash procedures are the spec's. The spec is
;; #(key? =? hash-proc hash2-proc intern), intern mapping keys to their wrappers.

(define (custom-hash-kinds)
  (%custom-hash-types
   (vector ch-ref #f ch-set #f ch-remove ch-count ch-iterate-first ch-iterate-next
           ch-iterate-key ch-iterate-value ch-has-key? #f #f ch-set* #f ch-update ch-map #f
           ch-for-each ch-keys ch-values ch->list #f ch-empty? ch-clear #f)
   (vector ch-ref ch-set! #f ch-remove! #f ch-count ch-iterate-first ch-iterate-next
           ch-iterate-key ch-iterate-value ch-has-key? ch-ref! ch-set*! #f ch-update! #f ch-map #f
           ch-for-each ch-keys ch-values ch->list ch-copy ch-empty? ch-clear ch-clear!)
   (list (lambda (a b recur)
           (and (eq? (ch-spec a) (ch-spec b)) (recur (ch-table a) (ch-table b))))
         (lambda (a recur) (+ (eq-hash-code (ch-spec a)) (recur (ch-table a))))
         (lambda (a recur) (recur (ch-table a))))
   (list (lambda (a b recur)
           (let ([=? (vector-ref (ck-spec a) 1)])
             (and (eq? (ck-spec a) (ck-spec b))
                  (if (procedure-arity-includes? =? 2)
                      (=? (ck-contents a) (ck-contents b))
                      (=? (ck-contents a) (ck-contents b) recur)))))
         (lambda (a recur) (ck-hash (vector-ref (ck-spec a) 2) a recur))
         (lambda (a recur) (ck-hash (vector-ref (ck-spec a) 3) a recur)))))

(define (ck-hash hc a recur)
  (if (procedure-arity-includes? hc 1) (hc (ck-contents a)) (hc (ck-contents a) recur)))
(define (ch-spec d) (%custom-struct-ref d 0))
(define (ch-table d) (%custom-struct-ref d 1))
(define (ck-spec k) (%custom-struct-ref k 0))
(define (ck-contents k) (%custom-struct-ref k 1))

(define (ch-kind-index kind) (case kind [(immutable) 0] [(mutable) 1] [(weak) 2]))
(define (ch-make kind spec table)
  (%make-custom-struct (vector-ref (custom-hash-kinds) (ch-kind-index kind)) spec table))
;; A new custom hash of d's kind and spec over table.
(define (ch-remake d table)
  (ch-make (cond [(immutable? table) 'immutable] [(hash-weak? table) 'weak] [else 'mutable])
           (ch-spec d) table))

(define (ch-wrap spec key)
  (let ([intern (vector-ref spec 4)])
    (or (hash-ref intern key #f)
        (let ([w (%make-custom-struct (vector-ref (custom-hash-kinds) 3) spec key)])
          (hash-set! intern key w)
          w))))
(define (ch-check who spec key)
  (let ([key? (vector-ref spec 0)])
    (unless (key? key) (raise-argument-error who (format "~a" key?) key))))
(define (ch-key who d key)
  (ch-check who (ch-spec d) key)
  (ch-wrap (ch-spec d) key))
(define (ch-no-key who d key)
  (lambda ()
    (raise-arguments-error who "no value found for key" "key" key "all keys" (ch-keys d))))

(define (ch-ref d key [default (ch-no-key 'dict-ref d key)])
  (hash-ref (ch-table d) (ch-key 'dict-ref d key) default))
(define (ch-set! d key v) (hash-set! (ch-table d) (ch-key 'dict-set! d key) v))
(define (ch-set d key v) (ch-remake d (hash-set (ch-table d) (ch-key 'dict-set d key) v)))
(define (ch-remove! d key) (hash-remove! (ch-table d) (ch-key 'dict-remove! d key)))
(define (ch-remove d key) (ch-remake d (hash-remove (ch-table d) (ch-key 'dict-remove d key))))
(define (ch-count d) (hash-count (ch-table d)))
(define (ch-iterate-first d) (hash-iterate-first (ch-table d)))
(define (ch-iterate-next d i) (hash-iterate-next (ch-table d) i))
(define (ch-iterate-key d i) (ck-contents (hash-iterate-key (ch-table d) i)))
(define (ch-iterate-value d i) (hash-iterate-value (ch-table d) i))
(define (ch-has-key? d key) (hash-has-key? (ch-table d) (ch-key 'dict-has-key? d key)))
(define (ch-ref! d key default) (hash-ref! (ch-table d) (ch-key 'dict-ref! d key) default))
(define (ch-pairs who d pairs step init)
  (let loop ([ps pairs] [acc init])
    (cond [(null? ps) acc]
          [(null? (cdr ps))
           (raise-arguments-error who "expected an even number of association elements"
                                  "association elements" pairs)]
          [else (loop (cddr ps) (step acc (ch-key who d (car ps)) (cadr ps)))])))
(define (ch-set*! d . pairs)
  (ch-pairs 'dict-set*! d pairs (lambda (t k v) (hash-set! t k v) t) (ch-table d))
  (void))
(define (ch-set* d . pairs)
  (ch-remake d (ch-pairs 'dict-set* d pairs hash-set (ch-table d))))
(define (ch-update! d key proc [default (ch-no-key 'dict-update! d key)])
  (hash-update! (ch-table d) (ch-key 'dict-update! d key) proc default))
(define (ch-update d key proc [default (ch-no-key 'dict-update d key)])
  (ch-remake d (hash-update (ch-table d) (ch-key 'dict-update d key) proc default)))
(define (ch-map d proc) (hash-map (ch-table d) (lambda (k v) (proc (ck-contents k) v))))
(define (ch-for-each d proc) (hash-for-each (ch-table d) (lambda (k v) (proc (ck-contents k) v))))
;; Racket's gathers these by consing along the table's order.
(define (ch-keys d) (for/fold ([acc '()]) ([k (in-hash-keys (ch-table d))]) (cons (ck-contents k) acc)))
(define (ch-values d) (for/fold ([acc '()]) ([v (in-hash-values (ch-table d))]) (cons v acc)))
(define (ch->list d)
  (for/fold ([acc '()]) ([(k v) (in-hash (ch-table d))]) (cons (cons (ck-contents k) v) acc)))
(define (ch-copy d) (ch-remake d (hash-copy (ch-table d))))
(define (ch-empty? d) (hash-empty? (ch-table d)))
(define (ch-clear d) (ch-remake d (hash-clear (ch-table d))))
(define (ch-clear! d) (hash-clear! (ch-table d)))

(define (ch-default-hash x recur) 1)
(define (ch-default-key? x) #t)

(define (ch-check-arity who f a b)
  (unless (and (procedure? f) (or (procedure-arity-includes? f a) (and b (procedure-arity-includes? f b))))
    (raise-argument-error
     who
     (if b
         (format "(or/c (procedure-arity-includes/c ~a) (procedure-arity-includes/c ~a))" a b)
         (format "(procedure-arity-includes/c ~a)" a))
     f)))
(define (ch-make-spec who key? =? hc1 hc2)
  (ch-check-arity who =? 2 3)
  (ch-check-arity who hc1 1 2)
  (ch-check-arity who hc2 1 2)
  (ch-check-arity who key? 1 #f)
  (vector key? =? hc1 hc2 (make-weak-hasheq)))

;; A maker: (maker [dict]) → a custom hash of kind with dict's associations.
(define (ch-maker kind spec name)
  (procedure-rename
   (lambda ([init '()])
     (let ([table (if (eq? kind 'immutable)
                      (for/fold ([t (hash)]) ([(k v) (in-dict init)])
                        (ch-check name spec k)
                        (hash-set t (ch-wrap spec k) v))
                      (let ([t (if (eq? kind 'weak) (make-weak-hash) (make-hash))])
                        (for ([(k v) (in-dict init)])
                          (ch-check name spec k)
                          (hash-set! t (ch-wrap spec k) v))
                        t))])
       (ch-make kind spec table)))
   name))
(define (ch-predicate kinds spec name)
  (procedure-rename
   (lambda (v)
     (let ([type (%custom-hash-type v)])
       (and type
            (memv (let ([all (custom-hash-kinds)])
                    (cond [(eq? type (vector-ref all 0)) 'immutable]
                          [(eq? type (vector-ref all 1)) 'mutable]
                          [else 'weak]))
                  kinds)
            (eq? (ch-spec v) spec)
            #t)))
   name))

(define (make-custom-hash =? [hc1 ch-default-hash] [hc2 ch-default-hash] #:key? [key? ch-default-key?])
  ((ch-maker 'mutable (ch-make-spec 'make-custom-hash key? =? hc1 hc2) 'make)))
(define (make-weak-custom-hash =? [hc1 ch-default-hash] [hc2 ch-default-hash] #:key? [key? ch-default-key?])
  ((ch-maker 'weak (ch-make-spec 'make-custom-hash key? =? hc1 hc2) 'make)))
(define (make-immutable-custom-hash =? [hc1 ch-default-hash] [hc2 ch-default-hash] #:key? [key? ch-default-key?])
  ((ch-maker 'immutable (ch-make-spec 'make-custom-hash key? =? hc1 hc2) 'make)))

(define (make-custom-hash-types =? [hc1 ch-default-hash] [hc2 ch-default-hash]
                                #:key? [key? ch-default-key?]
                                #:for [who 'make-custom-hash-types]
                                #:name [name 'custom-hash])
  (let ([spec (ch-make-spec who key? =? hc1 hc2)]
        [named (lambda (prefix suffix)
                 (string->symbol (string-append prefix (symbol->string name) suffix)))])
    (values (ch-predicate '(immutable mutable weak) spec (named "" "?"))
            (ch-predicate '(immutable) spec (named "immutable-" "?"))
            (ch-predicate '(mutable) spec (named "mutable-" "?"))
            (ch-predicate '(weak) spec (named "weak-" "?"))
            (ch-maker 'immutable spec (named "make-immutable-" ""))
            (ch-maker 'mutable spec (named "make-mutable-" ""))
            (ch-maker 'weak spec (named "make-weak-" "")))))

;; ------------------------------------------------------------ keyword-apply/dict

;; The dictionary's keywords, sorted, and their values in that order.
(define (kad-keywords kws)
  (unless (dict? kws) (raise-argument-error 'keyword-apply/dict "dict" kws))
  (let ([ks (dict-keys kws)])
    (unless (andmap keyword? ks) (raise-argument-error 'keyword-apply/dict "dict with keyword keys" kws))
    (sort ks keyword<?)))
(define (kad-values kws ks) (map (lambda (k) (dict-ref kws k)) ks))
(define (kad-plain f kws . args)
  (when (null? args) (apply raise-arity-error 'keyword-apply/dict (make-arity-at-least 3) f kws args))
  (let ([ks (kad-keywords kws)])
    (apply keyword-apply f ks (kad-values kws ks) args)))
(define (kad-with-keywords given-ks given-vs f kws . args)
  (when (null? args) (apply raise-arity-error 'keyword-apply/dict (make-arity-at-least 3) f kws args))
  (let ([ks (kad-keywords kws)])
    (for ([k (in-list given-ks)] #:when (memq k ks))
      (raise-mismatch-error 'keyword-apply/dict "keyword duplicated in dict and direct keyword arguments: " k))
    ;; the direct keywords and the dictionary's, merged in order
    (let* ([pairs (sort (append (map cons given-ks given-vs) (map cons ks (kad-values kws ks)))
                        keyword<? #:key car)])
      (apply keyword-apply f (map car pairs) (map cdr pairs) args))))
(define keyword-apply/dict
  (%any-keyword-procedure
   (procedure-rename kad-with-keywords 'keyword-apply/dict)
   (procedure-reduce-arity (procedure-rename kad-plain 'keyword-apply/dict) (make-arity-at-least 3))))

;; ------------------------------------------------------------ dictionary contracts

;; prop:dict/contract's second part: #(key/c value/c iter/c inst-key inst-value inst-iter).
(define (dict-contract-part d who i)
  (let ([cv (%dict-contracts d)])
    (and cv
         (let ([type-c (vector-ref cv i)] [inst (vector-ref cv (+ i 3))])
           (if inst (%c:and/c type-c (inst d)) type-c)))))
(define (dict-key-contract d)
  (or (dict-contract-part d 'dict-key-contract 0)
      (if (vector? d) exact-nonnegative-integer? %c:any/c)))
(define (dict-value-contract d)
  (or (dict-contract-part d 'dict-value-contract 1) %c:any/c))
(define (dict-iter-contract d)
  (or (dict-contract-part d 'dict-iter-contract 2) %c:any/c))

(define (dict-implements/c . names)
  (for ([n (in-list names)])
    (unless (and (dict-method-index n) (not (eq? n 'dict-map/copy)))
      (raise-argument-error 'dict-implements/c "(or/c (quote dict-ref) (quote dict-set!) (quote dict-set) (quote dict-remove!) (quote dict-remove) (quote dict-count) (quote dict-iterate-first) (quote dict-iterate-next) (quote dict-iterate-key) (quote dict-iterate-value) (quote dict-has-key?) (quote dict-ref!) (quote dict-set*!) (quote dict-set*) (quote dict-update!) (quote dict-update) (quote dict-map) (quote dict-for-each) (quote dict-keys) (quote dict-values) (quote dict->list) (quote dict-copy) (quote dict-empty?) (quote dict-clear) (quote dict-clear!))" n)))
  (if (null? names)
      dict?
      (%c:flat-named-contract (cons 'dict-implements/c names)
                           (lambda (v) (and (dict? v) (andmap (lambda (n) (implements? v n)) names))))))
