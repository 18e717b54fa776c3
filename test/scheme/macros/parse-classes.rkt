#lang racket/base
;; define-syntax-class: descriptions, attributes (x.attr), #:with in a
;; class, nested classes, classes with ~var, and a class used at phase 0.
(require (for-syntax racket/base syntax/parse) syntax/parse)

(begin-for-syntax
  (define-syntax-class binding
    #:description "binding pair"
    (pattern [name:id value:expr]))
  (define-syntax-class maybe-typed
    (pattern n:id #:with type #'any)
    (pattern [n:id type:id]))
  (define-syntax-class field
    (pattern (name:id b:binding)))
  (define-syntax-class op
    #:literals (+ -)
    (pattern + #:with fn #'plus)
    (pattern - #:with fn #'minus)))

(define-syntax (my-let stx)
  (syntax-parse stx
    [(_ (b:binding ...) body ...+) #'(let ([b.name b.value] ...) body ...)]))
(displayln (my-let ([x 1] [y 2]) (+ x y)))

(define-syntax (types stx)
  (syntax-parse stx [(_ m:maybe-typed ...) #''((m.n m.type) ...)]))
(displayln (types a [b int] c))

(define-syntax (fields stx)
  (syntax-parse stx [(_ f:field ...) #''((f.name f.b) ...)]))
(displayln (fields (p [x 1]) (q [y (+ 1 2)])))

(define-syntax (ops stx)
  (syntax-parse stx [(_ (~var o op) ...) #''(o.fn ...)]))
(displayln (ops + - +))

;; A class at phase 0, for syntax-parse at run time.
(define-syntax-class pair-of-numbers
  (pattern (a:number b:number)))
(define (sum-pair stx)
  (syntax-parse stx
    [p:pair-of-numbers (+ (syntax-e #'p.a) (syntax-e #'p.b))]
    [_ 'not-a-pair]))
(displayln (list (sum-pair #'(1 2)) (sum-pair #'(1 x)) (sum-pair #'7)))
