#lang racket/base
;; struct-out's own errors: no name, a non-identifier, two names, a name
;; without struct information.
(define (try form)
  (with-handlers ([exn:fail:syntax? (lambda (e) (displayln (exn-message e)))])
    (parameterize ([current-namespace (make-base-namespace)])
      (eval form)
      (displayln "declared"))))
(try '(module m racket/base (provide (struct-out))))
(try '(module m racket/base (provide (struct-out 5))))
(try '(module m racket/base (provide (struct-out a b))))
(try '(module m racket/base (provide (struct-out car))))
(try '(module m racket/base (struct p (x)) (provide (struct-out p))))
