#lang racket/base
;; raise-syntax-error with a sub-form: the message names the form and the
;; offending part, located at the sub-form.
(require (for-syntax racket/base))

(define-syntax (define-port stx)
  (syntax-case stx ()
    [(_ name n)
     (let ([v (syntax-e #'n)])
       (unless (and (exact-integer? v) (<= 0 v 65535))
         (raise-syntax-error #f "port number out of range" stx #'n))
       #'(define name n))]))

(define-port http 80)
(displayln http)
(define-port bogus 70000)
