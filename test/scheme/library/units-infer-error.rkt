#lang racket
;; compound-unit/infer finds no linkage for an import
(define-signature a^ (a))
(define-signature b^ (b))
(define-unit ub@ (import a^) (export b^) (define b (+ a 10)))
(compound-unit/infer (import) (export) (link ub@))
