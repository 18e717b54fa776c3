#lang racket/base
;; syntax-parameter-value and make-parameter-rename-transformer.
(require racket/stxparam (for-syntax racket/base))

;; a syntax parameter whose value is compile-time data, read by another macro
(define-syntax-parameter indent-level 0)
(define-syntax (current-indent stx)
  #`#,(syntax-parameter-value #'indent-level))
(define-syntax (with-indent stx)
  (syntax-case stx ()
    [(_ body ...)
     (with-syntax ([n (add1 (syntax-parameter-value #'indent-level))])
       #'(syntax-parameterize ([indent-level n]) body ...))]))
(printf "~s\n" (list (current-indent) (with-indent (current-indent))
                     (with-indent (with-indent (current-indent)))))

;; make-parameter-rename-transformer: one parameter aliasing another
(define-syntax-parameter self (lambda (stx) #''no-self))
(define-syntax-parameter this (make-parameter-rename-transformer #'self))
(define-syntax-rule (with-self v body)
  (let ([s v]) (syntax-parameterize ([self (make-rename-transformer #'s)]) body)))
(printf "~s ~s\n" this (with-self 'obj (list self this)))

;; a syntax parameter bound to a procedure macro inside syntax-parameterize
(define-syntax-parameter emit (lambda (stx) #''default-emit))
(define-syntax-rule (collecting body ...)
  (let ([acc '()])
    (syntax-parameterize ([emit (syntax-rules () [(_ x) (set! acc (cons x acc))])])
      body ...)
    (reverse acc)))
(printf "~s\n" (collecting (emit 1) (emit 2) (for ([i 3]) (emit (* i 10)))))
(printf "~s\n" emit)

;; define-syntax-parameter with a rename default
(define base-value 42)
(define-syntax-parameter the-value (make-rename-transformer #'base-value))
(define other-value 7)
(printf "~s ~s\n" the-value
        (syntax-parameterize ([the-value (make-rename-transformer #'other-value)]) the-value))
