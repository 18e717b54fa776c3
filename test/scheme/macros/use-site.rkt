#lang racket/base
;; Use-site scopes: a macro used where it is defined. Definitions it makes
;; with the user's context are visible to the user; its own references do
;; not see binders made with the user's context inside its expansion.
(require (for-syntax racket/base))

(define-syntax (def-it stx)
  (syntax-case stx () [(_ v) #`(define #,(datum->syntax stx 'it) v)]))
(def-it 5)
(displayln it)

(define (f)
  (define-syntax (def-that stx)
    (syntax-case stx () [(_ v) #`(define #,(datum->syntax stx 'that) v)]))
  (def-that 7)
  (* that 2))
(displayln (f))

(define x 'outer)
(define-syntax (shadow stx)
  ;; The let binds the user's `x`; the macro's own `x` is still the module's.
  (syntax-case stx () [(_ e) #`(let ([#,(datum->syntax stx 'x) e]) (list x #,(datum->syntax stx 'x)))]))
(displayln (with-handlers ([exn:fail:syntax? (lambda (e) 'unbound)]) (shadow 1)))

(define-syntax (def-pair stx)
  (syntax-case stx ()
    [(_ a b) #'(begin (define a 1) (define b (+ a 1)))]))
(def-pair p q)
(displayln (list p q))
