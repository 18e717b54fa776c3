#lang racket/base
;; A helper module for transformers builds syntax that refers, through
;; for-template, to a run-time library the user never requires.
(require (for-syntax racket/base "_ft-helper.rkt"))
(define-syntax (dbl stx) (syntax-case stx () [(_ e) (make-call #'e)]))
(displayln (dbl 21))
(displayln (list (dbl 1) (dbl (dbl 2))))
