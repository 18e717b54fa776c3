#lang racket/base
(require (for-syntax racket/base))
;; syntax-case* with a comparison by symbol name: literals match whatever their binding.
(define-syntax (kw stx)
  (syntax-case* stx (on off) (lambda (a b) (eq? (syntax-e a) (syntax-e b)))
    [(_ on) #''switched-on]
    [(_ off) #''switched-off]
    [(_ x) #''other]))
(list (kw on) (kw off) (kw maybe))
(let ([on 5]) (kw on))
(define (classify s)
  (syntax-case* s (add sub) (lambda (a b) (string=? (symbol->string (syntax-e a)) (symbol->string (syntax-e b))))
    [(add a b) (list 'plus (syntax-e #'a) (syntax-e #'b))]
    [(sub a b) (list 'minus (syntax-e #'a) (syntax-e #'b))]
    [_ 'unknown]))
(classify #'(add 1 2))
(classify #'(sub 3 4))
(classify #'(mul 5 6))
