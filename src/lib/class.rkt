#lang racket/base
;; racket/class's procedures that call procedures: instantiation (each
;; class's init procedure, from the object's class up to object%) and the
;; dynamic forms of send. The records are prims/classes.ts; the forms
;; macros/class.ts.

(provide (rename-out [class-instantiate #%rkt-internal:class-instantiate]
                     [object-method-arity-includes? racket/class:object-method-arity-includes?]
                     [class-info racket/class:class-info]
                     [class-seal racket/class:class-seal]
                     [class-unseal racket/class:class-unseal]
                     [class-check-seals #%rkt-internal:class-check-seals]
                     [call-with-member-names #%rkt-internal:class-call-with-member-names]
                     [object-info racket/class:object-info]
                     [make-primitive-class racket/class:make-primitive-class]))

;; new, make-object and instantiate: by-position arguments and by-name (name . value) pairs.
(define (class-instantiate c pos named)
  (for-each (lambda (s) ((vector-ref s 1) c)) (%class:seals c))
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
;; class-seal: a view of the class that, when subclassed, calls
;; member-proc with the class and the init, field and method names the
;; subclass declares that `inits`, `fields` and `methods` leave sealed,
;; and when instantiated calls inst-proc with the class.
(define (class-seal cls key inits fields methods inst-proc member-proc)
  (unless (%class:class? cls) (raise-argument-error 'class-seal "class?" cls))
  (unless (symbol? key) (raise-argument-error 'class-seal "symbol?" key))
  (for ([names (in-list (list inits fields methods))])
    (unless (and (list? names) (andmap symbol? names)) (raise-argument-error 'class-seal "(listof symbol?)" names)))
  (unless (and (procedure? inst-proc) (procedure-arity-includes? inst-proc 1))
    (raise-argument-error 'class-seal "(procedure-arity-includes/c 1)" inst-proc))
  (unless (and (procedure? member-proc) (procedure-arity-includes? member-proc 2))
    (raise-argument-error 'class-seal "(procedure-arity-includes/c 2)" member-proc))
  (%class:with-seals cls (cons (vector key inst-proc member-proc inits fields methods) (%class:seals cls))))

;; class-unseal: the class without (the newest of) its seals keyed `key`;
;; wrong-key-proc gets the class when it has none. (Racket's checks name
;; class-seal.)
(define (class-unseal cls key wrong-key-proc)
  (unless (%class:class? cls) (raise-argument-error 'class-seal "class?" cls))
  (unless (symbol? key) (raise-argument-error 'class-seal "symbol?" key))
  (let ([seals (%class:seals cls)])
    (unless (ormap (lambda (s) (eq? key (vector-ref s 0))) seals) (wrong-key-proc cls))
    (%class:with-seals cls (let drop ([l seals])
                             (cond [(null? l) '()]
                                   [(eq? key (vector-ref (car l) 0)) (cdr l)]
                                   [else (cons (car l) (drop (cdr l)))])))))

;; Before a class is made from `super`: each seal's check of the names the
;; new class declares (its inits for all seals, then fields, then methods).
(define (class-check-seals super inits fields methods)
  (when (%class:class? super)
    (let ([seals (%class:seals super)])
      (for ([i (in-list '(3 4 5))] [names (in-list (list inits fields methods))])
        (for ([s (in-list seals)])
          (let ([sealed (filter (lambda (n) (not (memq n (vector-ref s i)))) names)])
            (unless (null? sealed) ((vector-ref s 2) super sealed))))))))
;; A class using define-member-name's names is made in here: the class
;; records take each placeholder of `pairs` ((placeholder . key) ...) for
;; its key's name.
(define (call-with-member-names pairs thunk)
  (dynamic-wind (lambda () (%class:push-member-names! pairs))
                thunk
                (lambda () (%class:pop-member-names!))))

;; The hook for classes implemented by a host's C code. In Racket 8.7 it
;; cannot succeed: after reading the init-argument names it calls its class
;; builder with one argument too few (27 of 28), so every call ends in that
;; arity error. It does the same here, so a program that probes for it sees
;; what it sees under Racket.
(define (make-primitive-class make-struct:prim prim-init name super intfs init-arg-names
                              override-names new-names override-methods new-methods)
  (when init-arg-names
    (map (lambda (s) (if (symbol? s) s (car s))) init-arg-names))
  (raise (make-exn:fail:contract:arity
          (string-append "compose-class: arity mismatch;\n"
                         " the expected number of arguments does not match the given number\n"
                         "  expected: 28\n"
                         "  given: 27")
          (current-continuation-marks))))
