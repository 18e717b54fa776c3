#lang racket/base
;; module+ sees the enclosing module's definitions; a nested module does not.
(define secret 42)
(module+ main (displayln (list 'main-sees secret)))
(module inner racket/base
  (displayln secret))
(displayln "never printed: expansion fails first")
