#lang racket/base
;; struct-copy with a field the struct does not have.
(struct pt (x y))
(define (f p)
  (let ([q (struct-copy pt p [x 1])])
    (struct-copy pt q [z 2])))
