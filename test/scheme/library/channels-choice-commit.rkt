#lang racket/base
;; A thread blocked in a sync on several channel events completes exactly
;; one of them, even when partner threads come for two at once: a manager
;; thread that takes puts and offers gets through one sync never hands out
;; a value twice or loses one (also through prop:evt and poll-guard-evt).
(define put-ch (make-channel))
(define get-ch (make-channel))
(define empty-ch (make-channel))
(define manager
  (thread
   (lambda ()
     (let loop ([q '()])
       (define next
         (if (null? q)
             (sync (handle-evt put-ch (lambda (v) (lambda () (loop (list v)))))
                   (handle-evt (channel-put-evt empty-ch (make-semaphore)) (lambda (_) (lambda () (loop q)))))
             (sync (handle-evt put-ch (lambda (v) (lambda () (loop (append q (list v))))))
                   (handle-evt (channel-put-evt get-ch (car q)) (lambda (_) (lambda () (loop (cdr q))))))))
       (next)))))
(define (poll-get evt not-ready)
  (sync (wrap-evt evt (lambda (v) (wrap-evt always-evt (lambda (_) v)))) not-ready))
(define-values (type make ? ref set)
  (make-struct-type 'getter #f 0 0 #f
                    (list (cons prop:evt (lambda (g)
                                           (void)
                                           (poll-guard-evt (lambda (poll?) (if poll? (poll-get get-ch empty-ch) get-ch))))))))
(define getter (make))
(for ([round 5])
  (define producer (thread (lambda () (for ([i 10]) (channel-put put-ch (+ (* 10 round) i))))))
  (displayln (for/list ([i 10]) (sync getter))))
(sync/timeout 0 getter)
