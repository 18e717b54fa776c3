#lang racket/base
;; The procedures typed/racket adds to racket (its forms are
;; macros/typed-erasure.ts).

(provide (rename-out [index? typed/racket:index?]
                     [defined? typed/racket:defined?]))

;; An index into a vector or string: a nonnegative fixnum.
(define (index? v) (and (fixnum? v) (>= v 0)))

;; Is `v` a value, not the undefined value of a letrec variable read too
;; soon? rkt raises when such a variable is read, so every value is.
(define (defined? v) #t)
