#lang racket/base
;; Threads: call-in-nested-thread, which runs a thunk in a new thread and
;; waits for it, returning its values or raising what it raised.

(provide call-in-nested-thread)

(define (call-in-nested-thread thunk [cust (current-custodian)])
  (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0))
    (raise-argument-error 'call-in-nested-thread "(procedure-arity-includes/c 0)" thunk))
  (unless (custodian? cust)
    (raise-argument-error 'call-in-nested-thread "custodian?" cust))
  ;; (cons 'values results) or (cons 'raise value), set by the nested thread as it ends.
  (define outcome #f)
  (define nested
    (parameterize ([current-custodian cust])
      (thread
       (lambda ()
         (set! outcome
               (with-handlers ([(lambda (e) #t) (lambda (e) (cons 'raise e))])
                 (call-with-values thunk (lambda results (cons 'values results)))))))))
  ;; A break of the waiting thread goes to the nested one.
  (with-handlers ([exn:break? (lambda (e) (break-thread nested) (thread-wait nested))])
    (thread-wait nested))
  (cond
    [(not outcome)
     (error 'call-in-nested-thread "the thread was killed, or it exited via the default error escape handler")]
    [(eq? (car outcome) 'raise) (raise (cdr outcome))]
    [else (apply values (cdr outcome))]))
