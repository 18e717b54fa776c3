#lang racket/base
;; The static class: an identifier not bound to a struct's static information.
(require (for-syntax racket/base syntax/parse racket/struct-info))
(define-syntax (field-count stx)
  (syntax-parse stx
    [(_ (~var s (static struct-info? "structure name"))) #''ok]))
(define not-a-struct 5)
(field-count not-a-struct)
