#lang racket/base
;; Graph notation in read (read-accept-graph, on by default): #N= tags a
;; datum, #N# refers to it, making shared and cyclic data; and its errors.
;; (Cyclic results are checked with eq?, not printed.)
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (println (thunk))))
(define (rd s) (read (open-input-string s)))
(for ([s '("(#0=x #0# #0#)" "#1#" "(#0=a #1#)" "#0=" "(#0=a #0=b)" "#12345678901234567890=a"
           "#123456789=a" "#12345678=a" "(#0=(1 2) #0#)" "#0= a" "(#0=#(1 2) . #0#)" "(#0=#&b #0#)"
           "(#0=#hash((a . 1)) #0#)" "(#1=(#0=y) #0# #1#)" "#0#")])
  (try (lambda () (rd s))))
(try (lambda () (let ([v (rd "(#0=(1 2) #0#)")]) (eq? (car v) (cadr v)))))
(try (lambda () (let ([v (rd "#0=(a . #0#)")]) (and (eq? v (cdr v)) (car v)))))
(try (lambda () (let ([v (rd "#0=(a #0#)")]) (and (eq? v (cadr v)) (list? v)))))
(try (lambda () (let ([v (rd "#0=#(1 #0#)")]) (and (eq? v (vector-ref v 1)) (vector-ref v 0)))))
(try (lambda () (let ([v (rd "#0=#&#0#")]) (eq? v (unbox v)))))
(try (lambda () (let ([v (rd "#0=(#1=(b . #0#) . #1#)")]) (list (eq? (car v) (cdr v)) (eq? (cdar v) v)))))
(try (lambda () (let ([v (rd "#0=#hash((a . #0#))")]) (eq? v (hash-ref v 'a)))))
(try (lambda () (let ([v (rd "#0=#1=(x . #1#)")]) (eq? v (cdr v)))))
(try (lambda () (let ([v (rd "(#0=\"s\" #0#)")]) (eq? (car v) (cadr v)))))
(try (lambda () (let ([v (rd "(#0=(1) #0#)")]) (immutable? (car v)))))
(try (lambda () (let ([p (open-input-string "(#0=a) #0#")]) (read p) (read p))))
(try (lambda () (let ([p (open-input-string "#0=(a) #0=(b)")]) (list (read p) (read p)))))
(try (lambda () (parameterize ([read-accept-graph #f]) (rd "#0=(a . #0#)"))))
(try (lambda () (parameterize ([read-accept-graph #f]) (rd "(#0# 1)"))))
(try (lambda () (read-syntax 's (open-input-string "#0=(a)"))))
(try (lambda () (read-syntax 's (open-input-string "#0#"))))
