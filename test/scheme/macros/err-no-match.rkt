#lang racket/base
;; A use that matches no syntax-case clause: "bad syntax".
(require (for-syntax racket/base))

(define-syntax (pair-up stx)
  (syntax-case stx ()
    [(_ a b) #'(cons a b)]))

(displayln (pair-up 1 2))
(displayln (pair-up 1 2 3))
