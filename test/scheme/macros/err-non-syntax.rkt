#lang racket/base
;; A transformer that returns something other than a syntax object.
(require (for-syntax racket/base))

(define-syntax (broken stx)
  (syntax-case stx ()
    [(_ x) (list 'quote (syntax->datum #'x))]))

(displayln "never printed")
(broken 5)
