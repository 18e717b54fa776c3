#lang racket/base
;; syntax-parser and define-syntax-parser, and #:declare in a simple macro.
(require syntax/parse/define (for-syntax racket/base syntax/parse))

(define-syntax-parser fn
  [(_ x:id rhs:expr) #'(lambda (x) rhs)]
  [(_ x:id y:id rhs:expr) #'(lambda (x y) rhs)])
(fn 1 2)
