#lang racket/base
;; racket/generic's wrappers and contracts. redirect-generics (and its
;; chaperone- and impersonate- forms, macros/generics.ts) wraps an instance
;; so that the property accessor define-generics' methods read gives a
;; wrapped method table, whose every read goes through the given procedure.
;; generic-instance/c and NAME/c are contracts that wrap an instance so,
;; each named method under its contract.

(provide (rename-out [generic-redirect #%rkt-internal:generic-redirect]
                     [generic-make-contract #%rkt-internal:generic-make-contract]))

(define (generic-redirect name chaperoning? pred ref x proc props)
  (unless (pred x)
    (raise-argument-error name (format "~a?" name) x))
  (unless (and (list? props)
               (let loop ([props props])
                 (cond
                   [(null? props) #t]
                   [(null? (cdr props)) #f]
                   [(impersonator-property? (car props)) (loop (cddr props))]
                   [else #f])))
    (raise-argument-error name "(list/c impersonator-property? any/c ... ...)" props))
  (let ([entry (lambda (table i method) (proc i method))])
    (apply (if chaperoning? chaperone-struct impersonate-struct)
           x
           ref
           (lambda (self table)
             ((if chaperoning? chaperone-vector impersonate-vector) table entry entry))
           props)))

;; redirect: (lambda (chaperoning? projection ...) (lambda (instance) wrapped)),
;; one projection (a procedure of a method) per contracted method.
(define (generic-make-contract ifc prefix pred methods ctcs redirect)
  (for-each (lambda (m c)
              (unless (%c:contract? c)
                (raise-arguments-error (car prefix)
                                       "non-contract value supplied for method"
                                       "value" c
                                       "method" m
                                       "generic interface" ifc)))
            methods
            ctcs)
  (let* ([ctcs (map (lambda (c) (%c:coerce-contract (car prefix) c)) ctcs)]
         [chaperoning? (andmap %c:chaperone-contract? ctcs)]
         [name (append prefix
                       (map (lambda (m c) (list m (%contract-record-name c))) methods ctcs))])
    (%make-contract-record
     (if chaperoning? 'chaperone 'impersonator)
     name
     pred
     (lambda (b)
       (let ([projs (map (lambda (m c)
                           ((%contract-record-projection c)
                            (%c:blame-add-context b (format "method ~a" m))))
                         methods
                         ctcs)])
         (apply redirect chaperoning? projs)))
     #f)))
