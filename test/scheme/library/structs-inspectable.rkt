#lang racket/base
;; struct? and struct->vector see every level the inspector can see:
;; transparent and prefab levels, with one `...` per run of opaque ones.
(struct a (x y))
(struct b a (z) #:transparent)
(struct c b (w))
(struct d c (v) #:transparent)
(struct p (x y) #:prefab)
(struct q p (z) #:prefab)
(struct e (x) #:transparent)
(for ([v (list (a 1 2) (b 1 2 3) (c 1 2 3 4) (d 1 2 3 4 5) (p 1 2) (q 1 2 3) (e 1))])
  (println (list (struct? v) (struct->vector v) (struct->vector v 'hidden))))
(println (map struct? (list 1 "s" (vector 1))))
