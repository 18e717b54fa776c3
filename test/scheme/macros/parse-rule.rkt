#lang racket/base
;; syntax/parse/define: define-syntax-parse-rule and define-simple-macro.
(require syntax/parse/define (for-syntax racket/base))

(define-syntax-parse-rule (swap! a:id b:id)
  (let ([tmp a]) (set! a b) (set! b tmp)))
(define x 1)
(define y 2)
(swap! x y)
(displayln (list x y))

(define-simple-macro (my-let ([name:id value:expr] ...) body ...+)
  ((lambda (name ...) body ...) value ...))
(displayln (my-let ([a 1] [b 2]) (+ a b)))

(define-syntax-parse-rule (checked-add n:nat m:nat)
  #:with sum (datum->syntax #'n (+ (syntax-e #'n) (syntax-e #'m)))
  'sum)
(displayln (checked-add 2 3))
(swap! x 5)
