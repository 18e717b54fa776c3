#lang racket/base
;; racket/generic's NAME/c, generic-instance/c, chaperone-generics,
;; impersonate-generics, redirect-generics and the property makers.
(require racket/generic racket/contract)

(define-generics shape
  (area shape)
  (scale shape k))

(struct circle (r)
  #:methods gen:shape
  [(define (area c) (* 3 (circle-r c) (circle-r c)))
   (define (scale c k) (circle (* k (circle-r c))))])

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))

;; Chaperones and impersonators of an instance's methods.
(define watched
  (chaperone-generics gen:shape (circle 2)
    [area (lambda (m) (chaperone-procedure m (lambda (s) (displayln "area called") s)))]))
(area watched)
(scale watched 2)
(chaperone-of? watched (circle 2))
(shape? watched)
(define liar (impersonate-generics gen:shape (circle 2) [area (lambda (m) (lambda (s) 42))]))
(area liar)
(define redirected (redirect-generics #f gen:shape (circle 2) [scale (lambda (m) (lambda (s k) 'scaled))]))
(list (area redirected) (scale redirected 5))
(try (lambda () (chaperone-generics gen:shape 5)))
(try (lambda () (chaperone-generics gen:shape (circle 1) #:properties '(1))))
(try (lambda () (area (chaperone-generics gen:shape (circle 1) [area (lambda (m) (lambda (s) 1))]))))

;; Contracts on the methods of instances.
(define full (shape/c [area (-> shape? number?)] [scale (-> shape? number? shape?)]))
(contract-name full)
(contract-name (generic-instance/c gen:shape [area (-> shape? integer?)]))
(contract-name (shape/c))
(list (contract? full) (chaperone-contract? full) (flat-contract? full))
(define/contract good (shape/c [area (-> shape? number?)]) (circle 1))
(area good)
(circle-r (scale good 3))
(define/contract bad (shape/c [area (-> shape? string?)]) (circle 1))
(try (lambda () (area bad)))
(define/contract takes-int (shape/c [scale (-> shape? integer? shape?)]) (circle 1))
(try (lambda () (scale takes-int 1.5)))
(try (lambda () (contract (shape/c) 5 'pos 'neg)))
(contract-name (shape/c [area 5]))
(try (lambda () (shape/c [area (vector 1)])))

;; Structure type properties that give methods.
(define prop:unit-shape
  (make-generic-struct-type-property gen:shape
    (define (area s) 1)
    (define (scale s k) s)))
(struct unit () #:property prop:unit-shape #t)
(list (area (unit)) (shape? (unit)))
(define-values (prop:callable-shape callable-shape? callable-shape-ref)
  (make-struct-type-property/generic 'callable-shape #f '() #f
    #:property prop:procedure (lambda (self x) (list 'called x))
    #:methods gen:shape [(define (area s) (callable-shape-ref s)) (define (scale s k) s)]))
(struct cs () #:property prop:callable-shape 99)
(list ((cs) 5) (area (cs)) (callable-shape? (cs)) (shape? (cs)))

;; #:derive-property gives each instance another property from its methods.
(define-generics printable
  (show printable)
  #:derive-property prop:custom-write
  (lambda (v port mode) (write-string (show v) port)))
(struct pt (x y) #:methods gen:printable [(define (show p) (format "<~a,~a>" (pt-x p) (pt-y p)))])
(pt 1 2)
(list (pt 3 4))
