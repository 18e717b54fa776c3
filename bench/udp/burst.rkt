#lang racket/base
;; UDP one-way burst: a receiver thread counts datagrams while the main
;; thread sends N 64-byte datagrams with udp-send-to as fast as it can.
;; Prints datagrams received per second and how many were lost.
(require racket/udp)
(define n (let ([args (current-command-line-arguments)]) (if (> (vector-length args) 0) (string->number (vector-ref args 0)) 20000)))
(define receiver (udp-open-socket "127.0.0.1" #f))
(udp-bind! receiver "127.0.0.1" 0)
(define port (let-values ([(h p _h _p) (udp-addresses receiver #t)]) p))
(define start (current-inexact-milliseconds))
(define done (make-channel))
(void
 (thread (lambda ()
           (define buf (make-bytes 64))
           (define evt (udp-receive!-evt receiver buf))
           ;; Stops after all N, or when nothing has come for 200 ms (the rest were lost).
           (let loop ([count 0] [last start])
             (if (and (< count n) (sync/timeout 0.2 evt))
                 (loop (+ count 1) (current-inexact-milliseconds))
                 (channel-put done (cons count last)))))))
(define sender (udp-open-socket "127.0.0.1" #f))
(define msg (make-bytes 64 66))
(let loop ([i 0])
  (when (< i n)
    (udp-send-to sender "127.0.0.1" port msg)
    (loop (+ i 1))))
(define result (channel-get done))
(define received (car result))
(define ms (max 1 (- (cdr result) start)))
(printf "~a of ~a datagrams received in ~a ms: ~a datagrams/s, ~a lost\n"
        received n (round ms) (round (/ (* received 1000.0) ms)) (- n received))
