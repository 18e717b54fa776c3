#lang racket/base
;; A splicing syntax class that does not match: its description is expected.
(require "_parse-more-macros.rkt")
(option-list #:colour red (+ 1 2))
