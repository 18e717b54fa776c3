#lang racket/base
(require racket/contract)
(define (half x) (if (even? x) (/ x 2) 'odd))
(define-module-boundary-contract safe-sqrt sqrt (-> (>=/c 0) real?))
(define-module-boundary-contract safe2 sqrt (-> (>=/c 0) real?) #:name-for-blame my-sqrt)
(provide safe-sqrt safe2 (contract-out [half (-> integer? integer?)]))
