#lang racket
;; An uncaught match failure shows the form's location.
(displayln "before")
(define (f x)
  (match x
    [(list a b) (+ a b)]))
(f (list 1 2))
(f (list 1 2 3))
(displayln "not reached")
