#lang racket/base
;; Using a syntax parameter outside its syntax-parameterize is a compile error.
(require racket/stxparam (for-syntax racket/base))

(define-syntax-parameter it
  (lambda (stx) (raise-syntax-error #f "can only be used inside aif" stx)))
(define-syntax-rule (aif c then else)
  (let ([t c]) (if t (syntax-parameterize ([it (make-rename-transformer #'t)]) then) else)))

(printf "~s\n" (aif 1 it 2))
(define (g x) (+ it x))
