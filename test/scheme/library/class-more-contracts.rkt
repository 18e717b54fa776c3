#lang racket
;; object-contract, ->dm, mixin-contract, make-mixin-contract
(define (show thunk) (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))
(define c% (class object% (super-new) (define/public (m x) x) (define/public (n) 'n) (field [f 1])))
(define/contract o (object-contract (m (-> integer? integer?)) (field f integer?) (n (->* () () symbol?))) (new c%))
(send o m 3)
(get-field f o)
(send o n)
(show (lambda () (send o m 'a)))
(show (lambda () (contract (object-contract (zz (-> integer?))) (new c%) 'pos 'neg)))
(object-contract (m (-> integer? integer?)) (field f integer?))
mixin-contract
(define mx (contract mixin-contract (lambda (c) (class c (super-new))) 'pos 'neg))
(class? (mx object%))
(show (lambda () (mx 3)))
(define i<%> (interface () m))
(define mc (make-mixin-contract i<%>))
mc
(define mx2 (contract mc (lambda (c) (class c (super-new))) 'pos 'neg))
(show (lambda () (mx2 object%)))
(class? (mx2 (class* object% (i<%>) (super-new) (define/public (m) 1))))
(show (lambda () (make-mixin-contract 5)))
(define bad-mx (contract mixin-contract (lambda (c) object%) 'pos 'neg))
(show (lambda () (bad-mx (class object% (super-new)))))
(and/c integer?)
;; ->dm: the contracts see the arguments and `this`
(define ->dmc (->dm ([x number?] [y (>=/c x)]) () [r (>=/c (+ x y (get-field k this)))]))
(define e% (class object% (super-new) (field [k 1]) (define/public (inc x y) (+ x y 1)) (define/public (dec x y) (- x 1))))
(define/contract e2% (class/c [inc ->dmc] [dec ->dmc]) e%)
->dmc
(send (new e2%) inc 3 4)
(show (lambda () (send (new e2%) dec 3 4)))
(show (lambda () (send (new e2%) inc 3 2)))
(show (lambda () (send (new e2%) inc 'a 2)))
(->dm () () any)
(->dm ([x number?]) ([y number?]) #:rest r (listof number?) any)
(->dm ([x number?]) () (values [a number?] [b number?]))
(->dm ([x number?]) () #:pre-cond (> x 0) [r number?] #:post-cond (> r 0))
(->dm ([a any/c] [b any/c] [c any/c] [d any/c] [e any/c]) () [_ any/c])
(define g% (class object% (super-new) (define/public (opt x [y 10] . zs) (list x y zs))))
(define/contract g2% (class/c [opt (->dm ([x number?]) ([y number?]) #:rest zs (listof symbol?) any)]) g%)
(send (new g2%) opt 1)
(send (new g2%) opt 1 2 'a 'b)
(show (lambda () (send (new g2%) opt 1 2 3)))


;; class/derived and define-serializable-class
(define d% (class/derived #'orig (dd% object% () #f) (super-new) (define/public (z) 2)))
d%
(send (new d%) z)
(define-serializable-class s% object% (super-new) (init-field [a 1]))
s%
(get-field a (new s% [a 5]))
(define-serializable-class* s2% s% ((interface () q)) (super-new) (define/public (q) 'q))
(send (new s2%) q)
(is-a? (new s2%) s%)
;; and/c of one contract stays an and/c; cases report as Racket's do
(and/c (-> integer? any))
(define/contract af (and/c (-> integer? any)) (lambda (x) x))
(show (lambda () (af 'a)))
(define/contract ag (and/c procedure? (-> integer? any)) (lambda (x) x))
(show (lambda () (ag 'a)))
(show (lambda () (contract (and/c integer? (and/c (>=/c 5))) 3 'pos 'neg)))
