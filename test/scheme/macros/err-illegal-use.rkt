#lang racket/base
;; A compile-time value bound with define-syntax used as an expression.
(require (for-syntax racket/base))

(define-syntax table-info '(a b c))
(define-syntax (get-info stx) #`'#,(syntax-local-value #'table-info))
(displayln (get-info))
(displayln table-info)
