#lang racket/base
;; let-syntax, letrec-syntax, letrec-syntaxes+values and internal define-syntax.
(require (for-syntax racket/base))

(define (f x)
  (let-syntax ([double (lambda (stx)
                         (syntax-case stx ()
                           [(_ e) #'(* 2 e)]))])
    (double (+ x 1))))
(displayln (f 4))

(letrec-syntax ([my-and (lambda (stx)
                          (syntax-case stx ()
                            [(_) #'#t]
                            [(_ e) #'e]
                            [(_ e r ...) #'(if e (my-and r ...) #f)]))])
  (displayln (list (my-and) (my-and 1 2 3) (my-and 1 #f 3))))

;; let-syntax bindings are not visible on their own right-hand sides
(define-syntax (outer stx) #''outer-version)
(let-syntax ([outer (lambda (stx) #''inner-version)]
             [peek (lambda (stx) #'(outer))])
  (write (list (outer) (peek)))
  (newline))
(letrec-syntax ([outer (lambda (stx) #''inner-version)]
                [peek (lambda (stx) #'(outer))])
  (write (list (outer) (peek)))
  (newline))

(letrec-syntaxes+values
    ([(inc) (lambda (stx) (syntax-case stx () [(_ e) #'(+ e 1)]))]
     [(dec neg) (values (lambda (stx) (syntax-case stx () [(_ e) #'(- e 1)]))
                        (lambda (stx) (syntax-case stx () [(_ e) #'(- e)])))])
    ([(a) 10]
     [(b c) (values (inc 20) (dec 30))]
     [(evn?) (lambda (n) (if (zero? n) #t (od? (sub1 n))))]
     [(od?) (lambda (n) (if (zero? n) #f (evn? (sub1 n))))])
  (write (list a b c (neg a) (evn? 10) (od? 7)))
  (newline))

;; internal define-syntax in a function body, with a closure over a local
(define (make-acc start)
  (define total start)
  (define-syntax add!
    (syntax-rules () [(_ n) (set! total (+ total n))]))
  (lambda (n) (add! n) total))
(define acc (make-acc 100))
(acc 5)
(displayln (acc 10))

;; syntax-local-context and syntax-local-name
(define-syntax (ctx stx)
  (let ([c (syntax-local-context)])
    #`'#,(if (list? c) (list 'internal-definition (length c)) c)))
(define-syntax (who stx) #`'#,(syntax-local-name))
(define at-top (ctx))
(write (list at-top (let () (ctx)) (list (ctx))))
(newline)
(define named (who))
(write named)
(newline)
(ctx)
(let ([v (let () (define-values (nm) (who)) nm)]) (displayln v))
