#lang racket/base
;; Structure type properties: guards in struct forms, prop:authentic,
;; prop:sealed, prop:object-name, prop:checked-procedure, prop:arity-string,
;; and the failure argument of the built-in property accessors.

(define (show thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

;; A property guard runs for #:property in a struct form too; its result is the value.
(define-values (p p? p-ref) (make-struct-type-property 'p (lambda (v info) (list v (length info) (cadr info)))))
(struct s (a b) #:property p 5)
(show (lambda () (p-ref (s 1 2))))
(show (lambda () (p-ref struct:s)))
(define-values (q q? q-ref) (make-struct-type-property 'q (lambda (v info) (raise-argument-error 'q-guard "small?" v))))
(show (lambda () (struct t (a) #:property q 5) 'made))
(define-values (r r? r-ref) (make-struct-type-property 'r #f (list (cons p (lambda (v) (* v 2))))))
(struct u (a) #:property r 10)
(show (lambda () (list (r-ref (u 1)) (p-ref (u 1)))))
(show (lambda () (make-struct-type 'x #f 0 0 #f (list (cons q 1)))))
(show (lambda () (make-struct-type 'x #f 0 0 #f (list (cons r 1) (cons r 2)))))
(show (lambda () (struct dup (a) #:property r 1 #:property r 2) 'made))
(show (lambda () (p-ref 5 'none)))
(show (lambda () (p-ref 5 (lambda () 'called))))
(show (lambda () (p-ref 5)))

;; prop:authentic
(struct auth (a) #:authentic)
(show (lambda () (struct-type-authentic? struct:auth)))
(show (lambda () (struct-type-authentic? struct:s)))
(show (lambda () (chaperone-struct (auth 1) auth-a (lambda (s v) v))))
(show (lambda () (impersonate-struct (auth 1) struct:auth)))
(define-values (a1 a2 a3 a4 a5) (make-struct-type 'ax #f 1 0 #f (list (cons prop:authentic #f))))
(show (lambda () (struct-type-authentic? a1)))
(show (lambda () (make-struct-type 'ay a1 0 0 #f)))
(show (lambda () (call-with-values (lambda () (make-struct-type 'ay a1 0 0 #f (list (cons prop:authentic #t)))) (lambda (t . _) t))))
(show (lambda () (make-struct-type 'az struct:s 0 0 #f (list (cons prop:authentic #t)))))
(show (lambda () (struct sub-auth auth (b) #:authentic) (sub-auth 1 2)))
(show (lambda () (struct-type-authentic? 1)))
prop:authentic

;; prop:sealed
(struct sealed (a) #:sealed)
(show (lambda () (struct-type-sealed? struct:sealed)))
(show (lambda () (struct-type-sealed? struct:s)))
(show (lambda () (struct sub sealed (b)) 'made))
(show (lambda () (make-struct-type 'x struct:sealed 0 0)))
(define-values (c1 c2 c3 c4 c5) (make-struct-type 'xc #f 1 0 #f (list (cons prop:sealed #f))))
(show (lambda () (struct-type-sealed? c1)))
(show (lambda () (make-struct-type 'y c1 0 0 #f)))
(show (lambda () (struct-type-sealed? 'x)))
prop:sealed

;; prop:object-name
(struct plain (a))
(show (lambda () (object-name (plain 1))))
(struct named (a) #:property prop:object-name 0)
(show (lambda () (object-name (named 'foo))))
(show (lambda () (named 'foo)))
(struct named2 (a) #:property prop:object-name (lambda (x) (list 'n (named2-a x))))
(show (lambda () (object-name (named2 'foo))))
(struct named3 (a b) #:property prop:object-name 1)
(struct sub-named named3 (c))
(show (lambda () (object-name (sub-named 'q 'r 's))))
(show (lambda () (struct n3 (a) #:property prop:object-name 'x) 1))
(show (lambda () (struct n3 (a) #:property prop:object-name 4) 1))
(show (lambda () (struct n3 (a) #:mutable #:property prop:object-name 0) 1))
(define (two-args a b) a)
(show (lambda () (struct n3 (a) #:property prop:object-name two-args) 1))
(show (lambda () (make-struct-type 'x #f 0 0 #f (list (cons prop:object-name 0)))))
prop:object-name

;; Procedure structs print with their object names.
(struct pp (a) #:property prop:procedure 0)
(show (lambda () (pp car)))
(show (lambda () (object-name (pp car))))
(struct pt (a) #:transparent #:property prop:procedure 0)
(show (lambda () (pt car)))
(struct pn (a) #:property prop:procedure 0 #:property prop:object-name 0)
(show (lambda () (pn 'hello)))
(show (lambda () (pn "str")))
(show (lambda () (pn car)))
(struct pp2 (a) #:property prop:procedure (lambda (self x) x))
(show (lambda () (pp2 1)))
(show (lambda () (object-name (pp2 1))))
(display (pp car))
(newline)
(write (pn 'x))
(newline)
(show (lambda () (list (pp car))))

;; prop:checked-procedure
(define-values (cp1 cp2 cp3 cp4 cp5) (make-struct-type 'cp #f 2 0 #f (list (cons prop:checked-procedure #t))))
(define c (cp2 (lambda (a b) (eq? a b)) 'val))
(define (on-fail v a b) (list 'fail (cp3 v) a b))
(show (lambda () (checked-procedure-check-and-extract cp1 c on-fail 1 1)))
(show (lambda () (checked-procedure-check-and-extract cp1 c on-fail 1 2)))
(show (lambda () (checked-procedure-check-and-extract cp1 5 (lambda (v a b) (list 'fail v a b)) 1 2)))
(show (lambda () (checked-procedure-check-and-extract 5 5 (lambda (v a b) 1) 1 2)))
(show (lambda () (checked-procedure-check-and-extract cp1 5 5 1 2)))
(show (lambda () (make-struct-type 'cq #f 1 0 #f (list (cons prop:checked-procedure #t)))))
(show (lambda () (struct cq (a b) #:property prop:checked-procedure #t) 'made))
(define-values (b1 b2 b3 b4 b5) (make-struct-type 'bb #f 2 0 #f))
(show (lambda () (checked-procedure-check-and-extract b1 (b2 1 2) (lambda (v a b) 'no-property) 1 2)))
(define cv (cp2 (lambda (a b) (values 1 2)) 'val))
(show (lambda () (checked-procedure-check-and-extract cp1 cv on-fail 1 2)))
(show (lambda () (checked-procedure-check-and-extract cp1 (cp2 5 'val) on-fail 1 2)))
(show (lambda () (call-with-values (lambda () (make-struct-type 'cs cp1 0 0 #f)) (lambda (t . _) t))))
prop:checked-procedure

;; prop:arity-string
(define (one x) x)
(struct as (f) #:property prop:procedure 0 #:property prop:arity-string (lambda (self) "an arity"))
(show (lambda () ((as one))))
(show (lambda () ((as one) 5)))
(show (lambda () (struct as2 (f) #:property prop:procedure 0 #:property prop:arity-string 5) 1))
(show (lambda () (struct as3 (f) #:property prop:arity-string two-args) 1))
(struct as4 (f) #:property prop:procedure 0 #:property prop:arity-string (lambda (self) 5))
(show (lambda () ((as4 one) 1 2)))
prop:arity-string

;; The built-in property accessors take a failure result.
(show (lambda () (custom-write-accessor 5 'x)))
(show (lambda () (custom-write-accessor 5 (lambda () 'called))))
(show (lambda () (custom-print-quotable-accessor 5 'y)))
(show (lambda () (custom-print-quotable-accessor 5)))
(show (lambda () (custom-write-accessor 5)))
(show (lambda () (object-name (procedure-reduce-keyword-arity (lambda (#:a a x) x) 1 '(#:a) '(#:a) 'my-name 'racket))))
(show (lambda () (object-name (procedure-reduce-keyword-arity-mask (lambda (#:a a x) x) 2 '(#:a) '(#:a) 'hname 'racket))))
