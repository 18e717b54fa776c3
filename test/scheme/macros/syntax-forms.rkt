#lang racket/base
;; define-values-for-syntax, set!-values, quote-syntax/prune, local-require,
;; and lifted requires and provides.
(require (for-syntax racket/base))
(define-syntax-rule (try e) (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))]) e))
(define-syntax (expansion-error stx)
  (syntax-case stx ()
    [(_ e) (with-handlers ([exn:fail? (lambda (x) #`(displayln #,(exn-message x)))])
             (local-expand #'e 'expression '()))]))

(define-values-for-syntax (a b) (values 1 2))
(define-syntax (m stx) #`(list #,a #,b))
(m)
(define-values-for-syntax () (values))

(define p 1)
(define q 2)
(set!-values (p q) (values 10 20))
(list p q)
(set!-values () (values))
(set!-values (p) 5)
p
(let ([x 1] [y 2]) (set!-values (x y) (values y x)) (list x y))
(expansion-error (set!-values (p p) (values 1 2)))
(expansion-error (set!-values (p 1) (values 1 2)))
(expansion-error (set!-values p 1))
(expansion-error (set!-values (p q) 1 2))
(try (set!-values (p q) (values 1 2 3)))

(quote-syntax/prune car)
(free-identifier=? (quote-syntax/prune car) #'car)
(expansion-error (quote-syntax/prune (car)))
(expansion-error (quote-syntax/prune))

(let () (local-require racket/list) (first '(1 2)))
(let () (local-require (only-in racket/list [second snd]) (only-in racket/string string-trim)) (list (snd '(1 2)) (string-trim " x ")))
(local-require (only-in racket/list third))
(third '(1 2 3))
(define (uses-local-require)
  (local-require (prefix-in l: racket/list))
  (l:last '(1 2 3)))
(uses-local-require)
(expansion-error (+ 1 (local-require racket/list)))

(define-syntax (lift-req stx)
  (syntax-local-lift-require #'racket/list #'(fourth '(1 2 3 4))))
(lift-req)
(define-syntax (lift-req-bad stx) (syntax-local-lift-require 5 #'x))
(define-syntax (lift-req-bad2 stx) (syntax-local-lift-require #'racket/list 5))
(expansion-error (lift-req-bad))
(expansion-error (lift-req-bad2))
(try (syntax-local-lift-require #'racket/list #'x))

(module lifts-provide racket/base
  (require (for-syntax racket/base))
  (define-syntax (lift-prov stx)
    (syntax-local-lift-provide #'zz)
    #'(void))
  (define zz 5)
  (lift-prov))
(require 'lifts-provide)
zz
(define-syntax (prov-bad stx) (syntax-local-lift-provide 5) #'1)
(expansion-error (prov-bad))
(try (syntax-local-lift-provide #'zz))

;; syntax-local-lift-require without wrapping: the spec binds with its own scopes.
(define-syntax (lift-unwrapped stx)
  (syntax-local-lift-require (datum->syntax #'here 'racket/list) #'here #f)
  (datum->syntax #'here '(last '(1 2 3))))
(lift-unwrapped)
