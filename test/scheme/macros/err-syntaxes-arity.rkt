#lang racket/base
;; define-syntaxes whose expression gives too few values.
(require (for-syntax racket/base))
(define-syntaxes (a b) (values 5))
