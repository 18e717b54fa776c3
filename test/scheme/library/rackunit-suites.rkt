#lang racket/base
;; Test suites, folding over them, run-test and rackunit/text-ui's run-tests.
(require rackunit rackunit/text-ui)

(define suite
  (test-suite
   "outer"
   (test-case "one" (check-equal? 1 1))
   (test-case "two" (check-equal? 1 2))
   (test-suite "inner"
               (test-case "three" (car 1))
               (check-true #f))
   (test-case "four" (check-true #t))))

(println (test-suite? suite))
(println (test-case? suite))
(displayln "the suite has not run yet")
(println (run-tests suite))
(println (run-tests suite 'quiet))
(println (run-tests suite 'verbose))

(define passing
  (test-suite "passing"
              #:before (lambda () (displayln "before"))
              #:after (lambda () (displayln "after"))
              (test-case "ok" (check-equal? 2 2))
              (test-case "ok too" (check-pred even? 4))))
(println (run-tests passing))

(define-test-suite defined-suite
  (test-case "a" (check-equal? 'a 'a)))
(println (run-tests defined-suite))

(define results (run-test suite))
(println (map test-result? results))
(println (map test-success? results))
(println (map test-failure? results))
(println (map test-error? results))
(println (map test-result-test-case-name results))
(println (test-error-result (list-ref results 2)))

(println (fold-test-results (lambda (r seed) (+ seed 1)) 0 suite))
(println (foldts-test-suite
          (lambda (s name before after seed) (cons (list 'down name) seed))
          (lambda (s name before after seed kid-seed) (cons (list 'up name) kid-seed))
          (lambda (c name action seed) (cons (list 'case name) seed))
          '()
          suite))

(define made (make-test-suite "made" (list (make-test-case "mk" (lambda () (check-equal? 1 1))))))
(println (run-tests made))
(println (run-test-case "n" (lambda () 5)))
(println (test-success-result (run-test-case "n" (lambda () 5))))
(println (test-failure? (run-test-case "n" (lambda () (fail-check "no")))))

(define delayed (delay-test (test-case "delayed" (check-equal? 1 2))))
(println (test-case? delayed))
(println (run-tests delayed))

(println (run-tests (test-suite* "star" ("c1" (check-equal? 1 1)) ("c2" (check-equal? 1 2)))))
(println (before (displayln "setup") 'body))
(println (after 'body (displayln "teardown")))
(println (around (displayln "setup") 'body (displayln "teardown")))
(run-tests (test-suite "shortcuts"
                       (test-equal? "eq" 1 2)
                       (test-true "t" #t)
                       (test-pred "p" string? 1)))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (test-suite 'not-a-string))

;; The structures' names are struct info: match patterns, struct-copy, sub-structs.
(require racket/match)
(println (for/list ([r (in-list results)])
           (match r
             [(test-success name v) (list 'success name v)]
             [(test-failure name e) (list 'failure name (exn-message e))]
             [(test-error name e) (list 'error name (exn-message e))])))
(println (match (make-check-info 'a 1) [(check-info n v) (list n v)]))
(println (struct-copy check-info (make-check-info 'a 1) [value 2]))
(struct my-info check-info (extra) #:transparent)
(println (my-info 'a 1 2))
(println (check-info? (my-info 'a 1 2)))
(println (map check-info '(x y) '(1 2)))
