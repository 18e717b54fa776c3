#lang racket/base
(require racket/contract)
(struct point (x y) #:transparent)
(define (dist p) (sqrt (+ (* (point-x p) (point-x p)) (* (point-y p) (point-y p)))))
(define (bad-range n) (number->string n))
(define count 7)
(define (greet name #:polite? [polite? #f]) (if polite? (string-append "Dear " name) name))
(provide
 (contract-out
  [struct point ([x real?] [y real?])]
  [dist (-> point? real?)]
  [bad-range (-> integer? integer?)]
  [count natural-number/c]
  [greet (->* (string?) (#:polite? boolean?) string?)]
  [rename dist distance (-> point? (>=/c 0))]))
