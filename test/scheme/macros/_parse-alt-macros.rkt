#lang racket/base
;; The define-command of parse-alt.rkt, for the err-parse-alt programs.
(require (for-syntax racket/base syntax/parse))
(provide define-command)

(define-syntax (define-command stx)
  (syntax-parse stx
    [(_ name:id
        (~alt (~once (~seq #:run body:expr) #:name "the #:run option")
              (~optional (~seq #:help help:str))
              (~optional (~seq #:port port:nat) #:defaults ([port #'0]))
              (~between (~seq #:alias alias:id) 0 2)
              (~seq #:tag tag:keyword))
        ...)
     #'(define (name)
         (list 'name (~? help "no help") port '(alias ...) '(tag ...) body))]))
