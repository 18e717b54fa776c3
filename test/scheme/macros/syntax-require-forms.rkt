#lang racket/base
;; The sub-forms of require and provide.
(require (for-syntax racket/base))
(module m racket/base
  (provide (combine-out a b) (protect-out c) (for-meta 1 d) (for-syntax e) f)
  (define a 1) (define b 2) (define c 3) (define f 6)
  (require (for-syntax racket/base))
  (begin-for-syntax (define d 4) (define e 5)))
(require 'm)
(list a b c f)
(define-syntax (show stx) #`(list #,d #,e))
(show)
(require (combine-in racket/list (only-in racket/string string-trim)))
(last '(1 2 3))
(string-trim " a ")
(require (for-meta 1 racket/list) (for-meta 0 (only-in racket/list empty)))
empty
(require (only-meta-in 0 (only-in racket/list range)))
(range 2)
(require (only-meta-in 1 (only-in racket/list second)))
(define-syntax (second-of stx) #`'#,(second '(1 2)))
(second-of)
(require (for-space #f (only-in racket/list take)))
(take '(1 2) 1)
(require (only-space-in #f (only-in racket/list drop)))
(drop '(1 2) 1)
(require (relative-in "_relative/_base.rkt" "_neighbour.rkt"))
neighbour
