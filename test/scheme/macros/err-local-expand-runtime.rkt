#lang racket/base
;; local-expand outside of a macro's transformer.
(displayln "run time")
(local-expand #'(+ 1 2) 'expression '())
