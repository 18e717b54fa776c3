#lang racket/base
;; A malformed regexp literal is a read error: nothing runs.
(displayln "not printed")
(list #rx"ok"
      #px"(a)\\2")
