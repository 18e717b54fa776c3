#lang racket/base
(define-struct p (a) #:extra-constructor-name mk-p)
(define make-p 'mine)
(list make-p (p-a (mk-p 1)) (p-a (p 2)))
(define-struct q (a) #:constructor-name new-q)
(q-a (new-q 3))
