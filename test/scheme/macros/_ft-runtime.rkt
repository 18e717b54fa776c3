#lang racket/base
(provide rt-double)
(define (rt-double x) (* 2 x))
