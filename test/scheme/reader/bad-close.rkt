#lang racket/base
(displayln "never printed")
(define (f x)
  (+ x 1]
