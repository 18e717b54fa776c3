#lang racket/base
;; Definitions rackunit-shortcuts.rkt reaches with require/expose.
(define secret 42)
(define (hidden x) (* x 2))
