#lang racket
;; failure-cont: calling (failure-cont) in a clause body runs the clauses
;; after it where the call stands (it does not escape the body).
(define (classify x)
  (match x
    [(? number?) (if (> x 10) (failure-cont) 'small)]
    [(? number?) 'big]
    [_ 'other]))
(map classify '(5 50 a))
(match 1 [1 (list 'first (failure-cont))] [_ 'second])
;; with #:when, match*, match-lambda and nested matches
(match* (1 2)
  [(a b) #:when (= a 1) (if (< a b) (failure-cont) 'no)]
  [(a b) (+ a b)])
(define f (match-lambda [(list a) (if (symbol? a) (failure-cont) a)] [v (list 'fallback v)]))
(list (f '(1)) (f '(x)))
(match 'outer
  [_ (match 'inner
       [_ (list 'inner-fails (failure-cont))]
       [v (list 'inner-next v)])]
  [_ 'outer-next])
;; the last clause's failure is match's own
(with-handlers ([exn:misc:match? (lambda (e) (exn-message e))])
  (match 3 [_ (failure-cont)]))
;; outside a clause it is a syntax error, in Racket's words for its `fail`
(define ns (make-base-namespace))
(parameterize ([current-namespace ns]) (namespace-require 'racket/match))
(with-handlers ([exn:fail:syntax? (lambda (e) (regexp-match #rx"fail: .*$" (exn-message e)))])
  (eval '(failure-cont) ns))
(with-handlers ([exn:fail:syntax? (lambda (e) (exn-message e))])
  (eval '(match 1 [_ (failure-cont 1)]) ns))
