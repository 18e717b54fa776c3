#lang racket/base
;; racket/class's procedures that call procedures: instantiation (each
;; class's init procedure, from the object's class up to object%) and the
;; dynamic forms of send. The records are prims/classes.ts; the forms
;; macros/class.ts.

(provide (rename-out [class-instantiate #%rkt-internal:class-instantiate]
                     [object-method-arity-includes? racket/class:object-method-arity-includes?]
                     [class-info racket/class:class-info]
                     [object-info racket/class:object-info]))

;; new, make-object and instantiate: by-position arguments and by-name (name . value) pairs.
(define (class-instantiate c pos named)
  (let ([o (%class:allocate c)])
    (class-initialize o c (%class:init-args pos named))
    o))

;; Runs class c's init procedure on o; its super-new runs the superclass's.
(define (class-initialize o c args)
  (let ([init (%class:init-proc c)])
    (if init
        (let ([called #f])
          (%class:take-positional! args c o)
          (init o args
                (lambda (args pos named)
                  (when called (%class:init-twice c))
                  (set! called #t)
                  (class-initialize o (%class:super c) (%class:args-for-super args c pos named))))
          (unless called (%class:no-super-init c)))
        (%class:args-done args o))))

(define (object-method-arity-includes? o m n)
  (unless (%class:object? o) (raise-argument-error 'object-method-arity-includes? "object?" o))
  (unless (symbol? m) (raise-argument-error 'object-method-arity-includes? "symbol?" m))
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'object-method-arity-includes? "exact-nonnegative-integer?" n))
  (let ([p (%class:method-or-false o m)])
    (and p (procedure-arity-includes? p (+ n 1)))))

;; class-info: name, field count, field names, accessor, mutator, superclass, skipped?
(define (class-info c)
  (unless (%class:class? c) (raise-argument-error 'class-info "class?" c))
  (values (%class:name c)
          (length (%class:own-field-names c))
          (%class:own-field-names c)
          (lambda (o n) (%class:own-field-ref c o n))
          (lambda (o n v) (%class:own-field-set! c o n v))
          (%class:visible-super c)
          (not (%class:visible-super c))))

(define (object-info o)
  (if (%class:object? o)
      (values (%class:visible-class o) (%class:skipped? o))
      (values #f #t)))
