#lang racket/base
;; Modules declared at the top level by eval, compiled module declarations,
;; and the module-compiled-* procedures that take them apart.
(require (for-syntax racket/base))

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (thunk)))

(define ns (make-base-namespace))
(define (ev form) (parameterize ([current-namespace ns]) (eval form)))

;; A module form evaluated at the top level is declared, not run.
(ev '(module counter racket/base
       (provide next! (rename-out [count current]))
       (define count 0)
       (define (next!) (set! count (add1 count)) count)
       (printf "counter instantiated\n")))
(displayln "declared")
(ev '(require 'counter))
(ev '(next!))
(ev '(next!))
(ev 'current)
(parameterize ([current-namespace ns])
  (list (module-declared? ''counter)
        (module-declared? ''no-such-module)
        (module-declared? '(submod 'counter configure-runtime))))
(parameterize ([current-namespace ns])
  (module->exports ''counter))
;; One top-level module requiring another.
(ev '(module user racket/base
       (require 'counter)
       (provide twice)
       (define (twice) (next!) (next!))))
(ev '(require 'user))
(ev '(twice))
;; The body does not see the namespace's own definitions.
(ev '(define outside 1))
(try (lambda () (ev '(module sees racket/base outside))))

;; compile gives a compiled module declaration.
(define c
  (parameterize ([current-namespace ns])
    (compile '(module m racket/base
                (require racket/list (for-syntax racket/base))
                (provide f (rename-out [g gg]) (for-syntax h) mac)
                (define-syntax (mac stx) #'1)
                (begin-for-syntax (define h 1))
                (define (f) (first '(1 2)))
                (define g 2)
                (define hidden 3)
                (module sub racket/base (provide z) (define z 'sub-z))
                (module* star #f (define q 1))))))
(compiled-expression? c)
(compiled-module-expression? c)
(module-compiled-name c)
(module-compiled-imports c)
(module-compiled-exports c)
(module-compiled-exports c 'defined-names)
(module-compiled-indirect-exports c)
(map module-compiled-name (module-compiled-submodules c #t))
(map module-compiled-name (module-compiled-submodules c #f))
(module-compiled-language-info c)
(module-compiled-realm c)
(module-compiled-cross-phase-persistent? c)

;; Renaming makes a new compiled module; the original keeps its name.
(define renamed (module-compiled-name c 'renamed))
(module-compiled-name renamed)
(module-compiled-name c)
(map module-compiled-name (module-compiled-submodules renamed #t))
(map module-compiled-name (module-compiled-submodules (module-compiled-name c '(a b)) #t))
(ev renamed)
(ev '(require 'renamed))
(ev '(f))
(ev '(require (submod 'renamed sub)))
(ev 'z)

;; Replacing submodules.
(define sub (cadr (module-compiled-submodules c #t)))
(module-compiled-name sub)
(define no-pre (module-compiled-submodules c #t '()))
(compiled-module-expression? no-pre)
(module-compiled-submodules no-pre #t)
(map module-compiled-name (module-compiled-submodules no-pre #f))
(define moved (module-compiled-submodules c #f (list (module-compiled-name sub 'zz))))
(map module-compiled-name (module-compiled-submodules moved #f))
(map module-compiled-name (module-compiled-submodules moved #t))
(try (lambda () (module-compiled-submodules c #f (list sub))))

;; Declarations.
(define (compile-in-ns form) (parameterize ([current-namespace ns]) (compile form)))
(module-compiled-realm (compile-in-ns '(module r racket/base (#%declare #:realm my-realm) 1)))
(try (lambda () (compile-in-ns '(module r racket/base (#%declare #:bogus)))))
(try (lambda () (compile-in-ns '(module r racket/base (#%declare #:unsafe #:unsafe)))))
(try (lambda () (compile-in-ns '(module r racket/base (#%declare #:realm 5)))))
(try (lambda () (ev '(#%declare #:unsafe))))
(try (lambda () (ev '(module* m #f 1))))
(try (lambda () (ev '(module 5 racket/base))))

;; Not a compiled module.
(define e (compile-in-ns '(+ 1 2)))
(compiled-expression? e)
(compiled-module-expression? e)
(compiled-module-expression? 5)
(ev e)
(with-handlers ([exn:fail:contract? (lambda (x) 'contract-error)]) (module-compiled-name e))
(try (lambda () (module-compiled-name 5)))
(try (lambda () (module-compiled-name c "x")))
(try (lambda () (module-compiled-submodules c #t 1)))
(try (lambda () (module-compiled-submodules c #t (list 1))))
(try (lambda () (module-compiled-exports c 'foo)))
(try (lambda () (module-compiled-imports 'm)))
(try (lambda () (module-compiled-language-info #f)))
