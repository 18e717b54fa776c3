#lang racket/base
;; A syntax-rules template with more ellipses than its pattern variable has.
(define-syntax twice
  (syntax-rules ()
    [(_ a) (list a ...)]))
