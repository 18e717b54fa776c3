#lang racket/base
;; A define-syntax-rule template with an ellipsis after no pattern variable:
;; an error when the macro is defined, even if it is never used.
(displayln "not reached")
(define-syntax-rule (listing a ...) (list (quote x) ...))
