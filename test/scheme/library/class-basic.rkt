#lang racket/base
(require racket/class)
(define point%
  (class object%
    (init-field [x 0] [y 0])
    (super-new)
    (define/public (get-x) x)
    (define/public (move dx) (set! x (+ x dx)) this)
    (define/public (dist) (sqrt (+ (* x x) (* y y))))))
(define p (new point% [x 3] [y 4]))
(send p get-x)
(send p dist)
(send (send p move 2) get-x)
(get-field y p)
(set-field! y p 10)
(get-field y p)
p
point%
(define color-point%
  (class point%
    (init [color 'red])
    (define c color)
    (super-new)
    (inherit get-x)
    (define/override (dist) (+ 100 (super dist)))
    (define/public (describe) (list (get-x) c))))
(define cp (new color-point% [x 1] [color 'blue]))
(send cp describe)
(send cp dist)
(make-object point% 5 6)
(send (make-object point% 5 6) get-x)
(is-a? cp point%)
(subclass? color-point% point%)
