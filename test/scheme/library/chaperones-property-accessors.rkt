#lang racket/base
;; chaperone-struct and impersonate-struct on a structure type property's
;; accessor: the accessor is a witness, and reads of a wrapped instance go
;; through the redirection (the property predicate sees through it).
(define-values (prop:p p? p-ref) (make-struct-type-property 'p #f '() #f))
(define-values (prop:q q? q-ref) (make-struct-type-property 'q #f '() #t))
(struct s (x) #:property prop:p (vector 1 2) #:property prop:q 5)
(define c (chaperone-struct (s 1) q-ref (lambda (self v) (printf "q read of ~a\n" (s-x self)) v)))
(list (chaperone-of? c (s 1)) (eq? c (s 1)) (q-ref c) (q? c) (p? c) (s? c))
(define v (chaperone-struct (s 1) p-ref (lambda (self vec) (chaperone-vector vec (lambda (vec i x) (printf "vector read ~a\n" i) x) (lambda (vec i x) x)))))
(vector-ref (p-ref v) 1)
(define i (impersonate-struct (s 1) q-ref (lambda (self v) 7)))
(q-ref i)
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (q-ref (chaperone-struct (s 1) q-ref (lambda (self v) 7))))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (chaperone-struct (s 1) q-ref))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (chaperone-struct 5 q-ref (lambda (self v) v)))
