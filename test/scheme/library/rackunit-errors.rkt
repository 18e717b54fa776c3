#lang racket/base
;; Errors inside checks and test cases print ERROR blocks; bad arguments to
;; checks are errors too.
(require rackunit)

(check-equal? (car '()) 2)
(check-equal? 1)
(check-equal? 1 2 3)
(check-exn 5 (lambda () 1))
(check-exn exn:fail? 5)
(check-not-exn 7)
(check-true (raise 'not-an-exn))
(test-case "an erroring test" (car 1))
(test-case "raises a non-exception" (raise 42))
(test-begin (vector-ref (vector) 0))
(displayln "done")
