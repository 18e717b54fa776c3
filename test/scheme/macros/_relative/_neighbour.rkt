#lang racket/base
(provide neighbour)
(define neighbour 'neighbour-value)
