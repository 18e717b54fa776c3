#lang racket/base
;; Printing values with cycles: immutable pairs made cyclic by
;; make-reader-graph or read's #0= notation print with labels instead of
;; looping, and once a value has a cycle its sharing is labelled too, as
;; Racket does even with print-graph off.

(define p (make-placeholder #f))
(define l (list 1 p))
(placeholder-set! p l)
(define g (make-reader-graph l))
(println g)
(write g) (newline)
(display g) (newline)
(println (eq? g (cadr g)))

(define a (make-placeholder #f))
(define b (make-placeholder #f))
(placeholder-set! a (list 'a b))
(placeholder-set! b (vector 'b a (box a)))
(println (make-reader-graph a))

(define c (make-placeholder #f))
(placeholder-set! c (cons c c))
(println (make-reader-graph c))
(println (make-reader-graph (list 1 2 (make-placeholder 'x))))

(define h (make-placeholder #f))
(placeholder-set! h (make-hasheq-placeholder (list (cons 'self h))))
(println (make-reader-graph h))

(println (read (open-input-string "#0=(1 . #0#)")))
(println (read (open-input-string "(#1=(a) #1# #2=#(x #2#))")))
(println (read (open-input-string "(#1=(a) #1#)")))
(parameterize ([print-graph #t]) (println (read (open-input-string "(#1=(a) #1#)"))))

(let ([shared (list 1)] [v (vector 0)])
  (vector-set! v 0 v)
  (println (list shared shared v))
  (println (list shared shared))
  (define m (mcons 1 2))
  (set-mcdr! m m)
  (println (list shared shared m)))
