#lang racket/base
;; define-sequence-syntax, :do-in and define-splicing-for-clause-syntax.
(require (for-syntax racket/base))
(define-syntax-rule (try e) (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))]) (println e)))
(define (in-digits/proc n [b 10]) (for/list ([d (in-digits n b)]) d))
(define-sequence-syntax in-digits
  (lambda () #'in-digits/proc)
  (lambda (stx)
    (syntax-case stx ()
      [[(d) (_ nat)]
       #'[(d)
          (:do-in
           ([(n) nat])
           (unless (exact-nonnegative-integer? n)
             (raise-argument-error 'in-digits "exact-nonnegative-integer?" n))
           ([i n])
           (not (zero? i))
           ([(j d) (quotient/remainder i 10)])
           #t
           #t
           [j])]]
      [[(d) (_ nat base)]
       #'[(d)
          (:do-in
           ([(n) nat] [(b) base])
           #t
           ([i n])
           (not (zero? i))
           ([(j d) (quotient/remainder i b)])
           #t
           #t
           [j])]]
      [_ #f])))
(try (for/list ([d (in-digits 1234)]) d))
(try (for/list ([d (in-digits 255 16)]) d))
(try (for/sum ([d (in-digits 999)]) d))
(try (for*/list ([x (in-list '(12 34))] [d (in-digits x)]) d))
(try (for/list ([d (in-digits 1234)] [i (in-naturals)]) (cons i d)))
(try (for/list ([d (in-digits -5)]) d))
(try (in-digits 4321))
(try (map in-digits '(12 345)))
(try (for/first ([d (in-digits 789)] #:when (even? d)) d))
(try (for/vector ([d (in-digits 5678)]) (* d d)))
(try (for/hash ([d (in-digits 123)]) (values d (* 2 d))))
(try (for/and ([d (in-digits 2468)]) (even? d)))
(try (for/fold ([acc '()]) ([d (in-digits 123)]) (cons d acc)))
(try (for/foldr ([acc '()]) ([d (in-digits 123)]) (cons d acc)))
(try (for/lists (a b) ([d (in-digits 123)]) (values d (- d))))
(try (for ([d (in-digits 12)]) (display d)))
(try (for/list ([d (in-digits 120345)] #:break (= d 0)) d))
;; the pre- and post-guards
(define-sequence-syntax in-until-zero
  (lambda () #'values)
  (lambda (stx)
    (syntax-case stx ()
      [[(x) (_ lst)]
       #'[(x) (:do-in ([(l) lst]) #t ([p l]) (pair? p) ([(x) (car p)]) (not (zero? x)) #t [(cdr p)])]])))
(try (for/list ([x (in-until-zero '(3 2 0 5))]) x))
(define-sequence-syntax in-through-zero
  (lambda () #'values)
  (lambda (stx)
    (syntax-case stx ()
      [[(x) (_ lst)]
       #'[(x) (:do-in ([(l) lst]) #t ([p l]) (pair? p) ([(x) (car p)]) #t (not (zero? x)) [(cdr p)])]])))
(try (for/list ([x (in-through-zero '(3 2 0 5))]) x))
(try (for*/list ([y '(1 2)] [x (in-through-zero '(3 0 5))]) (list y x)))
;; two ids, two loop variables
(define-sequence-syntax in-pairs
  (lambda () #'in-pairs/proc)
  (lambda (stx)
    (syntax-case stx ()
      [[(a b) (_ lst)]
       #'[(a b) (:do-in ([(l) lst]) #t ([p l] [k 0]) (pair? p) ([(a) (car p)] [(b) k]) #t #t [(cdr p) (add1 k)])]]
      [_ #f])))
(define (in-pairs/proc l) (in-indexed l))
(try (for/list ([(a b) (in-pairs '(x y z))]) (list a b)))
(try (for/list ([a (in-pairs '(x y z))]) a))
;; a transformer that answers with another clause
(define-sequence-syntax in-evens
  (lambda () #'in-evens/proc)
  (lambda (stx)
    (syntax-case stx ()
      [[(x) (_ n)] #'[(x) (in-range 0 n 2)]])))
(define (in-evens/proc n) (in-range 0 n 2))
(try (for/list ([x (in-evens 9)]) x))
(try (for/list ([x (in-evens 5)]) x))
(try (in-evens 5))
;; an expression transformer procedure
(define-sequence-syntax in-twice
  (lambda (stx) (syntax-case stx () [(_ e) #'(list e e)] [_ #'(lambda (e) (list e e))]))
  (lambda (stx) #f))
(try (for/list ([x (in-twice 'a)]) x))
(try (in-twice 1))
(try (map in-twice '(1 2)))
;; splicing clauses
(define-splicing-for-clause-syntax cross3
  (lambda (stx)
    (syntax-case stx ()
      [(_ n m) #'([n (in-range 3)] [m (in-range 3)])])))
(try (for/list (#:splice (cross3 n m)) (list n m)))
(define-splicing-for-clause-syntax odd-only
  (lambda (stx)
    (syntax-case stx ()
      [(_ x lst) #'([x lst] #:when (odd? x))])))
(try (for/list ([k '(a b)] #:splice (odd-only x '(1 2 3))) (list k x)))
(try (for*/sum (#:splice (odd-only x '(1 2 3 4 5))) x))
;; errors
(define (ev form) (with-handlers ([exn:fail? (lambda (x) (displayln (regexp-replace #rx"^[^ ]*for.rkt:[0-9:]* " (exn-message x) "")))]) (eval form)))
(define-namespace-anchor anchor)
(parameterize ([current-namespace (namespace-anchor->namespace anchor)])
  (ev '(:do-in () #t () #t () #t #t ()))
  (ev ':do-in)
  (ev '(for ([x (:do-in)]) x))
  (ev '(for/list ([x (:do-in ([(a) 1]) #t ([p 0]) (< p 2) ([(x) p]) #t #t)]) x))
  (ev '(for/list ([x (:do-in ([(a) 1]) #t ([p 0]) (< p 2) ([(x) p]) #t #t [(add1 p)])]) x))
  (ev '(for/list (#:splice (car 1)) 1))
  (ev '(for/list (#:splice 5) 1))
  (ev '(begin (define-splicing-for-clause-syntax bad (lambda (stx) #'5)) (for/list (#:splice (bad)) 1)))
  (ev '(define-sequence-syntax))
  (ev '(define-sequence-syntax x 1 2))
  (ev '(define-sequence-syntax x (lambda (a b) 1) (lambda (s) #f)))
  (ev '(define-sequence-syntax x (lambda () #'list) (lambda () #f)))
  (ev '(define-splicing-for-clause-syntax y 5)))
;; hygiene: the loop's own names do not capture the program's
(try (let ([i 100] [n 1000] [j 7]) (for/list ([d (in-digits 12)]) (+ d i n j))))
(try (let ([d 5]) (for/list ([x (in-digits 34)]) (list x d))))
;; in internal definitions and nested loops
(define (digit-sum n) (for/sum ([d (in-digits n)]) d))
(try (map digit-sum '(0 9 99 12345)))
(try (for/list ([n '(11 22)]) (for/list ([d (in-digits n)] [k (in-digits 98)]) (+ d k))))
(try (for*/fold ([s 0]) ([n (in-list '(12 34))] #:splice (odd-only d (in-digits n))) (+ s d)))
