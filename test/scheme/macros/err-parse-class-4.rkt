#lang racket/base
(require (for-syntax racket/base syntax/parse))
(begin-for-syntax
  (define-syntax-class binding (pattern [name:id value:expr]))
  (define-syntax-class field (pattern (name:id b:binding))))
(define-syntax (fields stx)
  (syntax-parse stx [(_ f:field ...) #''((f.name f.b.name) ...)]))
(fields (p [x 1]))
