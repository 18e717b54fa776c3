#lang racket/base
;; Macros for the parse-more tests: splicing and parameterized syntax
;; classes, ~fail and ~parse, #:do.
(require (for-syntax racket/base syntax/parse))
(provide option-list percent checked-name shout)

(begin-for-syntax
  (define-splicing-syntax-class option
    #:description "option"
    (pattern (~seq #:name n:id) #:with kind #'name)
    (pattern (~seq #:size s:nat) #:with kind #'size))
  (define-syntax-class (bounded lo hi)
    #:description (format "number between ~a and ~a" lo hi)
    (pattern n:nat #:fail-unless (<= lo (syntax-e #'n) hi) "out of range")))

(define-syntax (option-list stx)
  (syntax-parse stx
    [(_ o:option ... body:expr) #''((o.kind o) ... body)]))

(define-syntax (percent stx)
  (syntax-parse stx
    [(_ (~var v (bounded 0 100))) #'v]))

(define-syntax (checked-name stx)
  (syntax-parse stx
    [(_ (~and x:id (~fail #:when (eq? (syntax-e #'x) 'bad) "a name other than bad"))) #''x]))

(define-syntax (shout stx)
  (syntax-parse stx
    [(_ x:id)
     #:do [(define s (string-upcase (symbol->string (syntax-e #'x))))]
     #:with loud (datum->syntax #'x (string->symbol s))
     #''loud]))
