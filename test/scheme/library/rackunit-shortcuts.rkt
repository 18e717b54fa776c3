#lang racket/base
;; define-shortcut, the test-equal? family, require/expose and
;; dynamic-require/expose.
(require rackunit)

(define-shortcut (test-small n) (check-true (< n 10)))
(test-small "small" 3)
(test-small "big" 30)
(define-shortcut (test-both a b)
  (begin (check-equal? a b) (check-true #f)))
(test-both "both" 1 2)

(test-check "check" < 2 1)
(test-pred "pred" string? 1)
(test-equal? "equal" 1 2)
(test-eq? "eq" 'a 'b)
(test-eqv? "eqv" 1 1.0)
(test-= "=" 1.0 2.0 0.1)
(test-within "within" 1.0 1.05 0.1)
(test-true "true" 1)
(test-false "false" 1)
(test-not-false "not-false" #f)
(test-exn "exn" exn:fail? (lambda () 1))
(test-not-exn "not-exn" (lambda () (error 'f "oops")))
(println (test-equal? "value" 1 1))

(require/expose "_rackunit-hidden.rkt" (secret hidden))
(println (list secret (hidden 5)))
(println (dynamic-require/expose "library/_rackunit-hidden.rkt" 'secret))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (dynamic-require/expose 5 'x))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (dynamic-require/expose "_rackunit-hidden.rkt" "secret"))
