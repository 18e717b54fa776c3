#lang racket/base
;; (values e) is not e: e is not in tail position, so a mark e sets is on a
;; frame of its own, and e must produce one value.

(define (marks) (continuation-mark-set->list (current-continuation-marks) 'k))
(define (get) (continuation-mark-set-first #f 'k))
(define (f) (values (get)))
(define (g) (values (get) 1))
(define (in-tail) (with-continuation-mark 'k 2 (marks)))
(define (via-values) (values (in-tail)))

(println (with-continuation-mark 'k 1 (f)))
(println (with-continuation-mark 'k 1 (call-with-values g list)))
(println (with-continuation-mark 'k 1 (in-tail)))
(println (with-continuation-mark 'k 1 (via-values)))
(println (with-continuation-mark 'k 1 (values (in-tail))))
(println (with-continuation-mark 'k 1 (values (with-continuation-mark 'k 2 (marks)))))
(println (with-continuation-mark 'k 1 (values (values (with-continuation-mark 'k 2 (marks))))))
(println (with-continuation-mark 'k 1 (let ([x 5]) (values (with-continuation-mark 'k x (marks))))))

;; Hot: the same shape once compiled.
(define (hot n) (with-continuation-mark 'k n (values (in-tail))))
(println (for/last ([i (in-range 3000)]) (hot i)))

(define (show thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (call-with-values thunk (lambda vs (println vs)))))
(show (lambda () (values (values 1 2))))
(show (lambda () (values (quotient/remainder 7 2))))
(show (lambda () (values (values 1))))
(show (lambda () (values (in-tail))))
(println (for/fold ([a 0]) ([i (in-range 10)]) (values (+ a i))))
