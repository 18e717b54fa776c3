#lang racket/base
;; racket/contract/parametric: parametric->/c, new-∀/c and new-∃/c. A
;; barrier seals the values that come in through one side of a contract
;; in an opaque struct and unseals them on the way out; a value that goes
;; out unsealed broke the contract. The forms are
;; macros/dependent-contracts.ts.

(provide (rename-out [make-polymorphic #%rkt-internal:contract-make-polymorphic]
                     [make-forall/exists #%rkt-internal:contract-make-forall/exists]))

;; A barrier named `name`: sealing where the blame's originality is `sealing-original?`.
(define (barrier name sealing-original?)
  (let-values ([(type make pred access mutate) (make-struct-type name #f 1 0)])
    (%make-contract-record
     'impersonator name pred
     (lambda (b)
       (if (eq? (%blame-original b) sealing-original?)
           make
           (lambda (x)
             (if (pred x)
                 (access x 0)
                 (%c:raise-blame-error b x '(expected: "~a" given: "~e") name x)))))
     #f)))

;; (parametric->/c (var ...) c): `body` makes c from one barrier per
;; variable, anew for each value the contract protects.
(define (make-polymorphic vars body source)
  (%make-contract-record
   'impersonator (list 'parametric->/c vars source)
   procedure?
   (lambda (orig)
     (let ([b (%c:blame-add-context orig #f)])
       (lambda (p)
         (unless (procedure? p) (%c:raise-blame-error b p '(expected " a procedure" given: "~e") p))
         (let ([wrap (lambda ()
                       (let* ([sealing? (not (%blame-original b))]
                              [protector (%c:coerce-contract 'parametric->/c
                                                             (apply body (map (lambda (v) (barrier v sealing?)) vars)))])
                         (((%contract-record-projection protector) b) p)))])
           (make-keyword-procedure
            (lambda (kws vals . args) (keyword-apply (wrap) kws vals args))
            (lambda args (apply (wrap) args)))))))
   #f))

;; new-∀/c (exists? #f) seals what comes in and unseals what goes out;
;; new-∃/c the other way round. Sealed values are instances of NAME/∀ or NAME/∃.
(define (make-forall/exists name exists?)
  (let-values ([(type make pred access mutate)
                (make-struct-type (string->symbol (format "~a/~a" name (if exists? "∃" "∀"))) #f 1 0)])
    (%make-contract-record
     'impersonator name (lambda (x) #t)
     (lambda (b)
       (if (equal? exists? (not (%blame-original b)))
           (lambda (x)
             (if (pred x)
                 (access x 0)
                 (%c:raise-blame-error b x "not ~a: ~e" name x)))
           make))
     #f)))
