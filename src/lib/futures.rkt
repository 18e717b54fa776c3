#lang racket/base
;; racket/future's touch and current-future, over the future values of
;; prims/futures.ts. A future's thunk runs at its first touch, on the
;; touching thread; its results are kept for later touches.

(provide (rename-out [touch racket/future:touch]
                     [current-future racket/future:current-future]))

(define current-future-param (make-parameter #f))

(define (current-future) (current-future-param))

(define (touch f)
  (unless (%future? f) (raise-argument-error 'touch "future*?" f))
  (case (%future-state f)
    [(done) (apply values (%future-results f))]
    [(aborted) (error 'touch "future previously aborted")]
    [(running)
     ;; Another thread is running it: wait until it has finished.
     (sync (%future-finished-evt f))
     (touch f)]
    [else
     (%future-running! f)
     (call-with-values
      (lambda ()
        ;; The first touch raises what the thunk raised; later ones say it aborted.
        (with-handlers ([(lambda (e) #t) (lambda (e) (%future-aborted! f) (raise e))])
          (parameterize ([current-future-param f])
            ((%future-thunk f)))))
      (lambda results
        (%future-done! f results)
        (apply values results)))]))
