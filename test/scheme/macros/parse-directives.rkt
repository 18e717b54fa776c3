#lang racket/base
;; ~optional with #:defaults, #:declare, #:attr.
(require (for-syntax racket/base syntax/parse))
(define-syntax (opt stx)
  (syntax-parse stx
    [(_ (~optional (~seq #:level n:nat) #:defaults ([n #'1])) x:id)
     #'(list 'x n)]))
(displayln (list (opt a) (opt #:level 5 b)))
(define-syntax (cnt stx)
  (syntax-parse stx
    [(_ x ...)
     #:declare x id
     #:attr count (length (syntax->list #'(x ...)))
     #`(quote (#,(attribute count) x ...))]))
(displayln (cnt a b c))
(define-syntax (cnt2 stx)
  (syntax-parse stx [(_ x ...) #:declare x number #''(x ...)]))
(displayln (cnt2 1 2))
