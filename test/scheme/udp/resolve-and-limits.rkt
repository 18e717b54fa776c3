#lang racket/base
;; What racket/udp checks before a send or an option returns: names resolve
;; first (udp-send-to*, udp-send-to-evt and the multicast options block
;; while they do), address families, index ranges with bignums, and the
;; receive buffer's size limits. The empty name never resolves, without a
;; lookup on the network.
(require racket/udp "_util.rkt")

(define s (udp-open-socket "127.0.0.1" #f))
(udp-bind! s "127.0.0.1" 0)

;; A name that does not resolve: raised by the call, not lost.
(show (lambda () (udp-send-to* s "" 9 #"x")))
(show (lambda () (udp-send-to-evt s "" 9 #"x")))
(show (lambda () (udp-multicast-set-interface! s "")))
(show (lambda () (udp-multicast-join-group! s "239.255.0.1" "")))
;; An IPv6 address for an IPv4 socket.
(show (lambda () (udp-send-to* s "::1" 9 #"x")))
;; A name that resolves: the send happens.
(define r (udp-open-socket "127.0.0.1" #f))
(udp-bind! r "127.0.0.1" 0)
(show (lambda () (udp-send-to* s "localhost" (local-port r) #"by name")))
(show (lambda () (sync (udp-send-to-evt s "localhost" (local-port r) #"by evt"))))
(define buf (make-bytes 20))
(let-values ([(n a p) (udp-receive! r buf)]) (println (subbytes buf 0 n)))
(let-values ([(n a p) (udp-receive! r buf)]) (println (subbytes buf 0 n)))

;; Indices beyond any byte string, as bignums.
(show (lambda () (udp-send-to* s "127.0.0.1" 9 #"abc" 0 (expt 2 70))))
(show (lambda () (udp-send-to* s "127.0.0.1" 9 #"abc" (expt 2 70))))
(show (lambda () (udp-receive!* s (make-bytes 10) 0 (expt 2 70))))
(show (lambda () (udp-receive!* s (make-bytes 10) (expt 2 70))))

;; Any fixnum is a size (the kernel caps it); a bignum is too large.
(show (lambda () (udp-set-receive-buffer-size! s (expt 2 31))))
(show (lambda () (udp-set-receive-buffer-size! s (expt 2 53))))
(show (lambda () (udp-set-receive-buffer-size! s (sub1 (expt 2 60)))))
(show (lambda () (udp-set-receive-buffer-size! s (expt 2 60))))
(show (lambda () (udp-set-receive-buffer-size! s 0)))

;; Multicast through the loopback interface, named "localhost".
(define m (udp-open-socket "239.255.7.7" #f))
(udp-bind! m "0.0.0.0" 0 #t)
(udp-multicast-join-group! m "239.255.7.7" "localhost")
(define out (udp-open-socket "239.255.7.7" #f))
(udp-multicast-set-interface! out "localhost")
(println (udp-multicast-interface out))
(udp-send-to out "239.255.7.7" (local-port m) #"to the group")
(let ([got (sync/timeout 10 (udp-receive!-evt m buf))])
  (println (and got (list (subbytes buf 0 (car got)) (cadr got)))))
;; Not an interface of this machine.
(show-line1 (lambda () (udp-multicast-join-group! m "239.255.7.8" "8.8.8.0")))

;; Binding a socket that connecting has bound.
(define c (udp-open-socket "127.0.0.1" #f))
(udp-connect! c "127.0.0.1" 9)
(show (lambda () (udp-bind! c "127.0.0.1" 0)))
(for-each udp-close (list s r m out c))
