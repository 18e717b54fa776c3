#lang racket
(local [(define x 1) (define (f y) (+ x y))] (f 10))
(local [(define-values (a b) (values 1 2)) (define-struct pt (x y))] (list a b (pt-x (make-pt 3 4))))
(shared ([a (cons 1 a)]) a)
(shared ([a (cons 1 b)] [b (cons 2 a)]) a)
(shared ([v (vector 1 v)] [l (list 'x v)]) l)
(shared ([b (box b)]) (eq? b (unbox b)))
(shared ([x (list 1 2 3)]) (length x))
(let ([s (shared ([a (cons 1 a)]) a)]) (list (car s) (car (cdr s)) (eq? s (cdr s))))
