#lang racket/base
;; Channel ping-pong between two threads: prints messages per second.
(define n (let ([args (current-command-line-arguments)]) (if (> (vector-length args) 0) (string->number (vector-ref args 0)) 200000)))
(define ping (make-channel))
(define pong (make-channel))
(define echo (thread (lambda () (let loop () (channel-put pong (channel-get ping)) (loop)))))
(define start (current-inexact-milliseconds))
(let loop ([i 0])
  (when (< i n)
    (channel-put ping i)
    (channel-get pong)
    (loop (+ i 1))))
(define ms (- (current-inexact-milliseconds) start))
(printf "~a round trips in ~a ms: ~a messages/s\n" n (round ms) (round (/ (* 2 n 1000.0) ms)))
