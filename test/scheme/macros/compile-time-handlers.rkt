#lang racket/base
;; Exception handlers installed by transformer code catch what the code
;; they protect raises, primitives' errors included.
(require (for-syntax racket/base))

(define-syntax (safe-car stx)
  (syntax-case stx ()
    [(_ v) (let ([r (with-handlers ([exn:fail:contract? (lambda (e) (string-append "caught: " (exn-message e)))])
                      (car (syntax-e #'v)))])
             #`'#,r)]))
(safe-car 5)
(safe-car (1 2))

(define-syntax (checked stx)
  (syntax-case stx ()
    [(_ e) (with-handlers ([exn:fail:syntax? (lambda (e) #`'(syntax-error #,(exn-message e)))])
             (local-expand #'e 'expression '()))]))
(checked (if 1 2))
(checked (+ 1 2))

(define-syntax (raised-value stx)
  (with-handlers ([symbol? (lambda (s) #`'(raised #,s))])
    (raise 'oops)))
(raised-value)

(define-syntax (cleanup-order stx)
  (define log '())
  (with-handlers ([exn:fail? void])
    (dynamic-wind
     (lambda () (set! log (cons 'in log)))
     (lambda () (error 'inner "failed"))
     (lambda () (set! log (cons 'out log)))))
  #`'#,(reverse log))
(cleanup-order)
