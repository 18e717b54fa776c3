#lang racket/base
(require racket/list)
;; Several values where one is expected: Racket's result-arity error,
;; from `values` and from primitives that return several values, in
;; every single-value position, interpreted and in hot (compiled) code.

(define (show thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (println (thunk))))

(show (lambda () (list (values 1 2))))
(show (lambda () (+ 1 (values 1 2))))
(show (lambda () (let ([x (values 1 2)]) x)))
(show (lambda () (list (split-at '(1 2) 1))))
(show (lambda () (car (quotient/remainder 7 2))))
(show (lambda () (vector (integer-sqrt/remainder 17))))
(show (lambda () (list (split-at-right '(1 2 3) 1))))
(show (lambda () (list (vector->values (vector 1 2 3)))))
(show (lambda () (list (vector->values (vector 1 2 3) 1 2))))
(show (lambda () (if (quotient/remainder 7 2) 'yes 'no)))
(show (lambda () (let ([x 0]) (set! x (quotient/remainder 7 2)) x)))
(show (lambda () (begin0 (quotient/remainder 7 2) 1)))
(show (lambda () (with-continuation-mark (quotient/remainder 7 2) 1 2)))
(show (lambda () (map (lambda (x) (quotient/remainder x 2)) '(7 8))))
(show (lambda () (map quotient/remainder '(7) '(2))))
(show (lambda () (list (split-path "a/b"))))
(show (lambda () (list (struct-info 5))))
(show (lambda () (list (procedure-keywords car))))

;; Where several values are allowed they arrive intact.
(show (lambda () (call-with-values (lambda () (quotient/remainder 7 2)) list)))
(show (lambda () (let-values ([(a b) (split-at '(1 2 3) 1)]) (list a b))))
(define (qr x) (quotient/remainder x 3))
(show (lambda () (call-with-values (lambda () (qr 10)) list)))
(define-values (q r) (quotient/remainder 17 5))
(show (lambda () (list q r)))
(show (lambda () (andmap (lambda (x) (quotient/remainder x 2)) '(7))))

;; Module-level definitions of one variable.
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (define x (quotient/remainder 7 2))
  (println x))

;; Hot code: run each shape often enough to be compiled.
(define (first-of-qr x) (+ 1 (quotient/remainder x 2)))
(define (let-of-split l) (let ([a (split-at l 1)]) a))
(define (sum-to n acc) (if (= n 0) acc (sum-to (- n 1) (+ acc (car (list n))))))
(define (count-errors f arg)
  (for/fold ([n 0]) ([i (in-range 3000)])
    (with-handlers ([exn:fail:contract:arity? (lambda (e) (add1 n))]
                    [exn:fail? (lambda (e) (displayln (exn-message e)) n)])
      (f arg)
      n)))
(println (count-errors first-of-qr 9))
(println (count-errors let-of-split '(1 2 3)))
(println (sum-to 3000 0))
(define (hot-values x) (list (values x x)))
(println (count-errors hot-values 1))
