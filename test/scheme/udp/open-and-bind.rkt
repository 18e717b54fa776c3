#lang racket/base
;; Reference: udp-open-socket (family from the arguments; a new socket is
;; neither bound nor connected) and udp-bind! (port 0 picks an ephemeral
;; port that udp-addresses reports; hostname #f accepts on all addresses;
;; reuse? lets sockets share a port; binding a bound or closed socket, and a
;; port in use, raise exn:fail:network).
(require racket/udp "_util.rkt")

(define (local-address s) (let-values ([(la lp ra rp) (udp-addresses s #t)]) la))

;; Family from the arguments; without them IPv4.
(for ([args (list '() '("127.0.0.1" #f) '(#f 5000) '("127.0.0.1" 5000) '("localhost" #f) '("::1" #f) '("::1" 53))])
  (define s (apply udp-open-socket args))
  (printf "~s: udp? ~s bound? ~s connected? ~s\n" args (udp? s) (udp-bound? s) (udp-connected? s))
  (udp-bind! s #f 0)
  (printf "  bound to all addresses: ~s ~s\n" (local-address s) (exact-positive-integer? (local-port s)))
  (udp-close s))

;; The arguments do not bind the socket.
(define s5000 (udp-open-socket "127.0.0.1" 5000))
(udp-bound? s5000)
(local-port s5000)

;; Port 0: an ephemeral port, reported by udp-addresses.
(define a (udp-open-socket "127.0.0.1" #f))
(udp-bind! a "127.0.0.1" 0)
(udp-bound? a)
(udp-connected? a)
(local-address a)
(define pa (local-port a))
(<= 1 pa 65535)

;; hostname #f: datagrams sent to 127.0.0.1 arrive.
(define any (udp-open-socket))
(udp-bind! any #f 0)
(local-address any)
(define c (udp-open-socket))
(udp-send-to c "127.0.0.1" (local-port any) #"to any")
(define buf (make-bytes 20))
(let ([r (sync/timeout 2 (udp-receive!-evt any buf))])
  (and r (list (car r) (cadr r) (subbytes buf 0 (car r)))))
(udp-send-to c "localhost" (local-port any) #"via localhost")
(let ([r (sync/timeout 2 (udp-receive!-evt any buf))])
  (and r (list (car r) (cadr r) (subbytes buf 0 (car r)))))

;; Binding a bound socket.
(show (lambda () (udp-bind! a "127.0.0.1" 0)))
(show (lambda () (udp-bind! a #f 0)))
(show (lambda () (udp-bind! any #f 0 #t)))

;; A port in use: exn:fail:network:errno, EADDRINUSE.
(define b (udp-open-socket))
(define e (try (lambda () (udp-bind! b "127.0.0.1" pa))))
(kind-of e)
(exn:fail:network:errno-errno e)
(first-line (exn-message e))
(equal? (exn-message e)
        (format "udp-bind!: can't bind\n  address: 127.0.0.1\n  port number: ~a\n  system error: Address already in use; errno=98" pa))
;; The failed bind leaves the socket unbound; it can bind elsewhere.
(udp-bound? b)
(udp-bind! b "127.0.0.1" 0)
(udp-bound? b)

;; reuse?: two sockets share a port when both ask for it.
(define r1 (udp-open-socket "127.0.0.1" #f))
(udp-bind! r1 "127.0.0.1" 0 #t)
(define r2 (udp-open-socket "127.0.0.1" #f))
(udp-bind! r2 "127.0.0.1" (local-port r1) #t)
(= (local-port r1) (local-port r2))
(define r3 (udp-open-socket "127.0.0.1" #f))
(show-line1 (lambda () (udp-bind! r3 "127.0.0.1" (local-port r1))))
(udp-bind! r3 "127.0.0.1" 0 'any-true-value)
(udp-bound? r3)

;; Binding a closed socket, bound or not.
(udp-close a)
(show (lambda () (udp-bind! a "127.0.0.1" 0)))
(define never-bound (udp-open-socket))
(udp-close never-bound)
(show (lambda () (udp-bind! never-bound #f 0)))
(udp-bound? a)
(udp-bound? never-bound)

;; An address that is not the machine's.
(show-line1 (lambda () (udp-bind! (udp-open-socket) "192.0.2.1" 0)))
(for-each udp-close (list any c b r1 r2 r3))
