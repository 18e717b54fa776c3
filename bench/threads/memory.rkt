#lang racket/base
;; 10,000 threads, each blocked on a channel; then all released and joined.
(define n 10000)
(define c (make-channel))
(define ts (for/list ([i n]) (thread (lambda () (channel-get c)))))
(sync (alarm-evt (+ (current-inexact-milliseconds) 100)))
(displayln "parked")
(for ([i n]) (channel-put c i))
(for-each thread-wait ts)
(displayln "joined")
