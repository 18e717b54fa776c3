#lang racket/base
;; call-with-semaphore and its /enable-break variant.

(provide call-with-semaphore call-with-semaphore/enable-break)

;; The semaphore is posted when proc returns or escapes.
(define (with-semaphore who wait s proc try-fail args)
  (unless (semaphore? s) (raise-argument-error who "semaphore?" s))
  (unless (procedure? proc) (raise-argument-error who "procedure?" proc))
  (unless (or (not try-fail) (and (procedure? try-fail) (procedure-arity-includes? try-fail 0)))
    (raise-argument-error who "(or/c (procedure-arity-includes/c 0) #f)" try-fail))
  (if (and try-fail (not (semaphore-try-wait? s)))
      (try-fail)
      (begin
        (unless try-fail (wait s))
        (dynamic-wind void (lambda () (apply proc args)) (lambda () (semaphore-post s))))))

(define (call-with-semaphore s proc [try-fail #f] . args)
  (with-semaphore 'call-with-semaphore semaphore-wait s proc try-fail args))

(define (call-with-semaphore/enable-break s proc [try-fail #f] . args)
  (with-semaphore 'call-with-semaphore/enable-break semaphore-wait/enable-break s proc try-fail args))
