#lang racket/base
;; raise-syntax-error without a sub-form, and with an explicit name.
(require (for-syntax racket/base))

(define-syntax (only-at-top stx)
  (unless (eq? (syntax-local-context) 'module)
    (raise-syntax-error 'only-at-top "allowed only at module level" stx))
  #'(void))

(only-at-top)
(define (f)
  (only-at-top)
  1)
