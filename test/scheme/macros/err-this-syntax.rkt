#lang racket/base
;; this-syntax outside of syntax-parse.
(require (for-syntax racket/base syntax/parse))
(define-syntax (m stx) this-syntax)
(m)
