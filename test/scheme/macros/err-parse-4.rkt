#lang racket/base
;; A syntax-parse error, from the macros of _parse-macros.rkt.
(require "_parse-macros.rkt")
(pairs #:a 1 #:a 2)
