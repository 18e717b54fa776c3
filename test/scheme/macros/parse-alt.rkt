#lang racket/base
;; Keyword options in any order: ~alt under an ellipsis with ~once,
;; ~optional and ~between, and ~? in templates.
(require (for-syntax racket/base syntax/parse))

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

(define-command serve #:port 8080 #:run (+ 1 2) #:alias srv #:tag #:net)
(define-command quiet #:run 'ok #:help "quiet" #:tag #:a #:tag #:b)
(displayln (serve))
(displayln (quiet))
