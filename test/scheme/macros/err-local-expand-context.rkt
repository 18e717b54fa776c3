#lang racket/base
;; local-expand checks its context argument.
(require (for-syntax racket/base))
(define-syntax (expand-in stx)
  (syntax-case stx ()
    [(_ ctx e) (local-expand #'e (syntax-e #'ctx) '())]))
(displayln (expand-in expression (+ 1 2)))
(expand-in statement (+ 1 2))
