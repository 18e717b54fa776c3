#lang racket/base
;; racket/unsafe/ops on valid arguments (rkt runs each as its safe
;; counterpart; on bad ones Racket's behaviour is undefined, so the only
;; errors here are those Racket defines), and the procedures' names.
(require racket/unsafe/ops racket/fixnum racket/flonum)
(define-syntax-rule (try e)
  (with-handlers ([(lambda (x) #t) (lambda (x) (printf "~s raises: ~a\n" 'e (if (exn? x) (exn-message x) x)))])
    (printf "~s => ~s\n" 'e e)))

;; pairs, lists, mutable pairs, boxes
(try (list (unsafe-car '(1 2)) (unsafe-cdr '(1 2)) (unsafe-list-ref '(a b c) 2) (unsafe-list-tail '(a b c) 1) (unsafe-cons-list 1 '(2))))
(try (let ([p (cons 1 2)]) (unsafe-set-immutable-car! p 'a) (unsafe-set-immutable-cdr! p 'b) p))
(try (let ([p (list 1 2)]) (unsafe-set-immutable-cdr! p 5) (list p (list? p) (pair? p))))
(try (let ([p (list 1)]) (unsafe-set-immutable-cdr! p '(2 3)) (list p (list? p) (length p))))
(try (let ([m (mcons 1 2)]) (unsafe-set-mcar! m 'x) (unsafe-set-mcdr! m 'y) (list (unsafe-mcar m) (unsafe-mcdr m))))
(try (let ([b (box 1)]) (unsafe-set-box! b 2) (list (unsafe-unbox b) (unsafe-unbox* b) (begin (unsafe-set-box*! b 3) (unbox b)))))
(try (let ([b (box 1)]) (list (unsafe-box*-cas! b 1 2) (unsafe-box*-cas! b 1 3) (unbox b))))

;; vectors, strings, byte strings
(try (let ([v (vector 1 2 3)]) (unsafe-vector-set! v 0 'a) (unsafe-vector*-set! v 1 'b) (list v (unsafe-vector-ref v 0) (unsafe-vector*-ref v 2) (unsafe-vector-length v) (unsafe-vector*-length v))))
(try (let ([v (vector 1)]) (list (unsafe-vector*-cas! v 0 1 2) (unsafe-vector*-cas! v 0 1 3) v)))
(try (let* ([v (vector 1 2)] [w (unsafe-vector*->immutable-vector! v)]) (list w (immutable? w) (equal? v w))))
(try (let ([s (string #\a #\b)]) (unsafe-string-set! s 0 #\z) (list s (unsafe-string-ref s 1) (unsafe-string-length s))))
(try (let* ([s (string #\a)] [t (unsafe-string->immutable-string! s)]) (list t (immutable? t))))
(try (let ([b (bytes 1 2 3)]) (unsafe-bytes-set! b 0 9) (list b (unsafe-bytes-ref b 1) (unsafe-bytes-length b))))
(try (let ([b (make-bytes 4 0)]) (unsafe-bytes-copy! b 1 #"ab") (unsafe-bytes-copy! b 0 #"xyz" 2) b))
(try (let* ([b (bytes 1 2)] [c (unsafe-bytes->immutable-bytes! b)]) (list c (immutable? c))))

;; characters
(try (list (unsafe-char->integer #\A) (unsafe-char=? #\a #\a) (unsafe-char<? #\a #\b #\c) (unsafe-char>? #\b #\a) (unsafe-char<=? #\a #\a) (unsafe-char>=? #\a #\b)))

;; fixnums and flonums
(try (list (unsafe-fx+ 1 2) (unsafe-fx- 5 3) (unsafe-fx* 4 5) (unsafe-fxquotient 7 2) (unsafe-fxremainder -7 2) (unsafe-fxmodulo -7 2) (unsafe-fxabs -3)))
(try (list (unsafe-fx+/wraparound (most-positive-fixnum) 1) (unsafe-fx-/wraparound (most-negative-fixnum) 1) (unsafe-fx*/wraparound (most-positive-fixnum) 3)))
(try (list (unsafe-fxand 12 10) (unsafe-fxior 12 10) (unsafe-fxxor 12 10) (unsafe-fxnot 5) (unsafe-fxlshift 1 10) (unsafe-fxrshift 1024 3) (unsafe-fxlshift/wraparound 1 60)))
(try (list (unsafe-fx= 1 1) (unsafe-fx< 1 2) (unsafe-fx> 1 2) (unsafe-fx<= 2 2) (unsafe-fx>= 1 2) (unsafe-fxmin 3 1) (unsafe-fxmax 3 1)))
(try (list (unsafe-fxpopcount 255) (unsafe-fxpopcount32 65535) (unsafe-fxpopcount16 15) (unsafe-fx->fl 3) (unsafe-fl->fx 3.7)))
(try (list (unsafe-fl+ 1.0 2.0) (unsafe-fl- 1.0 2.0) (unsafe-fl* 1.5 2.0) (unsafe-fl/ 1.0 4.0) (unsafe-flabs -2.0) (unsafe-flsqrt 9.0)))
(try (list (unsafe-fl= 1.0 1.0) (unsafe-fl< 1.0 2.0) (unsafe-fl> 1.0 2.0) (unsafe-fl<= 1.0 1.0) (unsafe-fl>= 1.0 2.0) (unsafe-flmin 1.0 2.0) (unsafe-flmax 1.0 2.0)))
(try (list (unsafe-flround 2.5) (unsafe-flfloor 2.5) (unsafe-flceiling 2.5) (unsafe-fltruncate -2.5) (unsafe-flsingle 0.1)))
(try (list (unsafe-flsin 0.0) (unsafe-flcos 0.0) (unsafe-fltan 0.0) (unsafe-flasin 0.0) (unsafe-flacos 1.0) (unsafe-flatan 0.0) (unsafe-flexp 0.0) (unsafe-fllog 1.0) (unsafe-flexpt 2.0 3.0)))
(try (list (unsafe-make-flrectangular 1.0 2.0) (unsafe-flreal-part 1.0+2.0i) (unsafe-flimag-part 1.0+2.0i)))
(try (let ([g (vector->pseudo-random-generator #(1 2 3 4 5 6))] [h (vector->pseudo-random-generator #(1 2 3 4 5 6))]) (= (unsafe-flrandom g) (flrandom h))))
(try (let ([v (flvector 1.0 2.0)]) (unsafe-flvector-set! v 0 5.0) (list v (unsafe-flvector-ref v 1) (unsafe-flvector-length v))))
(try (let ([v (fxvector 1 2)]) (unsafe-fxvector-set! v 0 5) (list v (unsafe-fxvector-ref v 1) (unsafe-fxvector-length v))))

;; extflonums: Racket CS has none, so every argument is a contract violation
(try (unsafe-extfl+ 1 2))
(try (unsafe-extflabs 1))
(try (unsafe-extflsin 1))
(try (unsafe-extflexpt 1 2))
(try (unsafe-extfl->fx 1))
(try (unsafe-fx->extfl 1))
(try (unsafe-extflvector-length 1))
(try (unsafe-extflvector-ref 1 0))

;; structs by position
(struct pt (x y) #:mutable)
(struct pt3 pt ([z #:mutable]))
(define p (pt3 1 2 3))
(try (list (unsafe-struct-ref p 0) (unsafe-struct-ref p 1) (unsafe-struct*-ref p 2)))
(try (begin (unsafe-struct-set! p 0 'a) (unsafe-struct*-set! p 2 'c) (list (pt-x p) (pt3-z p))))
(try (list (unsafe-struct*-cas! p 1 2 'b) (unsafe-struct*-cas! p 1 2 'bb) (pt-y p)))
(define cp (chaperone-struct p pt-x (lambda (s v) (list 'seen v))))
(try (list (unsafe-struct-ref cp 0) (unsafe-struct*-ref cp 0) (pt-x cp)))

;; hash iteration (positions are opaque; only what they give is shown)
(define (walk h first next key value pair)
  (let loop ([i (first h)] [acc '()])
    (if i (loop (next h i) (cons (list (key h i) (value h i) (pair h i)) acc)) (sort (map car acc) symbol<?))))
(try (walk (hash 'a 1 'b 2) unsafe-immutable-hash-iterate-first unsafe-immutable-hash-iterate-next unsafe-immutable-hash-iterate-key unsafe-immutable-hash-iterate-value unsafe-immutable-hash-iterate-pair))
(try (walk (make-hash '((a . 1) (b . 2))) unsafe-mutable-hash-iterate-first unsafe-mutable-hash-iterate-next unsafe-mutable-hash-iterate-key unsafe-mutable-hash-iterate-value unsafe-mutable-hash-iterate-pair))
(try (walk (make-weak-hash '((a . 1))) unsafe-weak-hash-iterate-first unsafe-weak-hash-iterate-next unsafe-weak-hash-iterate-key unsafe-weak-hash-iterate-value unsafe-weak-hash-iterate-pair))
(try (walk (make-ephemeron-hash '((a . 1))) unsafe-ephemeron-hash-iterate-first unsafe-ephemeron-hash-iterate-next unsafe-ephemeron-hash-iterate-key unsafe-ephemeron-hash-iterate-value unsafe-ephemeron-hash-iterate-pair))
(try (let ([h (hash 'a 1)]) (call-with-values (lambda () (unsafe-immutable-hash-iterate-key+value h (unsafe-immutable-hash-iterate-first h))) list)))
(try (unsafe-immutable-hash-iterate-first (hash)))
(try (unsafe-mutable-hash-iterate-first (make-hash)))

;; replacing impersonators
(try (let ([f (unsafe-impersonate-procedure car (lambda (x) 'replaced))]) (list (f (cons 1 2)) (impersonator-of? f car) (object-name f) (procedure-arity f))))
(try (let ([f (unsafe-chaperone-procedure car (lambda (x) 'replaced))]) (list (f (cons 1 2)) (chaperone-of? f car) (chaperone? f))))
(try (let* ([v (vector 1 2)] [r (vector 'a 'b)] [w (unsafe-impersonate-vector v r)]) (vector-set! w 0 'z) (list (vector-ref w 0) (vector-ref w 1) v r (impersonator? w) (vector-length w))))
(try (let* ([v (vector 1 2)] [r (vector 'a 'b)] [w (unsafe-chaperone-vector v r)]) (list (vector-ref w 0) (chaperone-of? w v) (chaperone? w))))
(try (unsafe-impersonate-procedure 5 car))

;; stencil vectors, srclocs, the rest
(try (let ([s (unsafe-stencil-vector 5 'a 'b)]) (unsafe-stencil-vector-set! s 1 'c) (list s (unsafe-stencil-vector-ref s 0) (unsafe-stencil-vector-length s) (unsafe-stencil-vector-mask s) (unsafe-stencil-vector-update s 1 2 'x))))
(try (unsafe-make-srcloc 'a 1 2 3 4))
(try ((unsafe-make-signal-received)))

;; Racket CS binds some unsafe names to the safe procedures themselves
(try (map object-name (list unsafe-car unsafe-fx+ unsafe-fl+ unsafe-vector*-ref unsafe-list-ref unsafe-char->integer unsafe-string-ref unsafe-fxpopcount unsafe-stencil-vector)))
(try (map object-name (list unsafe-vector-ref unsafe-unbox unsafe-mcar unsafe-struct-ref unsafe-immutable-hash-iterate-first unsafe-mutable-hash-iterate-first unsafe-extfl+ unsafe-extflsin unsafe-flrandom)))
(try (map object-name (list unsafe-bytes-ref unsafe-fx->fl unsafe-fl->fx unsafe-fxlshift unsafe-fxrshift unsafe-fxlshift/wraparound unsafe-unbox* unsafe-set-box*! unsafe-assert-unreachable)))
(try (list (eq? unsafe-car car) (eq? unsafe-fx+ fx+) (eq? unsafe-vector*-ref vector-ref) (eq? unsafe-vector-ref vector-ref)))
(try (list (eq? unsafe-set-box*! set-box!) (eq? unsafe-unbox* unbox) (eq? unsafe-vector*-length vector-length) (eq? unsafe-box*-cas! box-cas!) (eq? unsafe-weak-hash-iterate-key hash-iterate-key)))
(try (unsafe-impersonate-procedure car 5))
