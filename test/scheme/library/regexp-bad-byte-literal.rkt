#lang racket/base
;; A malformed byte regexp literal is a read error too.
(displayln "not printed")
(regexp-match #rx#"(\377" #"a")
