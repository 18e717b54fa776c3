#lang racket/base
;; define-syntax-rule, syntax-rules with literals and ellipses, hygiene.
(define-syntax-rule (swap! a b) (let ([tmp a]) (set! a b) (set! b tmp)))
(define tmp 1)
(define other 2)
(swap! tmp other)
(list tmp other)
(define-syntax my-or
  (syntax-rules ()
    [(_) #f]
    [(_ e) e]
    [(_ e r ...) (let ([t e]) (if t t (my-or r ...)))]))
(define t 5)
(my-or #f t)
(define-syntax for-range
  (syntax-rules (from to)
    [(_ v from lo to hi body ...) (let loop ([v lo]) (when (< v hi) body ... (loop (+ v 1))))]))
(for-range i from 0 to 3 (display i))
(newline)
(define-syntax my-let*
  (syntax-rules ()
    [(_ () body ...) (let () body ...)]
    [(_ ([x v] rest ...) body ...) (let ([x v]) (my-let* (rest ...) body ...))]))
(my-let* ([a 1] [b (+ a 1)]) (list a b))
(define-syntax nested
  (syntax-rules ()
    [(_ (a b ...) ...) '((a ... ) (b ... ...))]))
(nested (1 2 3) (4 5))
(let ([if list]) (my-or #f 'hygienic-if))
(define-syntax while
  (syntax-rules ()
    [(_ c body ...) (let lp () (when c body ... (lp)))]))
(define n 0)
(while (< n 3) (set! n (+ n 1)))
n
(let-values ([(x) 1]) (define-syntax-rule (add-x e) (+ x e)) (let ([x 100]) (add-x 1)))
(define-syntax vec-pat (syntax-rules () [(_ #(a ...)) (list a ...)]))
(vec-pat #(1 2 3))
(define-syntax dotted (syntax-rules () [(_ a . rest) '(a rest)]))
(dotted 1 2 3)
