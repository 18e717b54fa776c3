#lang racket/base
;; A syntax-parse error with ~alt keyword options, from _parse-alt-macros.rkt.
(require "_parse-alt-macros.rkt")
(define-command go #:run 1 #:alias a #:alias b #:alias c)
