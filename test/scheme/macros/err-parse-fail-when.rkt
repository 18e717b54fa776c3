#lang racket/base
;; ~fail #:when: its message is what is expected.
(require "_parse-more-macros.rkt")
(checked-name bad)
