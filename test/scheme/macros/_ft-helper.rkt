#lang racket/base
(require (for-template racket/base "_ft-runtime.rkt"))
(provide make-call)
(define (make-call arg) #`(rt-double #,arg))
