#lang racket/base
;; racket/enter's dynamic-enter!: the REPL goes into a module's namespace,
;; to use and redefine what the module defines (enter! and ,enter use it).

(provide (rename-out [dynamic-enter! racket/enter:dynamic-enter!]))

;; With a module path: instantiates the module (loading it if it is not yet
;; declared) and makes its namespace current; with #f, the REPL's namespace.
;; The namespace changes even when the module raised an error, so that the
;; error can be looked into from inside; the error is raised afterwards.
(define (dynamic-enter! mod #:verbosity [verbosity 'reload] #:re-require-enter? [re-require? #t])
  (unless (or (not mod) (module-path? mod))
    (raise-argument-error 'dynamic-enter! "(or/c module-path? #f)" mod))
  (unless (memq verbosity '(all reload none))
    (raise-argument-error 'dynamic-enter! "(or/c 'all 'reload 'none)" verbosity))
  (if mod
      (let ([failure (with-handlers ([(lambda (e) #t) (lambda (e) (box e))])
                       (dynamic-require mod #f)
                       #f)])
        (when (module-declared? mod #f)
          (with-handlers ([exn:fail? void])
            (current-namespace (module->namespace mod))
            (when re-require? (namespace-require 'racket/enter))))
        (when failure (raise (unbox failure))))
      (current-namespace (%top-level-namespace))))
