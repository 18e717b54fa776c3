#lang racket/base
;; A shortcut used with the wrong number of parts is a syntax error.
(require rackunit)
(define-shortcut (test-small n) (check-true (< n 10)))
(displayln "never printed")
(test-small "no argument")
