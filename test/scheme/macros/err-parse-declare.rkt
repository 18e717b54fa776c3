#lang racket/base
(require (for-syntax racket/base syntax/parse))
(define-syntax (cnt2 stx) (syntax-parse stx [(_ x ...) #:declare x number #'(quote (x ...))]))
(cnt2 1 b)
