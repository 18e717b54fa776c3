#lang racket/base
;; struct-copy, including fields inherited from a parent struct (#:parent).
(struct pt (x y) #:transparent)
(define p (pt 1 2))
(struct-copy pt p [y 20])
(struct-copy pt p)
(struct-copy pt p [x 10] [y 20])
p
(struct sub pt (z) #:transparent)
(struct-copy sub (sub 1 2 3) [z 30])
(struct-copy sub (sub 1 2 3) [x #:parent pt 10])
