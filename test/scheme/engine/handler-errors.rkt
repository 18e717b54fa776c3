#lang racket/base
;; Errors raised while choosing a handler go to the enclosing handler.
(with-handlers ([(lambda (e) #t) (lambda (e) (displayln (exn-message e)))])
  (with-handlers ([5 (lambda (e) 1)])
    (car 1)))
(with-handlers ([(lambda (e) #t) (lambda (e) (displayln (exn-message e)))])
  (with-handlers ([(lambda (e) (car e)) (lambda (e) 1)])
    (raise 'not-a-pair)))
(with-handlers ([5 (lambda (e) 1)])
  (car 1))
(displayln "never printed")
