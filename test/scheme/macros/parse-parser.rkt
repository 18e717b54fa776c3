#lang racket/base
;; syntax-parser and define-syntax-parser, and #:declare in a simple macro.
(require syntax/parse/define (for-syntax racket/base syntax/parse))

(define-syntax-parser fn
  [(_ x:id rhs:expr) #'(lambda (x) rhs)]
  [(_ x:id y:id rhs:expr) #'(lambda (x y) rhs)])
(displayln (list ((fn x x) 17) ((fn a b (+ a b)) 3 4)))

(define-simple-macro (fn2 x y rhs)
  #:declare x id
  #:declare y id
  #:declare rhs expr
  (lambda (x y) rhs))
(displayln ((fn2 a b (* a b)) 3 4))

(define-syntax swap-args
  (syntax-parser
    [(_ f a b) #'(f b a)]))
(displayln (swap-args - 1 10))
