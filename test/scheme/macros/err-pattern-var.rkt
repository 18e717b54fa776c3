#lang racket/base
;; A pattern variable referenced outside of a syntax template.
(require (for-syntax racket/base))

(define-syntax (oops stx)
  (syntax-case stx ()
    [(_ x) (if (identifier? x) #''id #''not-id)]))

(oops y)
