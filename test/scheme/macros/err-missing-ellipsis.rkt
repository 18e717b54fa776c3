#lang racket/base
;; A pattern variable bound under an ellipsis used without one.
(require (for-syntax racket/base))

(define-syntax (all stx)
  (syntax-case stx ()
    [(_ x ...) #'(list x)]))

(all 1 2 3)
