#lang racket/base
(provide double (struct-out point) twice)
(define (double n) (* 2 n))
(struct point (x y) #:transparent)
(define-syntax-rule (twice e) (list e e))
(displayln "exporter instantiated")
