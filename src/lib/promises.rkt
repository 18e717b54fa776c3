#lang racket/base
;; racket/promise's force, and the promises delay/thread and delay/idle make
;; (the promise value is prims/promises.ts; the delay forms are
;; macros/promise-forms.ts).

(provide (rename-out [force racket/promise:force]
                     [thread-promise #%rkt-internal:thread-promise]))

;; A promise's results, computing them the first time (every time for delay/name).
;; A raised value is kept and raised again by each later force.
(define (force v)
  (if (%promise? v) (force-promise v) v))

(define (force-promise p)
  (case (%promise-status p)
    [(done) (apply values (%promise-values p))]
    [(raised) (raise (%promise-raised p))]
    [(running)
     (let ([name (object-name (%promise-thunk p))])
       (if name
           (error 'force "reentrant promise `~.s'" name)
           (error 'force "reentrant promise")))]
    [else
     (let ([thunk (%promise-thunk p)])
       (if (%promise-by-name? p)
           (thunk)
           (begin
             (%promise-running! p)
             (call-with-values
              (lambda ()
                (with-handlers ([(lambda (e) #t) (lambda (e) (%promise-raised! p e) (raise e))])
                  (thunk)))
              (lambda results
                ;; lazy: a promise the thunk returns stands for the results.
                (let ([results (if (and (%promise-lazy? p) (= 1 (length results)) (%promise? (car results)))
                                   (call-with-values (lambda () (force (car results))) list)
                                   results)])
                  (%promise-done! p results)
                  (apply values results)))))))]))

;; delay/thread and delay/idle: the body runs in a thread of its own at once;
;; forcing waits for it.
(define (thread-promise thunk)
  (let* ([outcome #f]
         [worker (thread (lambda ()
                           (set! outcome
                                 (with-handlers ([(lambda (e) #t) (lambda (e) (cons 'raise e))])
                                   (cons 'values (call-with-values thunk list))))))])
    (%make-promise (lambda ()
                     (thread-wait worker)
                     (if (eq? (car outcome) 'raise) (raise (cdr outcome)) (apply values (cdr outcome))))
                   'delay)))
