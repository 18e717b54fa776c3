#lang racket
;; make-primitive-class, racket/class's hook for host-implemented classes:
;; in Racket 8.7 every call fails (its class builder gets 27 arguments of
;; 28) once the init-argument names have been read.
(define (try thunk)
  (with-handlers ([exn:fail? (λ (e) (printf "~a: ~a\n" (if (exn:fail:contract:arity? e) 'arity 'other) (exn-message e)))])
    (thunk)))
(define (make-struct:prim c prop:object preparer dispatcher props)
  (define-values (st mk pred ref set) (make-struct-type 'prim-thing #f 0 0 #f (list (cons prop:object c))))
  (values mk pred st))
(procedure-arity make-primitive-class)
(try (λ () (make-primitive-class make-struct:prim void 'base% #f '() '(a (b 2)) '() '(hello) '() (list (λ (this x) x)))))
(try (λ () (make-primitive-class make-struct:prim void 'base% #f '() #f '() '() '() '())))
(try (λ () (make-primitive-class 1 2 3 4 5 6 7 8 9 10)))
(try (λ () (make-primitive-class 1 2 3 4 5 '(a 7) 7 8 9 10)))
(try (λ () (make-primitive-class 1 2)))
