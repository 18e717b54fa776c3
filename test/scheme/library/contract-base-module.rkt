#lang racket/base
;; racket/contract's parts required on their own.
(require racket/contract/base racket/contract/combinator racket/contract/region)
(define/contract (half n) (-> even? integer?) (quotient n 2))
(half 10)
(contract-name (listof (or/c symbol? string?)))
(with-handlers ([exn:fail:contract:blame? (lambda (e) (blame-positive (exn:fail:contract:blame-object e)))])
  (contract integer? 'x 'server 'client))
(define c (make-flat-contract #:name 'small #:first-order (lambda (x) (< x 10))))
(with-handlers ([exn:fail:contract? (lambda (e) (car (regexp-split #rx"\n" (exn-message e))))])
  (contract c 20 'p 'n))
