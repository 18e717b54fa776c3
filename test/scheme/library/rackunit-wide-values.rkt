#lang racket/base
;; Values too wide for one line of a failure report are pretty-printed
;; over several lines under their name.
(require rackunit)
(define long (make-string 30 #\a))
(check-equal? (list 1 2 long long long) 1)
(check-equal? (list 'a 'b long long long) 1)
(check-equal? (list (list 1 2 3) (list long long) (list 4 5) long) 1)
(check-equal? (vector 1 2 long long long) 1)
(check-equal? (hash 'a long 'b long 'c long) 1)
(check-equal? (list 'foo (list 'bar long long) long) 1)
(check-equal? (cons 1 (cons long (cons long long))) 1)
(check-equal? (list "short" (list long long long long)) 1)
(check-equal? (list 1 (list 2 (make-string 71 #\a) 4) 3) 1)
(check-equal? (make-string 90 #\b) 1)
(check-equal? (list 'quote (make-string 90 #\b)) 1)
(check-equal? (for/list ([i 30]) (* i 1000)) (for/list ([i 30]) i))
(check-pred string? (list long long long))
(with-check-info (['wide (list long long long)]) (fail))
