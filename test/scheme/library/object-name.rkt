#lang racket/base
;; object-name of procedures, structs, struct types, regexps, ports and others.
(define (f x) x)
(define g (lambda (y) y))
(define h (case-lambda [(a) a] [(a b) b]))
(define (kw #:k k) k)
(struct point (x y))
(struct tpoint (x y) #:transparent)
(define p (make-parameter 1))
(define named-p (make-parameter 1 #f 'my-param))
(for ([v (list f g h kw car cons list point point? point-x struct:point (point 1 2) (tpoint 1 2)
               #rx"a+b" #px"\\d+" #rx#"bytes" (open-input-string "x") (open-output-string) (open-input-bytes #"x")
               p named-p current-output-port exn:fail make-exn:fail exn-message
               'sym "str" 5 #f '() (let/ec k k))])
  (println (object-name v)))
(println (object-name (let ([local (lambda () 1)]) local)))
