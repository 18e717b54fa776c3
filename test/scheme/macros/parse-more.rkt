#lang racket/base
;; syntax/parse: splicing syntax classes, syntax classes with parameters,
;; ~peek, ~peek-not, cuts, ~fail, ~parse, #:do, define/syntax-parse.
(require (for-syntax racket/base syntax/parse) syntax/parse/define "_parse-more-macros.rkt")

(option-list #:name x #:size 3 (+ 1 2))
(option-list done)
(percent 42)
(checked-name fine)
(shout hello)

(define-syntax (peeky stx)
  (syntax-parse stx
    [(_ (~peek first:id) all ...) #''(first (all ...))]
    [(_ (~peek-not _:id) all ...) #''(no-identifier-first (all ...))]))
(peeky q r s)
(peeky 1 r s)

(define-syntax (keyed stx)
  (syntax-parse stx
    [(_ (~seq #:k ~! v) ...) #''(v ...)]))
(keyed #:k 1 #:k 2)

(define-syntax (pick stx)
  (syntax-parse stx
    [(_ (~and x (~fail #:unless (number? (syntax-e #'x)) "a number"))) #''(number x)]
    [(_ x) #''(other x)]))
(pick 5)
(pick "five")

(define-syntax (pair-up stx)
  (syntax-parse stx
    [(_ (~and whole (~parse (a b) #'whole))) #''(b a)]
    [(_ x (~parse (n ...) #'(1 2 3))) #''(x n ...)]))
(pair-up (1 2))
(pair-up single)

(define-syntax (each-doubled stx)
  (syntax-parse stx
    [(_ (~and x (~parse y (datum->syntax #'x (* 2 (syntax-e #'x))))) ...) #''((x y) ...)]))
(each-doubled 1 2 3)

(begin-for-syntax
  (define (split-form stx)
    (define/syntax-parse (_ head rest ...) stx)
    #'(list 'head '(rest ...))))
(define-syntax (split stx) (split-form stx))
(split a b c)

(define-syntax-parser swap-args
  [(_ f a b) #'(f b a)])
(swap-args - 1 10)

(begin-for-syntax
  (define-syntax-class binding
    #:attributes (name value)
    (pattern [name:id value:expr])
    (pattern name:id #:with value #'#f)))
(define-syntax-parser my-let
  [(_ (b:binding ...) body ...+) #'(let ([b.name b.value] ...) body ...)])
(my-let ([x 1] y [z 3]) (list x y z))

(define-syntax (do-steps stx)
  (syntax-parse stx
    [(_ n:nat)
     #:do [(define k (syntax-e #'n))
           (define (square v) (* v v))]
     #:do [(define sq (square k))]
     #:with result (datum->syntax #'n sq)
     #'result]))
(do-steps 7)
