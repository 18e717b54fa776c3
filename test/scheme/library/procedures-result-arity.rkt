#lang racket/base
;; procedure-result-arity: racket/base's procedures, closures, struct and property procedures, wrappers, errors.
(define-syntax-rule (try e) (with-handlers ([void (lambda (ex) (displayln (exn-message ex)))]) (println e)))
(define-syntax-rule (show e ...) (begin (printf "~s: ~s\n" 'e (procedure-result-arity e)) ...))
;; racket/base's procedures: what Racket's compiler knows of them.
(show car cdr cons list vector-ref vector-set! values void split-path apply map for-each call/cc dynamic-wind
      add1 + hash-ref raise error exit abort-current-continuation string->symbol sort in-list open-input-file
      hash-copy-clear current-output-port current-directory exn exn-message exn? make-struct-type
      call-with-values current-continuation-marks string-append printf format procedure-result-arity)
;; Closures: 1 where the value in tail position is evidently one value.
(define (one x) x)
(define (two x) (values x x))
(define (rec x) (rec x))
(define (mutual x) (mutual2 x))
(define (mutual2 x) (if x 1 (mutual x)))
(define reassigned (lambda (x) x))
(set! reassigned (lambda (x) (values x x)))
(show one two rec mutual (lambda (x) (rec x)) (lambda (x) (one x)) (lambda (x) (two x)) (lambda (x) (reassigned x))
      (lambda (x) x) (lambda (x) (values x x)) (lambda (x) (car x)) (lambda (x) (values)) (lambda (x) (values x))
      (case-lambda [(x) x] [(x y) (values x y)]) (case-lambda [(x) x] [(x y) y]) (case-lambda)
      (lambda (x) (if x 1 (values 1 2))) (lambda (x) (if x 1 2)) (lambda (x) (begin (display x) x))
      (lambda (x) (let ([y x]) y)) (lambda (x) (let ([y x]) (values y y))) (lambda (x) (void)) (lambda (x) (set! x 1))
      (lambda (x) 'a) (lambda (x) (lambda (y) y)) (lambda (x) (error 'x "y")) (lambda (x) (raise x))
      (lambda (x) (apply values x)) (lambda (x) (call-with-values (lambda () x) values)) (lambda (x) (when x 1))
      (lambda (x) (cond [x 1] [else 2])) (lambda (x) (with-continuation-mark 'a 1 x)) (lambda (x) (begin0 x 2))
      (lambda (x) (define y 1) y) (lambda (x) (letrec ([f (lambda () 1)]) (f))) (lambda (x) (let loop () 1))
      (lambda (x) (let loop ([i 0]) (if (< i 1) (loop (add1 i)) i))) (lambda (x) (for ([i x]) i))
      (lambda (x) (with-handlers ([void void]) x)) (lambda (x) (parameterize () x)) (lambda (x) (and x 1))
      (lambda (x) (or x 1)) (lambda (x) (x)) (lambda (x) (vector-ref x 0)) (lambda (x) (string->symbol x))
      (lambda (x) (hash-ref x 1)) (lambda (x) (values 1 (car x))) (lambda (x) (let-values ([(a b) (values 1 2)]) a))
      (lambda (x) (if x (values 1 2) (values 3 4))) (lambda (x) (begin (values 1 2) 3)) (lambda (x) (begin0 (values 1 2) 3))
      (lambda (x) (cons (two x) 1)) (lambda (x) (printf "~a" x)) (lambda (x) (apply + x)) (lambda args 1) (lambda (x [y 1]) y)
      (lambda (x) (with-continuation-mark 1 2 (values x x))) (lambda (x) (if x (one x) (car x))))
;; Keyword procedures, parameters, continuations, wrappers.
(define k #f)
(call/cc (lambda (kk) (set! k kk)))
(show (lambda (#:k k) k) (lambda (x #:k [k 1]) (values x k)) (make-keyword-procedure (lambda (a b) 1))
      (make-parameter 1) (make-parameter 1 values) (make-derived-parameter current-output-port values values) k
      (chaperone-procedure one (lambda (x) x)) (chaperone-procedure two (lambda (x) x)) (chaperone-procedure car #f)
      (procedure-rename one 'foo) (procedure-rename two 'foo) (procedure-rename car 'foo)
      (procedure-reduce-arity one 1) (procedure-reduce-arity two 1) (procedure-reduce-arity car 1))
;; Struct and property procedures.
(struct pt (x y) #:mutable)
(struct g (a) #:guard (lambda (a n) (values a)))
(struct pp (f) #:property prop:procedure 0)
(define-values (st mk pr rf st!) (make-struct-type 'st #f 1 0 #f '() #f))
(define-values (prop prop? prop-ref) (make-struct-type-property 'prop))
(define-values (ip ip? ip-ref) (make-impersonator-property 'ip))
(show pt pt-x pt? set-pt-x! g g? g-a mk pr rf st! (make-struct-field-accessor rf 0) (make-struct-field-mutator st! 0)
      (struct-type-make-constructor st) (struct-type-make-predicate st) (pp car) prop? prop-ref ip? ip-ref)
;; Bad arguments.
(try (procedure-result-arity 5))
(try (procedure-result-arity 'car))
(try (procedure-result-arity))
(try (procedure-result-arity car car))
(define mark-key (make-continuation-mark-key))
(show (lambda (x) (with-continuation-mark mark-key 1 x)) (lambda (x) (with-continuation-mark 'key 1 x))
      (lambda (x) (with-continuation-mark x 1 x)))
