#lang racket/base
(require racket/match (for-syntax racket/base))
(struct point (x y) #:transparent)
(define-match-expander polar
  (lambda (stx) (syntax-case stx () [(_ r) #'(point r r)]))
  (lambda (stx) (syntax-case stx () [(_ r) #'(point r r)])))
(match (polar 3) [(polar r) (printf "diag ~a\n" r)] [_ 'no])
(define-match-expander pair-of
  (syntax-rules () [(_ a b) (cons a b)]))
(match '(1 . 2) [(pair-of x y) (displayln (+ x y))])
(match (list 1 2 3) [(list (pair-of a b) ...) 'x] [(list x ...) (displayln x)])
(define (f v) (match v [(point a b) (list a b)]))
(f (point 5 6))
(let () (struct q (a)) (match (q 1) [(q z) z]))
