#lang racket/base
;; Non-tail recursion as deep as memory allows, as in Racket.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define big (build 1000000))
(length big)
(car big)
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(sum big)
(length (map (lambda (x) (* 2 x)) big))
(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1)))))
(depth 2000000)
