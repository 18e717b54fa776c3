#lang racket/base
;; Rename transformers, set! transformers, syntax-id-rules, identifier macros.
(require (for-syntax racket/base))

(define real-counter 0)
(define-syntax counter (make-rename-transformer #'real-counter))
(set! counter (+ counter 5))
(printf "counter ~a real ~a\n" counter real-counter)

(define-syntax my-lambda (make-rename-transformer #'lambda))
(displayln ((my-lambda (x) (* x x)) 7))

;; free-identifier=? sees through rename transformers
(define-syntax (same? stx)
  (syntax-case stx ()
    [(_ a b) (if (free-identifier=? #'a #'b) #''same #''different)]))
(write (list (same? counter real-counter) (same? my-lambda lambda) (same? car cdr)))
(newline)

;; a variable backed by a box, via make-set!-transformer
(define store (box 10))
(define-syntax boxed
  (make-set!-transformer
   (lambda (stx)
     (syntax-case stx (set!)
       [(set! id v) #'(set-box! store v)]
       [(id arg ...) #'((unbox store) arg ...)]
       [id (identifier? #'id) #'(unbox store)]))))
(displayln boxed)
(set! boxed 99)
(printf "boxed ~a store ~a\n" boxed (unbox store))
(set! boxed (lambda (x) (list 'called x)))
(write (boxed 'arg))
(newline)

;; syntax-id-rules with a logging setter
(define log '())
(define hidden-x 1)
(define-syntax x
  (syntax-id-rules (set!)
    [(set! x v) (begin (set! log (cons v log)) (set! hidden-x v))]
    [(x . args) (list 'applied hidden-x . args)]
    [x hidden-x]))
(set! x 2)
(set! x (+ x 10))
(printf "x ~a log ~a\n" x log)
(write (x 'a 'b))
(newline)

;; an identifier macro that expands differently in operator position
(define-syntax (now stx)
  (syntax-case stx ()
    [(_ unit) #''(now with unit)]
    [_ (identifier? stx) #''(now plain)]))
(write (list now (now seconds)))
(newline)

;; a rename transformer to a macro keeps it a macro
(define-syntax-rule (twice e) (begin e e))
(define-syntax two-times (make-rename-transformer #'twice))
(two-times (display "hi "))
(newline)
