#lang racket/base
;; A class variable's own attributes are not attributes of the enclosing
;; class unless it says #:auto-nested-attributes.
(require (for-syntax racket/base syntax/parse))
(begin-for-syntax
  (define-syntax-class field (pattern [name:id default:expr]))
  (define-syntax-class record (pattern (rname:id f:field ...))))
(define-syntax (defaults stx)
  (syntax-parse stx
    [(_ r:record) #''(r.rname (r.f.name r.f.default) ...)]))
(defaults (point [x 0]))
