#lang racket/base
;; Multicast on loopback: a member socket receives what a sender on the same machine sends to the group.
(require racket/udp)
(define r (udp-open-socket "0.0.0.0" #f))
(udp-bind! r "0.0.0.0" 0 #t)
(define-values (_a port _b _c) (udp-addresses r #t))
(udp-multicast-join-group! r "239.255.0.1" "127.0.0.1")
(define s (udp-open-socket "0.0.0.0" #f))
(udp-multicast-set-interface! s "127.0.0.1")
(udp-multicast-set-loopback! s #t)
(udp-send-to s "239.255.0.1" port #"announce")
(define buf (make-bytes 100))
(define got (sync/timeout 2 (udp-receive!-evt r buf)))
(if got (subbytes buf 0 (car got)) 'timeout)
