#lang racket/base
;; An uncaught error from a procedure insert.
(displayln (regexp-replace* #rx"[0-9]+" "a1b22" (lambda (m) (number->string (* 2 (string->number m))))))
(regexp-replace* #rx"[0-9]+" "a1b22" (lambda (m) (string->number m)))
(displayln "not printed")
