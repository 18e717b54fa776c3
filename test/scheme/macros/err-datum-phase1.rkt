#lang racket/base
;; A literal in a transformer, without racket/base required for syntax.
(define-syntax m (lambda (stx) 5))
