#lang racket/base
;; Helper module for lib-substructs.rkt: exports structs with struct-out.
(provide (struct-out shape) (struct-out circle) area
         (rename-out [make-sq make-square]))
(struct shape (name) #:transparent)
(struct circle shape (radius) #:transparent)
(struct square shape (side) #:transparent)
(define (make-sq n s) (square n s))
(define (area s)
  (cond [(circle? s) (* 3 (circle-radius s) (circle-radius s))]
        [(square? s) (* (square-side s) (square-side s))]
        [else 0]))
