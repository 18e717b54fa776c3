#lang racket/base
;; eval, namespaces and anchors: results, printed forms and errors.
(define (try thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e) (printf "error: ~a\n" (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

;; A module program's current namespace is empty.
(try (lambda () (current-namespace)))
(try (lambda () (eval '(+ 1 2))))
(try (lambda () (eval 5)))
(try (lambda () (eval 'car)))
;; Syntax keeps its own bindings.
(try (lambda () (eval #'(+ 1 2))))

(define ns (make-base-namespace))
(try (lambda () (eval '(+ 1 2) ns)))
(try (lambda () (eval '(define x 10) ns)))
(try (lambda () (eval '(list x (* x x)) ns)))
(try (lambda () (eval '(values 1 2) ns)))
(try (lambda () (eval '(begin (define-syntax-rule (twice e) (list e e)) (twice 'a)) ns)))
(try (lambda () (eval '(lambda (y) y) ns)))
(try (lambda () (eval '(if) ns)))
(try (lambda () (eval 'undefined-thing ns)))
(try (lambda () (eval '(+ 1 2) 'not-a-namespace)))
(try (lambda () (eval-syntax '(+ 1 2) ns)))
(try (lambda () (eval-syntax #'(* 6 7) ns)))

(parameterize ([current-namespace ns])
  (try (lambda () (eval '(+ x 1))))
  (namespace-set-variable-value! 'y 5)
  (try (lambda () (eval '(+ x y))))
  (try (lambda () (namespace-variable-value 'x)))
  (try (lambda () (namespace-variable-value 'nope)))
  (try (lambda () (namespace-variable-value 'nope #t (lambda () 'fallback))))
  (try (lambda () (namespace-variable-value 'define)))
  (try (lambda () (namespace-variable-value 'car #f)))
  (try (lambda () (eval '(require racket/list))))
  (try (lambda () (eval '(first '(9 8 7)))))
  (try (lambda () (syntax->datum (expand '(when #t 1)))))
  (try (lambda () (syntax->datum (expand-once '(unless #f 2)))))
  (try (lambda () (identifier? (namespace-symbol->identifier 'car)))))

(try (lambda () (current-namespace 5)))
(try (lambda () (namespace? ns)))
(try (lambda () (namespace? 'ns)))
(try (lambda () (namespace-base-phase ns)))

(define empty (make-base-empty-namespace))
(try (lambda () (eval '(list 1 2) empty)))
(parameterize ([current-namespace empty])
  (namespace-require 'racket/base)
  (try (lambda () (eval '(list 1 2))))
  (try (lambda () (eval '(string-append "a" "b")))))
(try (lambda () (and (memq 'list (namespace-mapped-symbols empty)) #t)))
(try (lambda () (and (memq 'cons (namespace-mapped-symbols (make-empty-namespace))) #t)))

;; An anchor's namespace sees this module's definitions.
(define-namespace-anchor anchor)
(define secret 42)
(define (helper n) (* n secret))
(try (lambda () anchor))
(try (lambda () (namespace-anchor? anchor)))
(define ans (namespace-anchor->namespace anchor))
(try (lambda () (eval '(helper 2) ans)))
(try (lambda () (eval '(define extra 7) ans)))
(try (lambda () (eval 'extra (namespace-anchor->namespace anchor))))
(try (lambda () (eval '(let ([q 1]) (list q secret)) ans)))
(try (lambda () (namespace-anchor->namespace 'x)))
(try (lambda () (namespace? (namespace-anchor->empty-namespace anchor))))

;; compile and eval of compiled code.
(parameterize ([current-namespace ns])
  (define c (compile '(* x 3)))
  (try (lambda () (compiled-expression? c)))
  (try (lambda () (eval c)))
  (try (lambda () (compiled-expression? '(* x 3)))))

;; current-eval is consulted by eval.
(parameterize ([current-namespace ns]
               [current-eval (let ([orig (current-eval)])
                               (lambda (form) (printf "evaluating ~s\n" (syntax->datum form)) (orig form)))])
  (try (lambda () (eval '(+ 2 3)))))
