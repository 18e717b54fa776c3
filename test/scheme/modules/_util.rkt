#lang racket/base
(provide double (rename-out [triple thrice]) (struct-out pt) counter)
(struct pt (x y) #:transparent)
(define (double x) (* 2 x))
(define (triple x) (* 3 x))
(define counter 0)
(displayln "util instantiated once")
(module+ test (displayln "util test submodule: not run"))
(module+ main (displayln "util main: not run when required"))
