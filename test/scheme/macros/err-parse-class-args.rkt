#lang racket/base
;; A parameterized syntax class's description, made from its arguments.
(require "_parse-more-macros.rkt")
(percent 420)
