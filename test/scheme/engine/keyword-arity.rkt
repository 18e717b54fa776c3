#lang racket/base
;; Arity errors of procedures with keyword arguments, with and without
;; keywords in the call, as Racket words them.
(define (f a #:k [k 1]) a)
(define (g a #:k k) a)
(define (h a [b 2] #:k [k 1] . r) a)
(define (f1 a [b 1] #:k [k 1]) a)
(define (f2 a #:k [k 1] #:j [j 2]) a)
(define (f3 a #:k [k 1] #:j [j 2] #:l [l 3]) a)
(define (f4 #:k [k 1]) 1)
(define (f5 a #:k k #:j [j 1]) a)
(for ([t (list (lambda () (f)) (lambda () (f 1 2)) (lambda () (g 1)) (lambda () (g 1 2 #:k 3))
               (lambda () (f 1 #:z 2)) (lambda () (h)) (lambda () (f1)) (lambda () (f2)) (lambda () (f3))
               (lambda () (f4 1)) (lambda () (f5 1 2 #:k 1)) (lambda () (f5)) (lambda () (f1 1 2 3 #:k 1))
               (lambda () (list (f 1) (f 1 #:k 2) (g 1 #:k 2) (h 1 2 3 #:k 4) (f4) (f5 1 #:k 2))))])
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)) (displayln (exn:fail:contract:arity? e)))])
    (displayln (t))))
