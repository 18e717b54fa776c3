#lang racket/base
;; Reference: udp-ttl/udp-set-ttl!, udp-multicast-ttl/-set-ttl!,
;; udp-multicast-loopback?/-set-loopback!, udp-multicast-interface/
;; -set-interface! (getters return what was set; the defaults as Racket
;; reports them; "0.0.0.0" and #f mean the kernel's choice), and
;; udp-multicast-join-group!/leave-group! with and without an interface,
;; multicast loopback delivering to a member socket on this machine.
(require racket/udp "_util.rkt")
(define s (udp-open-socket))
(udp-bind! s #f 0)
;; Defaults.
(list (udp-ttl s) (udp-multicast-ttl s) (udp-multicast-loopback? s) (udp-multicast-interface s))
;; Each setter, then its getter.
(for/list ([v '(1 2 128 255)]) (udp-set-ttl! s v) (udp-ttl s))
(for/list ([v '(0 1 32 255)]) (udp-multicast-set-ttl! s v) (udp-multicast-ttl s))
(for/list ([v '(#f #t #f 7)]) (udp-multicast-set-loopback! s v) (udp-multicast-loopback? s))
(udp-multicast-set-interface! s "127.0.0.1")
(udp-multicast-interface s)
(udp-multicast-set-interface! s #f)
(udp-multicast-interface s)
(udp-multicast-set-interface! s "127.0.0.1")
(udp-multicast-set-interface! s "0.0.0.0")
(udp-multicast-interface s)
(show-line1 (lambda () (udp-set-ttl! s 0)))
(show (lambda () (udp-set-ttl! s 256)))
(show (lambda () (udp-multicast-set-ttl! s 256)))

;; Join and leave, with and without an interface.
(udp-multicast-join-group! s "239.255.0.2" #f)
(udp-multicast-leave-group! s "239.255.0.2" #f)
(udp-multicast-join-group! s "239.255.0.3" "127.0.0.1")
(udp-multicast-leave-group! s "239.255.0.3" "127.0.0.1")
(udp-multicast-join-group! s "239.255.0.4" "0.0.0.0")
(udp-multicast-leave-group! s "239.255.0.4" #f)
;; Leaving a group not joined, and joining twice.
(show-line1 (lambda () (udp-multicast-leave-group! s "239.255.0.5" #f)))
(udp-multicast-join-group! s "239.255.0.6" #f)
(show-line1 (lambda () (udp-multicast-join-group! s "239.255.0.6" #f)))
;; Not a multicast address.
(show-line1 (lambda () (udp-multicast-join-group! s "127.0.0.1" #f)))

;; Multicast loopback: a member socket receives a datagram sent to the group from this machine.
(define member (udp-open-socket "0.0.0.0" #f))
(udp-bind! member "0.0.0.0" 0 #t)
(udp-multicast-join-group! member "239.255.0.7" "127.0.0.1")
(define sender (udp-open-socket "0.0.0.0" #f))
(udp-multicast-set-interface! sender "127.0.0.1")
(udp-multicast-loopback? sender)
(udp-send-to sender "239.255.0.7" (local-port member) #"to the group")
(define buf (make-bytes 32))
(let ([r (sync/timeout 2 (udp-receive!-evt member buf))])
  (and r (list (subbytes buf 0 (car r)) (= (caddr r) (local-port sender)))))
;; After leaving, nothing arrives.
(udp-multicast-leave-group! member "239.255.0.7" "127.0.0.1")
(udp-send-to sender "239.255.0.7" (local-port member) #"after leaving")
(sync/timeout 0.2 (udp-receive!-evt member buf))
(for-each udp-close (list s member sender))
