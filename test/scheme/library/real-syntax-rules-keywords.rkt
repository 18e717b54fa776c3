#lang racket/base
;; Keywords and other literal data in syntax-rules patterns, as a program
;; imitating command-line's `#:args (name ...) body ...` writes them.

(define-syntax-rule (with-args #:args (name ...) #:values vals body ...)
  (let-values ([(name ...) (apply values vals)]) body ...))

(with-args #:args (a b) #:values '(1 2)
  (printf "a=~a b=~a\n" a b))

(define-syntax pick
  (syntax-rules ()
    [(_ #:first x y) 'x]
    [(_ #:second x y) 'y]
    [(_ 0 x) 'zero]
    [(_ "str" x) 'string]
    [(_ #t . rest) 'rest]
    [(_ #\c) 'char]))

(displayln (list (pick #:first p q) (pick #:second p q) (pick 0 z) (pick "str" s) (pick #t 1 2 3) (pick #\c)))

(define-syntax-rule (opt #:flag f)
  (if f 'on 'off))
(displayln (opt #:flag #t))

;; A use with the wrong keyword does not match.
(with-handlers ([exn:fail:syntax? (lambda (e) (displayln (exn-message e)))])
  (eval #'(pick #:third 1 2) (variable-reference->namespace (#%variable-reference))))
(with-handlers ([exn:fail:syntax? (lambda (e) (displayln (exn-message e)))])
  (eval #'(opt #:flg 1) (variable-reference->namespace (#%variable-reference))))
