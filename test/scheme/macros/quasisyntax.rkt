#lang racket/base
;; quasisyntax with unsyntax and unsyntax-splicing, nested, plus syntax/loc.
(require (for-syntax racket/base))

(define-syntax (sum-at-compile-time stx)
  (syntax-case stx ()
    [(_ n ...)
     #`(quote #,(apply + (map syntax-e (syntax->list #'(n ...)))))]))
(displayln (sum-at-compile-time 1 2 3 4))

(define-syntax (rev-call stx)
  (syntax-case stx ()
    [(_ f arg ...)
     #`(f #,@(reverse (syntax->list #'(arg ...))))]))
(displayln (rev-call list 1 2 3))
(displayln (rev-call - 1 10))

(define-syntax (unroll stx)
  (syntax-case stx ()
    [(_ n body)
     #`(begin #,@(for/list ([i (in-range (syntax-e #'n))])
                   #`(let ([i #,i]) (body i))))]))
(unroll 3 (lambda (i) (printf "iteration ~a\n" i)))

(define-syntax (make-case-table stx)
  (syntax-case stx ()
    [(_ key ...)
     (let ([keys (syntax->datum #'(key ...))])
       #`(lambda (k)
           (case k
             #,@(for/list ([k keys] [i (in-naturals)])
                  #`[(#,k) '(#,i . #,(symbol->string k))])
             [else #f])))]))
(define lookup (make-case-table alpha beta gamma))
(write (map lookup '(alpha beta gamma delta)))
(newline)

;; mixing #, inside nested structure and vectors
(define-syntax (shapes stx)
  #`(list #(1 #,(+ 1 1) 3) '(a . #,(* 2 3)) '#,(list 'x 'y) '(p #,@(list 1 2) q)))
(write (shapes))
(newline)

;; syntax/loc and quasisyntax/loc carry the source location
(define-syntax (here stx)
  (syntax-case stx ()
    [(_ e) (quasisyntax/loc #'e (list #,(syntax-line #'e) 'e))]))
(write (here (+ 1 2)))
(newline)
(define-syntax (loc-of stx)
  (syntax-case stx ()
    [(_ e) (let ([s (syntax/loc #'e (void))])
             #`'(#,(syntax-line s) #,(syntax-column s) #,(syntax-span s)))]))
(write (loc-of
        (some form here)))
(newline)

;; nested quasisyntax: inner unsyntax stays for the inner level
(define-syntax (nest stx)
  #`(quote #`(a #,(b #,(+ 1 2)))))
(write (nest))
(newline)
