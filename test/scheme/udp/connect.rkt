#lang racket/base
;; Reference: udp-connect! (connect, re-connect, disconnect with #f #f any
;; number of times; #f with a non-#f raises exn:fail:contract; a connected
;; socket accepts datagrams only from its peer; udp-send needs a connected
;; socket and udp-send-to an unconnected one; a closed socket raises
;; exn:fail:network) and udp-connected?.
(require racket/udp "_util.rkt")
(define (bound-socket)
  (define s (udp-open-socket "127.0.0.1" #f))
  (udp-bind! s "127.0.0.1" 0)
  s)
(define buf (make-bytes 32))
(define (receive-text s)
  (let ([r (sync/timeout 2 (udp-receive!-evt s buf))])
    (and r (subbytes buf 0 (car r)))))
(define (nothing-waiting? s)
  (sync/timeout 0.1 (udp-receive-ready-evt s))
  (call-with-values (lambda () (udp-receive!* s buf)) list))

(define server (bound-socket))
(define other (bound-socket))
(define peer (bound-socket))
(define c (bound-socket))

;; Connect, then udp-send goes to the peer.
(udp-connected? c)
(udp-connect! c "127.0.0.1" (local-port server))
(udp-connected? c)
(let-values ([(la lp ra rp) (udp-addresses c #t)])
  (list la (= lp (local-port c)) ra (= rp (local-port server))))
(udp-send c #"one")
(receive-text server)

;; udp-send-to on a connected socket.
(show (lambda () (udp-send-to c "127.0.0.1" (local-port server) #"x")))
(show (lambda () (udp-send-to* c "127.0.0.1" (local-port server) #"x")))

;; A connected socket accepts datagrams only from its peer.
(udp-send-to other "127.0.0.1" (local-port c) #"from other")
(udp-send-to server "127.0.0.1" (local-port c) #"from server")
(receive-text c)
(nothing-waiting? c)

;; Re-connect to another peer.
(udp-connect! c "127.0.0.1" (local-port peer))
(udp-connected? c)
(udp-send c #"two")
(receive-text peer)
(udp-send-to server "127.0.0.1" (local-port c) #"old peer")
(udp-send-to peer "127.0.0.1" (local-port c) #"new peer")
(receive-text c)
(nothing-waiting? c)

;; Disconnect (twice: disconnecting an unconnected socket is fine).
(udp-connect! c #f #f)
(udp-connected? c)
(udp-connect! c #f #f)
(udp-connected? c)
(let-values ([(la lp ra rp) (udp-addresses c #t)]) (list ra rp))
(show (lambda () (udp-send c #"x")))
(show (lambda () (udp-send* c #"x")))
(udp-send-to c "127.0.0.1" (local-port server) #"three")
(receive-text server)
(udp-send-to other "127.0.0.1" (local-port c) #"anyone again")
(receive-text c)

;; "localhost" as the peer.
(udp-connect! c "localhost" (local-port server))
(let-values ([(la ra) (udp-addresses c)]) (list la ra))
(udp-send c #"four")
(receive-text server)
(udp-connect! c #f #f)

;; Connecting an unbound socket does not make it bound (the system binds it anyway).
(define u (udp-open-socket))
(udp-connect! u "127.0.0.1" (local-port server))
(udp-bound? u)
(udp-connected? u)
(let-values ([(la lp ra rp) (udp-addresses u #t)]) (list la (exact-positive-integer? lp) ra (= rp (local-port server))))
(udp-send u #"five")
(receive-text server)
(udp-bound? u)

;; #f with non-#f, and bad arguments.
(show (lambda () (udp-connect! c "127.0.0.1" #f)))
(show (lambda () (udp-connect! c #f 9)))
(show (lambda () (udp-connect! c 'host 9)))
(show (lambda () (udp-connect! c "127.0.0.1" 0)))
(show (lambda () (udp-connect! c "127.0.0.1" 65536)))
(show (lambda () (udp-connect! c #f "9")))
(show (lambda () (udp-connect! 'c #f #f)))
(show (lambda () (udp-connected? 'c)))

;; A closed socket: argument errors first, then "closed".
(define d (udp-open-socket))
(udp-connect! d "127.0.0.1" (local-port server))
(udp-close d)
(show (lambda () (udp-connect! d "127.0.0.1" 9)))
(show (lambda () (udp-connect! d #f #f)))
(show (lambda () (udp-connect! d #f 9)))
(show (lambda () (udp-connect! d 5 9)))
(udp-connected? d)
(for-each udp-close (list server other peer c u))
