#lang racket/base
;; Patterns: ellipses at depth 2, dotted tails, vectors, literals, fenders,
;; ellipses followed by more patterns.
(require (for-syntax racket/base))

(define-syntax (my-cond stx)
  (syntax-case stx (else =>)
    [(_) #'(void)]
    [(_ [else e ...]) #'(let () e ...)]
    [(_ [test => f] clause ...) #'(let ([v test]) (if v (f v) (my-cond clause ...)))]
    [(_ [test e ...] clause ...) #'(if test (let () e ...) (my-cond clause ...))]))
(displayln (my-cond [#f 1] [(assv 2 '((1 . a) (2 . b))) => cdr] [else 'z]))
(displayln (my-cond [#f 1] [else 'x 'y]))

(define-syntax (table stx)
  (syntax-case stx ()
    [(_ (row (k v) ...) ...)
     #'(list (list 'row (cons 'k v) ...) ...)]))
(write (table (r1 (a 1) (b 2)) (r2) (r3 (c 3))))
(newline)

(define-syntax (flatten-rows stx)
  (syntax-case stx ()
    [(_ (x ...) ...) #'(list x ... ...)]))
(write (flatten-rows (1 2) () (3 4 5)))
(newline)

(define-syntax (dotted stx)
  (syntax-case stx ()
    [(_ a b . rest) #'(list a b 'rest)]))
(write (dotted 1 2 3 4))
(write (dotted 1 2))
(newline)

(define-syntax (vec stx)
  (syntax-case stx ()
    [(_ #(a b ...)) #'(list 'first a 'rest (list b ...))]
    [(_ other) #'(list 'not-a-vector other)]))
(write (list (vec #(1 2 3)) (vec #(9)) (vec 5)))
(newline)

(define-syntax (last-of stx)
  (syntax-case stx ()
    [(_ x ... y) #'(list 'init (list x ...) 'last y)]))
(write (last-of 1 2 3 4))
(newline)

(define-syntax (classify stx)
  (syntax-case stx ()
    [(_ x) (identifier? #'x) #''identifier]
    [(_ x) (number? (syntax-e #'x)) #''number]
    [(_ x) (string? (syntax-e #'x)) #''string]
    [(_ (x ...)) (= 2 (length (syntax->list #'(x ...)))) #''pair-list]
    [(_ _) #''other]))
(write (list (classify foo) (classify 42) (classify "s") (classify (a b)) (classify (a b c))))
(newline)

(define-syntax (my-let* stx)
  (syntax-case stx ()
    [(_ () body ...) #'(let () body ...)]
    [(_ ([x v] more ...) body ...) #'(let ([x v]) (my-let* (more ...) body ...))]))
(displayln (my-let* ([a 1] [b (+ a 1)] [c (* b 10)]) (list a b c)))

(define-syntax (kw-args stx)
  (syntax-case stx ()
    [(_ (name val) ... #:rest r) #'(list (cons 'name val) ... 'rest r)]))
(write (kw-args (a 1) (b 2) #:rest 9))
(newline)
