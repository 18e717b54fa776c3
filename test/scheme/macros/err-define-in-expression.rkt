#lang racket/base
;; define where an expression is expected, found while local-expand expands it.
(require (for-syntax racket/base))
(define-syntax (expanded stx)
  (syntax-case stx ()
    [(_ e) (local-expand #'e 'expression '())]))
(displayln "expanded first")
(list (expanded (define x 1)))
