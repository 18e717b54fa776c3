#lang racket/base
;; curry and curryr take keywords themselves and pass them to the curried procedure.
(require racket/function)
(define f (lambda (#:a a x y) (list a x y)))
(((curry f #:a 1) 2) 3)
((curry f #:a 1 2) 3)
((curryr f #:a 1 2) 3)
(curry f #:a 1 2 3)
(procedure-arity curry)
(with-handlers ([exn:fail? exn-message]) ((curry list #:a 1) 2))
