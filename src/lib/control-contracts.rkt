#lang racket/base
;; racket/contract's contracts on control values: prompt-tag/c,
;; continuation-mark-key/c and struct-type-property/c. Each wraps the
;; value in a chaperone (an impersonator when a part is one) that checks
;; what flows through it: values aborted to or returned through a prompt,
;; values put in or read from marks, a property's value on each struct type.

(provide (rename-out [make-prompt-tag/c #%rkt-internal:contract-make-prompt-tag/c]
                     [continuation-mark-key/c racket/contract:continuation-mark-key/c]
                     [struct-type-property/c racket/contract:struct-type-property/c]))

(define (chaperone-kind cs)
  (if (andmap (lambda (c) (memq (%contract-record-kind c) '(flat chaperone))) cs) 'chaperone 'impersonator))

(define (projections cs b) (map (lambda (c) ((%contract-record-projection c) b)) cs))

(define (check-each projs)
  (lambda vs (apply values (map (lambda (p v) (p v)) projs vs))))

;; `aborts`: the contracts of the values aborted to the prompt; `call/ccs`:
;; of the values a continuation captured up to it is applied to.
(define (make-prompt-tag/c aborts call/ccs)
  (let* ([aborts (map (lambda (c) (%c:coerce-contract 'prompt-tag/c c)) aborts)]
         [call/ccs (map (lambda (c) (%c:coerce-contract 'prompt-tag/c c)) call/ccs)]
         [kind (chaperone-kind (append aborts call/ccs))]
         [name (append (list 'prompt-tag/c) (map %contract-record-name aborts)
                       (list '#:call/cc) (map %contract-record-name call/ccs))]
         [self #f])
    (set! self
          (%make-contract-record
           kind name continuation-prompt-tag?
           (lambda (b)
             (let* ([swapped (%c:blame-swap b)]
                    [to-handler (check-each (projections aborts b))]
                    [on-abort (check-each (projections aborts swapped))]
                    [cc-guard (check-each (projections call/ccs b))]
                    [cc-in (check-each (projections call/ccs swapped))]
                    [wrap-tag (if (eq? kind 'chaperone) chaperone-prompt-tag impersonate-prompt-tag)]
                    [wrap-proc (if (eq? kind 'chaperone) chaperone-procedure impersonate-procedure)])
               (lambda (tag)
                 (unless (continuation-prompt-tag? tag)
                   (%c:raise-blame-error b tag '(expected: "~s" given: "~e") name tag))
                 (wrap-tag tag to-handler on-abort cc-guard
                           (lambda (k) (wrap-proc k (lambda args (apply values cc-in args))))
                           %impersonator-prop:contracted self
                           %impersonator-prop:blame b))))
           #f))
    self))

(define (continuation-mark-key/c c)
  (let* ([c (%c:coerce-contract 'continuation-mark-key/c c)]
         [kind (chaperone-kind (list c))]
         [name (list 'continuation-mark-key/c (%contract-record-name c))]
         [self #f])
    (set! self
          (%make-contract-record
           kind name continuation-mark-key?
           (lambda (b)
             (let ([on-read ((%contract-record-projection c) b)]
                   [on-set ((%contract-record-projection c) (%c:blame-swap b))]
                   [wrap (if (eq? kind 'chaperone) chaperone-continuation-mark-key impersonate-continuation-mark-key)])
               (lambda (key)
                 (unless (continuation-mark-key? key)
                   (%c:raise-blame-error b key '(expected: "~s" given: "~e") name key))
                 (wrap key on-read on-set
                       %impersonator-prop:contracted self
                       %impersonator-prop:blame b))))
           #f))
    self))

;; A property under contract is a new property whose values, checked,
;; become the original's (its super property).
(define (struct-type-property/c c)
  (let* ([c (%c:coerce-contract 'struct-type-property/c c)]
         [name (list 'struct-type-property/c (%contract-record-name c))])
    (%make-contract-record
     'chaperone name struct-type-property?
     (lambda (b)
       (let ([check ((%contract-record-projection c)
                     (%c:blame-add-context b "the struct property value of" #:swap? #t))])
         (lambda (prop)
           (unless (struct-type-property? prop)
             (%c:raise-blame-error b prop '(expected " struct-type-property" given: "~e") prop))
           (let-values ([(wrapped pred access)
                         (make-struct-type-property
                          (string->symbol (format "wrapped-~a" (object-name prop)))
                          (lambda (v info) (check v))
                          (list (cons prop values)))])
             wrapped))))
     #f)))
