#lang typed/racket/no-check
(: x Integer)
(define x "s")
x
(cast "s" Integer)
