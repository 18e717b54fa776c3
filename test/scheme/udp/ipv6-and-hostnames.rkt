#lang racket/base
;; Reference: udp-open-socket's protocol family from its arguments with IPv6
;; addresses and host names ("localhost" resolved), and the family's
;; consequences for udp-bind!, udp-connect!, udp-send-to and the addresses
;; udp-receive! and udp-addresses report; unresolvable names.
(require racket/udp "_util.rkt")
(define buf (make-bytes 32))
(define (receive s)
  (let ([r (sync/timeout 2 (udp-receive!-evt s buf))])
    (and r (list (subbytes buf 0 (car r)) (cadr r)))))

;; An IPv6 socket bound to ::1 talks to another over IPv6.
(define s6 (udp-open-socket "::1" #f))
(udp-bind! s6 "::1" 0)
(let-values ([(la ra) (udp-addresses s6)]) (list la ra))
(define c6 (udp-open-socket "::1" #f))
(udp-send-to c6 "::1" (local-port s6) #"over ipv6")
(receive s6)
(let-values ([(la lp ra rp) (udp-addresses c6 #t)]) (list la (exact-positive-integer? lp) ra rp))
(udp-connect! c6 "::1" (local-port s6))
(let-values ([(la lp ra rp) (udp-addresses c6 #t)]) (list la ra (= rp (local-port s6))))
(udp-send c6 #"connected v6")
(receive s6)

;; An IPv6 socket bound to all addresses (hostname #f) receives IPv4 traffic as mapped addresses.
(define any6 (udp-open-socket "::" #f))
(udp-bind! any6 #f 0)
(let-values ([(la ra) (udp-addresses any6)]) (list la ra))
(define c4 (udp-open-socket "127.0.0.1" #f))
(udp-send-to c4 "127.0.0.1" (local-port any6) #"v4 to v6")
(receive any6)
(udp-send-to (udp-open-socket "::1" #f) "::1" (local-port any6) #"v6 to v6")
(receive any6)

;; An IPv6 socket sends to an IPv4 address as a mapped address.
(define r4 (udp-open-socket "127.0.0.1" #f))
(udp-bind! r4 "127.0.0.1" 0)
(define u6 (udp-open-socket "::1" #f))
(udp-send-to u6 "127.0.0.1" (local-port r4) #"mapped")
(receive r4)
(let-values ([(la ra) (udp-addresses u6)]) (list la ra))

;; Wrong family: binding an IPv4 socket to an IPv6 address and the reverse; sending and connecting across.
(show (lambda () (udp-bind! (udp-open-socket) "::1" 0)))
(show (lambda () (udp-bind! (udp-open-socket "::1" #f) "127.0.0.1" 0)))
(show (lambda () (udp-send-to (udp-open-socket) "::1" 9 #"x")))
(show (lambda () (udp-connect! (udp-open-socket) "::1" 9)))

;; "localhost" is resolved: an IPv4 socket.
(define lh (udp-open-socket "localhost" #f))
(udp-bind! lh "localhost" 0)
(let-values ([(la ra) (udp-addresses lh)]) (list la ra))
(udp-send-to c4 "localhost" (local-port lh) #"to localhost")
(receive lh)
(udp-connect! c4 "localhost" (local-port lh))
(let-values ([(la ra) (udp-addresses c4)]) (list la ra))

;; Names that do not resolve (the empty name is never looked up on the network).
(show (lambda () (udp-open-socket "" #f)))
(show (lambda () (udp-bind! (udp-open-socket) "" 0)))
(show (lambda () (udp-send-to (udp-open-socket) "" 9 #"x")))
(show (lambda () (udp-connect! (udp-open-socket) "" 9)))
(for-each udp-close (list s6 c6 any6 c4 r4 u6 lh))
