#lang racket/base
;; What a transformer asks of, and adds to, the module being expanded:
;; submodules, other modules' exports, lifted submodules and end-of-module
;; declarations, interned scopes, and the module syntax comes from.
(require (for-syntax racket/base))

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (thunk)))

(module sub1 racket/base
  (require (for-syntax racket/base))
  (provide a b (for-syntax c))
  (define a 1)
  (define-syntax b 2)
  (begin-for-syntax (define c 3)))

;; syntax-local-module-exports, names sorted (Racket's order is a hash table's).
(define-syntax (exports stx)
  (syntax-case stx ()
    [(_ mod)
     #`'#,(for/list ([p (syntax-local-module-exports (syntax->datum #'mod))])
            (cons (car p) (sort (map symbol->string (cdr p)) string<?)))]))
(exports 'sub1)
(exports (submod "." sub1))
(define-syntax (export-count stx)
  (syntax-case stx ()
    [(_ mod) #`'#,(for/list ([p (syntax-local-module-exports #'mod)]) (cons (car p) (length (cdr p))))]))
(export-count racket/list)
(define-syntax (bad-exports stx)
  (with-handlers ([exn:fail? (lambda (e) #`#,(exn-message e))]) (syntax-local-module-exports 5)))
(bad-exports)

;; syntax-local-submodules: the `module` submodules so far, configure-runtime first.
(define-syntax (subs stx) #`'#,(syntax-local-submodules))
(subs)
(module sub2 racket/base)
(subs)
(module* sub3 #f)
(module+ sub4)
(subs)
(let () (define-syntax (subs-in-let stx) #`'#,(syntax-local-submodules)) (subs-in-let))

;; syntax-local-lift-module
(define-syntax (lift-module stx)
  (syntax-local-lift-module #'(module lifted racket/base (provide v) (define v 'lifted-v)))
  #'(void))
(lift-module)
(require 'lifted)
v
(subs)
(define-syntax (lift-star stx)
  (syntax-local-lift-module #'(module* lifted-star #f (displayln (list 'in-star v))))
  #'(void))
(lift-star)
(define-syntax (bad-lift stx)
  (with-handlers ([exn:fail? (lambda (e) #`#,(exn-message e))]) (syntax-local-lift-module 5)))
(bad-lift)
(define-syntax (not-a-module stx)
  (with-handlers ([exn:fail? (lambda (e) #`#,(car (regexp-match #rx"^[^\n]*" (exn-message e))))])
    (syntax-local-lift-module #'(foo))))
(not-a-module)

;; syntax-local-lift-module-end-declaration: run after the rest of the body.
(define-syntax (at-end stx)
  (syntax-case stx ()
    [(_ e) (begin (syntax-local-lift-module-end-declaration #'(displayln e)) #'(displayln 'now))]))
(at-end 'at-the-end)
(displayln 'middle)
(define (f) (at-end 'from-a-function-body) 'f-called)
(f)
(define-syntax (bad-end stx)
  (with-handlers ([exn:fail? (lambda (e) #`#,(exn-message e))]) (syntax-local-lift-module-end-declaration 5)))
(bad-end)

;; syntax-local-module-interned-scope-symbols
(define-syntax (interned stx) #`'#,(syntax-local-module-interned-scope-symbols))
(interned)
(define-syntax (interned2 stx)
  ((make-interned-syntax-introducer 'my-scope) #'x)
  #`'#,(syntax-local-module-interned-scope-symbols))
(interned2)

;; syntax-source-module
(module-path-index? (syntax-source-module #'x))
(let ([p (syntax-source-module #'x #t)])
  (and (path? p) (let-values ([(base name dir?) (split-path p)]) name)))
(syntax-source-module (datum->syntax #f 'x))
(syntax-source-module (datum->syntax #f 'x) #t)
(try (lambda () (syntax-source-module 5)))

;; Outside of expansion.
(try (lambda () (syntax-local-module-exports 'racket/list)))
(try (lambda () (syntax-local-submodules)))
(try (lambda () (syntax-local-lift-module #'(module x racket/base))))
(try (lambda () (syntax-local-lift-module-end-declaration #'(void))))
(try (lambda () (syntax-local-module-interned-scope-symbols)))
