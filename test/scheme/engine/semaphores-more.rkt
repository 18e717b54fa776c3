#lang racket/base
;; call-with-semaphore (posting on return and on escape), its try-fail
;; thunk, and semaphore-wait/enable-break woken by a break.
(define s (make-semaphore 1))
(displayln (call-with-semaphore s (lambda (a b) (+ a b)) #f 1 2))
(displayln (semaphore-try-wait? s))
(semaphore-post s)
(displayln (let/ec k (call-with-semaphore s (lambda () (k 'escaped)))))
(displayln (list 'posted-after-escape (semaphore-try-wait? s)))
(displayln (call-with-semaphore s (lambda () 'got-it) (lambda () 'busy)))
(semaphore-post s)
(displayln (call-with-semaphore/enable-break s (lambda () 'with-breaks)))
(displayln (call-with-semaphore s list #f 'x 'y))

;; Mutual exclusion between threads.
(define lock (make-semaphore 1))
(define log '())
(define (worker name)
  (thread (lambda ()
            (for ([i 3])
              (call-with-semaphore lock (lambda () (set! log (cons (list name i) log)) (sleep 0)))))))
(for-each thread-wait (list (worker 'a) (worker 'b)))
(displayln (length log))

;; A thread blocked in semaphore-wait/enable-break is woken by a break.
(define never (make-semaphore 0))
(define result #f)
(define t (thread (lambda ()
                    (with-handlers ([exn:break? (lambda (e) (set! result 'broken))])
                      (semaphore-wait/enable-break never)))))
(sleep 0.02)
(break-thread t)
(thread-wait t)
(displayln result)

(define (try thunk) (with-handlers ([exn:fail? exn-message]) (thunk)))
(displayln (try (lambda () (call-with-semaphore 5 void))))
(displayln (try (lambda () (call-with-semaphore s 5))))
(displayln (try (lambda () (call-with-semaphore s void 5))))
(displayln (try (lambda () (semaphore-wait/enable-break 'x))))
