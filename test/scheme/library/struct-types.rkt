#lang racket/base
;; Structure types made by procedure: make-struct-type (auto fields,
;; properties, inspectors, prop:procedure, immutable fields, guards),
;; field accessors and mutators, properties with guards and supers,
;; struct #:guard, inspectors, and the errors.
(define-values (struct:pt make-pt pt? pt-ref pt-set!) (make-struct-type 'pt #f 2 1 'auto))
struct:pt
(define p (make-pt 1 2))
p
(list (pt? p) (pt-ref p 0) (pt-ref p 1) (pt-ref p 2))
(pt-set! p 0 10)
(pt-ref p 0)
(define pt-x (make-struct-field-accessor pt-ref 0 'x))
(define set-pt-x! (make-struct-field-mutator pt-set! 0 'x))
pt-x
(set-pt-x! p 99)
(pt-x p)
(with-handlers ([exn:fail? exn-message]) (pt-x 5))
(with-handlers ([exn:fail? exn-message]) (pt-ref p 7))
(define-values (struct:tp make-tp tp? tp-ref tp-set!) (make-struct-type 'tp #f 1 0 #f '() #f))
(make-tp 1)
(define-values (prop:color color? color-ref) (make-struct-type-property 'color))
prop:color
(define-values (struct:c make-c c? c-ref c-set!) (make-struct-type 'c #f 1 0 #f (list (cons prop:color 'red))))
(list (color? (make-c 1)) (color-ref (make-c 1)) (color? 5))
(with-handlers ([exn:fail? exn-message]) (color-ref 5))
(define-values (prop:g g? g-ref) (make-struct-type-property 'g (lambda (v info) (list v (length info)))))
(define-values (struct:d make-d d? d-ref d-set!) (make-struct-type 'd #f 0 0 #f (list (cons prop:g 'x))))
(g-ref (make-d))
(define-values (struct:e make-e e? e-ref e-set!) (make-struct-type 'e #f 2 0 #f '() (current-inspector) #f '(0) (lambda (a b name) (values (* a 2) b))))
(define e1 (make-e 1 2))
(list (e-ref e1 0) (e-ref e1 1))
(with-handlers ([exn:fail? exn-message]) (e-set! e1 0 5))
(define-values (struct:f make-f f? f-ref f-set!) (make-struct-type 'f #f 1 0 #f '() #f (lambda (self x) (* x (f-ref self 0)))))
((make-f 3) 4)
(define-values (struct:sub make-sub sub? sub-ref sub-set!) (make-struct-type 'sub struct:pt 1 0))
(define s (make-sub 1 2 3))
(list (pt? s) (sub? s) (sub-ref s 0) (pt-ref s 0))
(struct g2 (a) #:guard (lambda (a name) (unless (number? a) (error name "not a number: ~a" a)) (* a 10)))
(g2-a (g2 4))
(with-handlers ([exn:fail? exn-message]) (g2 'x))
(define-values (prop:h h? h-ref) (make-struct-type-property 'h #f (list (cons prop:color (lambda (v) (list 'from-h v))))))
(define-values (struct:k make-k k? k-ref k-set!) (make-struct-type 'k #f 0 0 #f (list (cons prop:h 1))))
(list (h-ref (make-k)) (color-ref (make-k)))
(make-inspector)
(inspector? (current-inspector))
(struct-type? struct:pt)
(with-handlers ([exn:fail? exn-message]) (make-struct-type 'bad 5 0 0))
