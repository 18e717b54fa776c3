#lang racket/base
;; Procedures on procedures: compose and compose1, time-apply, and
;; racket/function's identity, const and negate.

(provide compose compose1 time-apply
         (rename-out [identity racket/function:identity]
                     [const racket/function:const]
                     [negate racket/function:negate]))

;; The result of compose takes what the last procedure takes (one argument
;; when that procedure takes one).
(define (compose-procedures who fs single?)
  (let loop ([l fs] [i 0])
    (unless (null? l)
      (unless (procedure? (car l)) (apply raise-argument-error who "procedure?" i fs))
      (loop (cdr l) (add1 i))))
  (if (null? fs)
      values
      (let* ([rfs (reverse fs)]
             [first (car rfs)]
             [rest (cdr rfs)]
             ;; applies the remaining procedures, last to first, to the results of the first call
             [finish (if single?
                         (lambda (thunk)
                           (let loop ([fs rest] [v (thunk)])
                             (if (null? fs) v (loop (cdr fs) ((car fs) v)))))
                         (lambda (thunk)
                           (let loop ([fs rest] [thunk thunk])
                             (if (null? fs)
                                 (thunk)
                                 (loop (cdr fs)
                                       (let ([f (car fs)])
                                         (lambda () (call-with-values thunk f))))))))])
        (cond [(null? rest) first]
              [(equal? (procedure-arity first) 1)
               (let ([composed (lambda (x) (finish (lambda () (first x))))]) composed)]
              [else
               (let ([composed (lambda args (finish (lambda () (apply first args))))]) composed)]))))

(define (compose . fs) (compose-procedures 'compose fs #f))

(define (compose1 . fs) (compose-procedures 'compose1 fs #t))

(define (time-apply f args)
  (let* ([cpu (current-process-milliseconds)]
         [real (current-inexact-milliseconds)]
         [gc (current-gc-milliseconds)]
         [results (call-with-values (lambda () (apply f args)) list)])
    (values results
            (- (current-process-milliseconds) cpu)
            (inexact->exact (round (- (current-inexact-milliseconds) real)))
            (- (current-gc-milliseconds) gc))))

(define (identity x) x)

(define (const v) (lambda args v))

(define (negate f) (lambda args (not (apply f args))))
