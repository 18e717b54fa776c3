#lang racket/base
;; Event predicates, system-idle-evt, nack-guard-evt, poll-guard-evt, log-level-evt.

(define-syntax-rule (try e)
  (with-handlers ([(lambda (x) #t) (lambda (x) (displayln (if (exn? x) (exn-message x) x)))])
    (println e)))

(define h (handle-evt always-evt void))
(try (list (handle-evt? h) (handle-evt? (wrap-evt always-evt void)) (handle-evt? (choice-evt h h))
           (handle-evt? (choice-evt h always-evt)) (handle-evt? (choice-evt)) (handle-evt? (guard-evt (lambda () h)))))
(try (handle-evt? 5))
(try (list (channel-put-evt? (channel-put-evt (make-channel) 1)) (channel-put-evt? (make-channel))
           (semaphore-peek-evt? (semaphore-peek-evt (make-semaphore))) (semaphore-peek-evt? (make-semaphore))
           (channel-put-evt? 5) (semaphore-peek-evt? 5)))

;; system-idle-evt: ready once no other thread can run.
(try system-idle-evt)
(try (system-idle-evt))
(try (eq? (system-idle-evt) (system-idle-evt)))
(try (sync (system-idle-evt)))
(define log '())
(define worker (thread (lambda () (for ([i 3]) (set! log (cons i log)) (sleep 0)))))
(sync (system-idle-evt))
(try (reverse log))
(try (thread-dead? worker))

;; poll-guard-evt: told whether the sync is a poll.
(try (sync (poll-guard-evt (lambda (p) (wrap-evt always-evt (lambda (x) (list 'polling p)))))))
(try (sync/timeout 0 (poll-guard-evt (lambda (p) (wrap-evt always-evt (lambda (x) (list 'polling p)))))))
(try (sync/timeout 0 (poll-guard-evt (lambda (p) never-evt))))

;; nack-guard-evt: the nack is ready when the guarded event is not chosen.
(define nacks '())
(define (tracked name evt)
  (nack-guard-evt (lambda (nack) (set! nacks (cons (cons name nack) nacks)) evt)))
(try (sync (tracked 'a never-evt) (tracked 'b (wrap-evt always-evt (lambda (x) 'b-chosen)))))
(try (for/list ([n (reverse nacks)]) (list (car n) (and (sync/timeout 0 (cdr n)) #t))))
(set! nacks '())
(try (sync/timeout 0 (tracked 'c never-evt)))
(try (for/list ([n nacks]) (list (car n) (and (sync/timeout 0 (cdr n)) #t))))
(set! nacks '())
(try (sync (choice-evt (tracked 'd (wrap-evt always-evt (lambda (x) 'd-chosen))))))
(try (for/list ([n nacks]) (list (car n) (and (sync/timeout 0 (cdr n)) #t))))

;; log-level-evt becomes ready when a receiver changes what the logger logs.
(define lg (make-logger 'events-test))
(define e (log-level-evt lg))
(try e)
(try (sync/timeout 0 e))
(define ready (thread (lambda () (sync e) 'woke)))
(define r (make-log-receiver lg 'debug))
(try (eq? e (sync e)))
(thread-wait ready)
(try (sync/timeout 0 (log-level-evt lg)))

;; current-evt-pseudo-random-generator.
(try (pseudo-random-generator? (current-evt-pseudo-random-generator)))
(try (parameterize ([current-evt-pseudo-random-generator (make-pseudo-random-generator)])
       (sync (choice-evt (wrap-evt always-evt (lambda (x) 'only))))))

(try (log-level-evt 5))
(try (nack-guard-evt 5))
(try (poll-guard-evt (lambda () 1)))
(try (current-evt-pseudo-random-generator 5))
