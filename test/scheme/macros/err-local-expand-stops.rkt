#lang racket/base
;; local-expand's stop list must be a list of identifiers, or #f.
(require (for-syntax racket/base))
(define-syntax (expand-stopping stx)
  (syntax-case stx ()
    [(_ e) (local-expand #'e 'expression (list #'if 'when))]))
(expand-stopping (when #t 1))
