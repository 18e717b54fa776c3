#lang racket/base
;; contract-out names a struct defined after the provide form.
(require racket/contract)
(provide (contract-out (struct span ([from exact-nonnegative-integer?] [to exact-nonnegative-integer?]))
                       [span-length (-> span? exact-nonnegative-integer?)]))
(struct span (from to) #:transparent)
(define (span-length s) (- (span-to s) (span-from s)))
