#lang racket/base
;; The JIT open-codes arithmetic, comparisons and pair operations for
;; fixnums and pairs; every other kind of argument must still get Racket's
;; results and errors. Each procedure runs enough times to be compiled.
(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (list 'error (exn-message e)))]) (thunk)))

(define (arith a b) (list (+ a b) (- a b) (* a b) (< a b) (> a b) (<= a b) (>= a b) (= a b)))
(define (unary a) (list (add1 a) (sub1 a) (zero? a)))
(define (parity a) (list (even? a) (odd? a)))
(define (pairs p) (list (pair? p) (null? p) (not p)))
(define (head p) (car p))
(define (tail p) (cdr p))
(define (build a b) (cons a b))

(define big 9007199254740991) ; the largest safe JS integer
(define inputs
  (list (list 1 2) (list -3 7) (list 0 -5) (list big 1) (list (- big) -1) (list big big)
        (list 1.5 2) (list 1/3 2/3) (list +nan.0 1) (list -0.0 0) (list (expt 2 70) 3)))
(for ([round 10])
  (for ([in inputs])
    (define r (apply arith in))
    (when (= round 9) (println (list in r)))))
(for ([round 10])
  (for ([a (list 0 5 -1 big (- big) 0.0 -0.0 2.5 1/2 (expt 10 20))])
    (define r (list (unary a) (try (lambda () (parity a)))))
    (when (= round 9) (println (list a r)))))
(for ([round 10])
  (for ([p (list '(1 2) '() #f 3 (mcons 1 2))])
    (define r (list (pairs p) (try (lambda () (head p))) (try (lambda () (tail p))) (build p p)))
    (when (= round 9) (println r))))
(for ([round 10])
  (define r (list (try (lambda () (arith 'a 1))) (try (lambda () (arith 1 "b"))) (try (lambda () (unary 'x)))))
  (when (= round 9) (for-each println r)))
;; (* 0 -5) is exact 0, never -0.0.
(println (for/list ([i 10]) (* 0 (- i 5))))
