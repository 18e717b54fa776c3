#lang racket/base
;; racket/contract's random generation: contract-random-generate,
;; contract-exercise and the protocol generators follow. A contract's
;; generator is (lambda (fuel) thunk-or-#f); the thunk makes a value that
;; satisfies the contract, or returns contract-random-generate-fail.
;; Combinators register generators of their parts on their records
;; (%set-contract-generator!); predicates of racket/base have their own.

(provide (rename-out [contract-random-generate racket/contract:contract-random-generate]
                     [contract-random-generate/choose racket/contract:contract-random-generate/choose]
                     [contract-random-generate-stash racket/contract:contract-random-generate-stash]
                     [contract-random-generate-get-current-environment
                      racket/contract:contract-random-generate-get-current-environment]
                     [contract-exercise racket/contract:contract-exercise]
                     [contract-struct-generate racket/contract:contract-struct-generate]
                     [generator-of-parts #%rkt-internal:contract-generator-of-parts]))

(define (coin) (zero? (random 2)))

(define (random-integer) (- (random 2001) 1000))
(define (random-natural) (random 1001))
(define (random-real)
  (case (random 3)
    [(0) (random-integer)]
    [(1) (/ (random-integer) (add1 (random 20)))]
    [else (* (- (random) 0.5) 2000.0)]))
(define (random-char) (if (coin) (integer->char (+ 97 (random 26))) (integer->char (+ 32 (random 95)))))
(define (random-string) (build-string (random 6) (lambda (i) (random-char))))

;; Generators of racket/base's predicates.
(define (predicate-generator p)
  (cond
    [(memq p (list integer? exact-integer?)) random-integer]
    [(or (eq? p exact-nonnegative-integer?) (eq? (object-name p) 'natural?)) random-natural]
    [(eq? p exact-positive-integer?) (lambda () (add1 (random-natural)))]
    [(memq p (list real? number? rational?)) random-real]
    [(memq p (list flonum? inexact-real? double-flonum? single-flonum?)) (lambda () (exact->inexact (random-real)))]
    [(eq? p positive?) (lambda () (add1 (random-natural)))]
    [(eq? p negative?) (lambda () (- -1 (random-natural)))]
    [(eq? p zero?) (lambda () 0)]
    [(eq? p even?) (lambda () (* 2 (random-integer)))]
    [(eq? p odd?) (lambda () (add1 (* 2 (random-integer))))]
    [(eq? p boolean?) coin]
    [(eq? p char?) random-char]
    [(eq? p string?) random-string]
    [(eq? p symbol?) (lambda () (string->symbol (random-string)))]
    [(eq? p keyword?) (lambda () (string->keyword (string-append "k" (random-string))))]
    [(eq? p null?) (lambda () '())]
    [else #f]))

(define (random-any)
  ((list-ref (list random-integer random-real coin random-char random-string (lambda () '())) (random 6))))

;; The generator of contract `c`: registered by its combinator, from its data, or from its predicate.
(define (contract-struct-generate c)
  (let ([c (%c:coerce-contract 'contract-struct-generate c)])
    (or (%contract-generator c)
        (let ([d (%contract-record-data c)]
              [pred (%contract-record-first-order c)])
          (cond
            [(and (pair? d) (memq (car d) '(eq equal))) (let ([v (cadr d)]) (lambda (fuel) (lambda () v)))]
            [(and (pair? d) (eq? (car d) 'or)) (generator-of-parts 'or (cdr d))]
            [(and (pair? d) (eq? (car d) 'recursive)) (lambda (fuel) (and (> fuel 0) ((contract-struct-generate ((cadr d) c)) (sub1 fuel))))]
            [(and (pair? d) (eq? (car d) 'arrow)) (arrow-generator (cadr d) (cadddr d))]
            [(eq? pred (%contract-record-first-order %c:any/c)) (lambda (fuel) random-any)]
            [(predicate-generator pred) => (lambda (g) (lambda (fuel) g))]
            [else (lambda (fuel) #f)])))))

;; A procedure of the arity that returns generated results (#f: `any`, which returns no value in particular).
(define (arrow-generator arity rngs)
  (lambda (fuel)
    (let ([gens (if rngs (map (lambda (r) (contract-random-generate/choose r fuel)) rngs) '())])
      (and (andmap values gens)
           (lambda ()
             (procedure-reduce-arity
              (lambda args (if rngs (apply values (map (lambda (g) (g)) gens)) (void)))
              arity))))))

;; Generators the combinators register, by the shape of their parts.
(define (generator-of-parts shape parts . extra)
  (lambda (fuel)
    (let ([choose (lambda (c) (contract-random-generate/choose c (max 0 (sub1 fuel))))])
      (case shape
        [(or) (let ([gens (filter values (map choose parts))])
                (and (pair? gens) (lambda () ((list-ref gens (random (length gens)))))))]
        [(and) (let ([g (and (pair? parts) (choose (car parts)))])
                 (and g (lambda ()
                          (let loop ([tries 10])
                            (let ([v (g)])
                              (cond
                                [(andmap (lambda (c) ((%contract-record-first-order (%c:coerce-contract 'and/c c)) v)) (cdr parts)) v]
                                [(zero? tries) %generate-fail]
                                [else (loop (sub1 tries))]))))))]
        [(listof non-empty-listof)
         (let ([g (choose (car parts))])
           (cond
             [g (lambda () (build-list (+ (if (eq? shape 'listof) 0 1) (random (add1 fuel))) (lambda (i) (g))))]
             [(eq? shape 'listof) (lambda () '())]
             [else #f]))]
        [(cons list)
         (let ([gens (map choose parts)])
           (and (andmap values gens)
                (lambda ()
                  (let ([vs (map (lambda (g) (g)) gens)])
                    (if (eq? shape 'cons) (cons (car vs) (cadr vs)) vs)))))]
        [(box) (let ([g (choose (car parts))]) (and g (lambda () (box (g)))))]
        [(real-range) (let ([lo (car parts)] [hi (cadr parts)])
                        (lambda () (if (= lo hi) lo (+ lo (* (random) (- hi lo))))))]
        [(integer-range) (let ([lo (or (car parts) (- (random-natural)))] [hi (or (cadr parts) (random-natural))])
                           (and (<= lo hi) (lambda () (+ lo (random (add1 (- hi lo)))))))]
        [(compare) (let ([n (car parts)])
                     (case (cadr parts)
                       [(=) (lambda () n)]
                       [(< ) (lambda () (- n 1 (random-natural)))]
                       [(> ) (lambda () (+ n 1 (random-natural)))]
                       [(<=) (lambda () (- n (random-natural)))]
                       [else (lambda () (+ n (random-natural)))]))]
        [(one-of) (lambda () (list-ref parts (random (length parts))))]
        [(chars) (let ([lo (char->integer (car parts))] [hi (char->integer (cadr parts))])
                   (lambda () (integer->char (+ lo (random (add1 (- hi lo)))))))]
        [(custom) ((car parts) fuel)]
        [else #f]))))

(define (current-env)
  (let ([env (%contract-generate-env)])
    (unless env (error 'get-current-contract-generation-environment "expected to be called only during generation"))
    env))

(define (contract-random-generate-get-current-environment) (current-env))

(define (contract-random-generate-stash env c v)
  (unless (%contract-random-generate-env? env)
    (raise-argument-error 'contract-random-generate-stash "contract-random-generate-env?" 0 env c v))
  (unless (%contract-record? c)
    (raise-argument-error 'contract-random-generate-stash "contract?" 1 env c v))
  (let ([h (%contract-random-generate-env-hash env)])
    (hash-set! h c (cons v (hash-ref h c '())))))

;; A thunk making a value for `c` (from its generator, or from values stashed for it), or #f.
(define (contract-random-generate/choose c fuel)
  (let* ([c (%c:coerce-contract 'contract-random-generate/choose c)]
         [env (%contract-generate-env)])
    (unless env (error 'contract-random-generate/choose "expected to be called only during generation"))
    (let ([direct ((contract-struct-generate c) fuel)]
          [stashed (hash-ref (%contract-random-generate-env-hash env) c '())])
      (cond
        [direct (lambda ()
                  (let ([v (direct)])
                    (if (and (%generate-fail? v) (pair? stashed))
                        (list-ref stashed (random (length stashed)))
                        v)))]
        [(pair? stashed) (lambda () (list-ref stashed (random (length stashed))))]
        [else #f]))))

(define (contract-random-generate c [fuel 5] [fail #f])
  (let ([c (%c:coerce-contract 'contract-random-generate c)])
    (unless (exact-nonnegative-integer? fuel)
      (raise-argument-error 'contract-random-generate "exact-nonnegative-integer?" fuel))
    (unless (or (not fail) (and (procedure? fail) (or (procedure-arity-includes? fail 0) (procedure-arity-includes? fail 1))))
      (raise-argument-error 'contract-random-generate "(or/c #f (-> any) (-> boolean? any))" 3 c fuel fail))
    (let* ([on-fail (cond [(not fail) #f]
                          [(procedure-arity-includes? fail 1) fail]
                          [else (lambda (no-generator?) (fail))])]
           [thunk (parameterize ([%contract-generate-env (%make-contract-random-generate-env (make-hash))])
                    (contract-random-generate/choose c fuel))])
      (cond
        [thunk
         (let ([v (parameterize ([%contract-generate-env (%make-contract-random-generate-env (make-hash))]) (thunk))])
           (cond
             [(not (%generate-fail? v)) v]
             [on-fail (on-fail #f)]
             [else (error 'contract-random-generate "unable generate a value satisfying: ~e" c)]))]
        [on-fail (on-fail #t)]
        [else (error 'contract-random-generate "unable to construct any generator for contract: ~e" c)]))))

;; Calls each value with a function contract `fuel` times on generated arguments, so that the
;; contract checks the results.
(define (contract-exercise #:fuel [fuel 10] #:shuffle? [shuffle? #f] v1 . vs)
  (let ([vals (filter %value-contract (cons v1 vs))])
    (parameterize ([%contract-generate-env (%make-contract-random-generate-env (make-hash))])
      (for ([i (in-range fuel)])
        (for ([v (in-list vals)])
          (let ([d (%contract-record-data (%value-contract v))])
            (when (and (pair? d) (eq? (car d) 'arrow))
              (let ([gens (map (lambda (c) (contract-random-generate/choose c fuel))
                               (let ([ar (cadr d)] [doms (caddr d)])
                                 (if (number? ar) (take-n doms ar) (take-n doms (if (arity-at-least? ar) (arity-at-least-value ar) (car ar))))))])
                (when (andmap values gens)
                  (apply v (map (lambda (g) (g)) gens)))))))))))

(define (take-n l n) (if (or (zero? n) (null? l)) '() (cons (car l) (take-n (cdr l) (sub1 n)))))
