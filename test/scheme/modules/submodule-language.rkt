#lang racket/base
(module lang racket/base
  (provide (all-from-out racket/base) twice)
  (define (twice x) (* 2 x)))
(module user (submod ".." lang)
  (provide r)
  (define r (twice 21)))
(module sibling racket/base
  (require (submod ".." user))
  (provide s)
  (define s (add1 r)))
(require 'user 'sibling)
r
s
(module+ test
  (require (submod ".." sibling))
  (displayln s))
(module* star #f
  (displayln (list r s)))
