#lang racket/base
;; wrong-syntax reports against current-syntax-context.
(require (for-syntax racket/base racket/syntax))

(define-syntax (define-pair stx)
  (parameterize ([current-syntax-context stx])
    (syntax-case stx ()
      [(_ a b) (begin
                 (unless (identifier? #'a) (wrong-syntax #'a "expected identifier"))
                 #'(define a (cons b b)))])))

(define-pair x 1)
(printf "~s\n" x)
(define-pair (y) 2)
