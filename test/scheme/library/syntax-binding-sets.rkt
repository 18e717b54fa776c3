#lang racket/base
;; Syntax binding sets, syntax-bound-phases, syntax-debug-info, and
;; syntax-serialize / syntax-deserialize.

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (thunk)))

(define list-mpi (module-path-index-join 'racket/list #f))
(define bs (syntax-binding-set))
bs
(syntax-binding-set? bs)
(syntax-binding-set? 5)
(define bs2 (syntax-binding-set-extend bs 'fst 0 list-mpi #:source-symbol 'first))
(define fst (syntax-binding-set->syntax bs2 'fst))
fst
(identifier? fst)
(free-identifier=? fst (datum->syntax #'here 'first))
(define list-ns (make-base-namespace))
(parameterize ([current-namespace list-ns])
  (namespace-require 'racket/list)
  (eval-syntax #`(#,fst '(1 2 3))))
(define two (syntax-binding-set->syntax bs2 '(fst x)))
(syntax->datum two)
(identifier-binding (cadr (syntax-e two)))
;; Bound at phase 1 only.
(define fst1
  (syntax-binding-set->syntax (syntax-binding-set-extend bs 'fst 1 list-mpi #:source-symbol 'first) 'fst))
(identifier-binding fst1)
(list? (identifier-binding fst1 1))
(try (lambda () (syntax-binding-set-extend 5 'x 0 list-mpi)))
(try (lambda () (syntax-binding-set-extend bs "x" 0 list-mpi)))
(try (lambda () (syntax-binding-set-extend bs 'x 'a list-mpi)))
(try (lambda () (syntax-binding-set-extend bs 'x 0 'racket/list)))
(try (lambda () (syntax-binding-set->syntax 5 'x)))

;; syntax-bound-phases
(syntax-bound-phases fst)
(and (memv 1 (syntax-bound-phases fst1)) #t)
(syntax-bound-phases (datum->syntax #f 'x))
(and (memv 0 (syntax-bound-phases #'car)) #t)
(try (lambda () (syntax-bound-phases 5)))

;; syntax-debug-info: its keys, and what a binding says.
(define (keys h) (sort (map symbol->string (hash-keys h)) string<?))
(keys (syntax-debug-info #'car))
(keys (syntax-debug-info (datum->syntax #f 'x)))
(keys (syntax-debug-info (datum->syntax #f '(a b))))
(syntax-debug-info (datum->syntax #f 'x))
(syntax-debug-info (datum->syntax #f '(a b)))
(hash-ref (syntax-debug-info #'car) 'name)
(let ([b (car (hash-ref (syntax-debug-info fst) 'bindings))])
  (list (hash-ref b 'name) (hash-ref b 'match?) (keys b)))
(andmap vector? (hash-ref (syntax-debug-info #'car) 'context))
(try (lambda () (syntax-debug-info 5)))
(try (lambda () (syntax-debug-info #'x 'a)))

;; syntax-serialize and syntax-deserialize
(define s (syntax-serialize #'(lambda (x) (car x))))
(prefab-struct-key s)
(define d (syntax-deserialize s))
(syntax->datum d)
(syntax-line d)
(syntax-column d)
(free-identifier=? (car (syntax-e (caddr (syntax-e d)))) #'car)
(bound-identifier=? (car (syntax-e d)) #'lambda)
((eval-syntax (syntax-deserialize (syntax-serialize #'(lambda (x) (car x))))) '(1 2))
(syntax->datum (syntax-deserialize (syntax-serialize #'(#(1 2) #&3 #hash((a . 1)) #s(pt 1 2) "str" 4.5))))
(syntax-property (syntax-deserialize (syntax-serialize (syntax-property #'a 'p 1) #:preserve-property-keys '(p))) 'p)
(syntax-property (syntax-deserialize (syntax-serialize (syntax-property #'a 'p 1))) 'p)
(try (lambda () (syntax-serialize 5)))
(try (lambda () (syntax-deserialize 5)))
(try (lambda () (syntax-deserialize '#s(serialized-syntax "8.7" 1 2))))
