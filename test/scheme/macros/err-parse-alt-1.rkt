#lang racket/base
;; A syntax-parse error with ~alt keyword options, from _parse-alt-macros.rkt.
(require "_parse-alt-macros.rkt")
(define-command go #:help "h")
