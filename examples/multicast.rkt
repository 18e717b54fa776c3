#lang racket/base
;; A multicast announcer and a listener on this machine. The listener joins
;; the group on the loopback interface; the announcer sends to the group
;; with multicast loopback on, so the listener hears it.
(require racket/udp)

(define group "239.255.42.1")

(define listener (udp-open-socket "0.0.0.0" #f))
(udp-bind! listener "0.0.0.0" 0 #t)     ; reuse: several listeners may share the port
(define-values (group-port) (let-values ([(_h port _rh _rp) (udp-addresses listener #t)]) port))
(udp-multicast-join-group! listener group "127.0.0.1")

(define heard (make-bytes 200))
(define listener-thread
  (thread
   (lambda ()
     (let loop ()
       (define result (sync/timeout 2 (udp-receive!-evt listener heard)))
       (when result
         (printf "listener: heard ~s\n" (bytes->string/utf-8 (subbytes heard 0 (car result))))
         (loop))))))

(define announcer (udp-open-socket group group-port))
(udp-multicast-set-interface! announcer "127.0.0.1")
(udp-multicast-set-loopback! announcer #t)
(udp-multicast-set-ttl! announcer 1)
(for ([n (in-range 1 4)])
  (define message (format "announcement ~a" n))
  (printf "announcer: sending ~s\n" message)
  (udp-send-to announcer group group-port (string->bytes/utf-8 message))
  (sleep 0.05))

(udp-multicast-leave-group! listener group "127.0.0.1")
(kill-thread listener-thread)
(udp-close listener)
(udp-close announcer)
(displayln "done")
