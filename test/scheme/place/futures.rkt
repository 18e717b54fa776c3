#lang racket/base
;; racket/future: touch returns and keeps the thunk's results, a raise is
;; re-raised once and then reported as an abort, current-future, fsemaphores,
;; for/async and for*/async, and the argument errors.
(require racket/future)

(define (show-error thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))

(define f (future (lambda () (values 1 2))))
(writeln (future? f))
(writeln (future? 5))
(writeln (call-with-values (lambda () (touch f)) list))
(writeln (call-with-values (lambda () (touch f)) list))
(writeln f)

;; The thunk runs once however often it is touched.
(define runs 0)
(define g (future (lambda () (set! runs (add1 runs)) (* 6 7))))
(writeln (list (touch g) (touch g) runs))

(writeln (current-future))
(define h (future (lambda () (current-future))))
(writeln (eq? (touch h) h))
(writeln (future? (touch (would-be-future (lambda () (current-future))))))

;; A future that raised: the first touch raises the same value.
(define e (make-exn:fail "boom" (current-continuation-marks)))
(define bad (future (lambda () (raise e))))
(writeln (eq? e (with-handlers ([(lambda (x) #t) values]) (touch bad))))
(show-error (lambda () (touch bad)))

;; Futures touched from several threads.
(define shared (future (lambda () (for/sum ([i 1000]) i))))
(define ts (for/list ([i 3]) (thread (lambda () (touch shared)))))
(for-each thread-wait ts)
(writeln (touch shared))

(define s (make-fsemaphore 1))
(writeln (list (fsemaphore? s) (fsemaphore? (make-semaphore)) (fsemaphore-count s)))
(writeln (list (fsemaphore-try-wait? s) (fsemaphore-try-wait? s) (fsemaphore-count s)))
(writeln (fsemaphore-post s))
(fsemaphore-post s)
(fsemaphore-wait s)
(writeln (fsemaphore-count s))
(writeln s)
(writeln (exact-positive-integer? (processor-count)))

(writeln (for/async ([i 3]) (display i)))
(for*/async ([i 2] [j '(a b)]) (display (list i j)))
(newline)
(define acc '())
(for/async ([i (in-range 4)] #:when (even? i)) (set! acc (cons i acc)))
(writeln acc)

(show-error (lambda () (touch 5)))
(show-error (lambda () (future 5)))
(define (one x) x)
(show-error (lambda () (future one)))
(show-error (lambda () (would-be-future 'x)))
(show-error (lambda () (make-fsemaphore -1)))
(show-error (lambda () (make-fsemaphore 1.0)))
(show-error (lambda () (fsemaphore-post 5)))
(show-error (lambda () (fsemaphore-wait 5)))
(show-error (lambda () (fsemaphore-count 5)))
(show-error (lambda () (fsemaphore-try-wait? 5)))
