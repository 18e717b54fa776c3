#lang racket/base
(require (for-syntax racket/base syntax/parse))
(begin-for-syntax
  (define-syntax-class binding #:description "binding pair" (pattern [name:id value:expr])))
(define-syntax (my-let stx)
  (syntax-parse stx [(_ (b:binding ...) body ...+) #'(let ([b.name b.value] ...) body ...)]))
(my-let ([x 1] 5) x)
