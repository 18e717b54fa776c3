#lang racket/base
;; syntax-local-lift-expression: lifted to the module top level, before the
;; form that lifted it; local-expand/capture-lifts; lifts in a transformer's
;; right-hand side.
(require (for-syntax racket/base) (for-meta 2 racket/base))

;; A constant computed once, however often the code around it runs.
(define-syntax (once stx)
  (syntax-case stx ()
    [(_ e) (syntax-local-lift-expression #'e)]))
(define evaluations 0)
(define (cached) (once (begin (set! evaluations (add1 evaluations)) (list 'computed))))
(displayln "before any call")
(list (cached) (cached) (eq? (cached) (cached)))
evaluations

;; Lifting inside a local binding: the lifted expression is outside it.
(let ([x 5]) (list x (once (+ 1 2))))

;; Lifted definitions run before the form that lifted them.
(define order '())
(define (note! s) (set! order (cons s order)) s)
(define result (list (note! 'body) (once (note! 'lifted))))
(reverse order)

;; Several values.
(define-syntax (two stx)
  (syntax-case stx ()
    [(_ e) (with-syntax ([(a b) (syntax-local-lift-values-expression 2 #'e)])
             #'(list b a))]))
(two (values 'first 'second))

;; capture-lifts wraps the lifts around the expansion as definitions.
(define-syntax (captured stx)
  (syntax-case stx ()
    [(_ e) (let ([x (local-expand/capture-lifts #'e 'expression '())])
             (syntax-case x (begin define-values)
               [(begin (define-values (id) rhs) ... body)
                (printf "captured ~a lift(s), body ~s\n"
                        (length (syntax->list #'(id ...)))
                        (car (syntax->datum #'body)))])
             x)]))
(captured (+ 1 (once 2) (once 3)))

;; A lift in a transformer's right-hand side is bound around that expression.
(begin-for-syntax
  (define-syntax (once-for-syntax stx)
    (syntax-case stx ()
      [(_ e) (syntax-local-lift-expression #'e)])))
(define-syntax compile-time-value
  (let ([v (once-for-syntax (* 6 7))])
    (lambda (stx) (datum->syntax stx v))))
(compile-time-value)

(define-syntax (not-syntax stx)
  (with-handlers ([exn:fail? (lambda (e) #`'#,(exn-message e))])
    (syntax-local-lift-expression 5)))
(not-syntax)
