#lang racket/base
(require (for-syntax racket/base syntax/parse))
(define-syntax (m stx) (syntax-parse stx [(_ x ...) #:when #t #:declare x id (syntax 1)]))
