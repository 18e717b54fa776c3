#lang racket/base
;; stop-before and stop-after: sequences cut off by a predicate on their elements.
(define-syntax-rule (try e) (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))]) e))
stop-after
stop-before
(for/list ([x (stop-after (in-list '(1 2 3 4)) even?)]) x)
(for/list ([x (stop-before (in-list '(1 2 3 4)) even?)]) x)
(for/list ([x (stop-before '(1 3 5) even?)]) x)
(for/list ([x (stop-after 10 (lambda (n) (= n 3)))]) x)
(for/list ([(k v) (stop-before (in-parallel '(a b c) '(1 2 3)) (lambda (k v) (eq? k 'c)))]) (cons k v))
(define s (stop-after (in-range 5) odd?))
(list (sequence->list s) (sequence->list s))
(define n 0)
(define (next!) (set! n (add1 n)) n)
(for/list ([x (stop-before (in-producer next!) (lambda (v) (> v 3)))]) x)
(sequence? (stop-after '() even?))
(try (stop-after 1 2))
(try (stop-before (list 1) 3))
(try (stop-before 'x even?))
(try (stop-after '(1) (lambda (a b) a)))
(for/list ([x (stop-after "abc" (lambda (c) (char=? c #\b)))]) x)
