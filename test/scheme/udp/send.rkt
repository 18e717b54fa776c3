#lang racket/base
;; Reference: udp-send-to, udp-send, udp-send-to*, udp-send* (the datagram is
;; (subbytes bstr start end); sending on an unbound socket binds it to a
;; random port, so it can receive replies; the * variants return #t or #f and
;; never block; closed or connected/unconnected sockets raise
;; exn:fail:network).
(require racket/udp "_util.rkt")
(define server (udp-open-socket "127.0.0.1" #f))
(udp-bind! server "127.0.0.1" 0)
(define sp (local-port server))
(define buf (make-bytes 64))
(define (receive s)
  (let ([r (sync/timeout 2 (udp-receive!-evt s buf))])
    (and r (list (subbytes buf 0 (car r)) (cadr r)))))

;; An unbound socket is bound by its first send, to a random port...
(define c (udp-open-socket))
(udp-bound? c)
(local-port c)
(udp-send-to c "127.0.0.1" sp #"hello")
(udp-bound? c)
(exact-positive-integer? (local-port c))
(define-values (n from-addr from-port)
  (udp-receive! server buf))
(list n from-addr (= from-port (local-port c)))
;; ... so it can receive the reply.
(udp-send-to server from-addr from-port #"reply")
(receive c)

;; The result of a send is void; the range selects the bytes.
(udp-send-to c "127.0.0.1" sp #"0123456789" 3)
(receive server)
(udp-send-to c "127.0.0.1" sp #"0123456789" 3 5)
(receive server)
(udp-send-to c "localhost" sp #"0123456789" 9 10)
(receive server)
(udp-send-to c "127.0.0.1" sp #"\1\2\3")
(receive server)
(udp-send-to c "127.0.0.1" sp (make-bytes 1000 65))
(let ([r (receive server)]) (and r (bytes-length (car r))))

;; The bytes are taken when sending: changing them afterwards changes nothing.
(define mutable (bytes 97 98 99))
(udp-send-to c "127.0.0.1" sp mutable)
(bytes-set! mutable 0 120)
(receive server)

;; Non-blocking variants: #t, the datagram is queued.
(define u (udp-open-socket))
(udp-send-to* u "127.0.0.1" sp #"star")
(udp-bound? u)
(receive server)
(udp-send-to* u "127.0.0.1" sp #"abcdef" 1 3)
(receive server)
(udp-connect! u "127.0.0.1" sp)
(udp-send* u #"connected star")
(receive server)
(udp-send* u #"abcdef" 4)
(receive server)
(udp-send u #"plain")
(receive server)
(udp-send u #"abcdef" 2 4)
(receive server)

;; Many datagrams in a row all arrive, in order.
(define w (udp-open-socket))
(for ([i 20]) (udp-send-to w "127.0.0.1" sp (bytes i)))
(for/list ([i 20]) (let ([r (receive server)]) (and r (bytes-ref (car r) 0))))

;; The connected/unconnected rules.
(show (lambda () (udp-send-to u "127.0.0.1" sp #"x")))
(show (lambda () (udp-send-to* u "127.0.0.1" sp #"x")))
(show (lambda () (udp-send (udp-open-socket) #"x")))
(show (lambda () (udp-send* (udp-open-socket) #"x")))
(show (lambda () (udp-send/enable-break (udp-open-socket) #"x")))
(show (lambda () (udp-send-to/enable-break u "127.0.0.1" sp #"x")))

;; Closed sockets.
(define k (udp-open-socket))
(udp-close k)
(show (lambda () (udp-send-to k "127.0.0.1" sp #"x")))
(show (lambda () (udp-send-to* k "127.0.0.1" sp #"x")))
(show (lambda () (udp-send k #"x")))
(show (lambda () (udp-send* k #"x")))
(show (lambda () (udp-send-to/enable-break k "127.0.0.1" sp #"x")))
(show (lambda () (udp-send/enable-break k #"x")))
(udp-bound? k)
(for-each udp-close (list server c u w))
