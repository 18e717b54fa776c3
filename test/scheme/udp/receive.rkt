#lang racket/base
;; Reference: udp-receive!, udp-receive!*, udp-receive!/enable-break (three
;; results: length, source address, source port; bytes written to
;; (subbytes bstr start end); longer datagrams truncated and the rest
;; discarded; blocking only the calling thread; the socket must be bound;
;; udp-receive!* gives #f #f #f when nothing is waiting).
(require racket/udp "_util.rkt")
(define s (udp-open-socket "127.0.0.1" #f))
(udp-bind! s "127.0.0.1" 0)
(define sp (local-port s))
(define c (udp-open-socket "127.0.0.1" #f))
(udp-bind! c "127.0.0.1" 0)
(define cp (local-port c))
(define (wait-ready) (and (sync/timeout 2 (udp-receive-ready-evt s)) #t))

;; Nothing waiting: #f #f #f.
(udp-receive!* s (make-bytes 4))

;; Three results; the source is the sender's address and port.
(udp-send-to c "127.0.0.1" sp #"abc")
(define buf (make-bytes 8 46))
(define-values (n addr port) (udp-receive! s buf))
(list n addr (= port cp) buf)

;; Written from start; the rest of the buffer is untouched.
(udp-send-to c "127.0.0.1" sp #"XY")
(call-with-values (lambda () (udp-receive! s buf 5)) (lambda (n a p) (list n a (= p cp))))
buf

;; Longer than end - start: truncated, the rest discarded (the next receive gets the next datagram).
(udp-send-to c "127.0.0.1" sp #"0123456789")
(udp-send-to c "127.0.0.1" sp #"next")
(call-with-values (lambda () (udp-receive! s buf 1 4)) (lambda (n a p) n))
buf
(call-with-values (lambda () (udp-receive! s buf)) (lambda (n a p) (list n (subbytes buf 0 n))))

;; An empty range receives 0 bytes of a datagram and discards it.
(udp-send-to c "127.0.0.1" sp #"gone")
(udp-send-to c "127.0.0.1" sp #"kept")
(call-with-values (lambda () (udp-receive! s buf 3 3)) (lambda (n a p) (list n a)))
(call-with-values (lambda () (udp-receive! s buf)) (lambda (n a p) (subbytes buf 0 n)))


;; udp-receive!* once the datagram is there.
(udp-send-to c "127.0.0.1" sp #"star")
(wait-ready)
(call-with-values (lambda () (udp-receive!* s buf)) (lambda (n a p) (list n a (= p cp) (subbytes buf 0 n))))
(udp-send-to c "127.0.0.1" sp #"star2")
(wait-ready)
(call-with-values (lambda () (udp-receive!* s buf 2 4)) (lambda (n a p) (list n (subbytes buf 2 4))))
(udp-receive!* s buf)

;; udp-receive!/enable-break behaves as udp-receive! when no break comes.
(udp-send-to c "127.0.0.1" sp #"eb")
(call-with-values (lambda () (udp-receive!/enable-break s buf 0 8)) (lambda (n a p) (list n a (subbytes buf 0 n))))

;; Blocking receive blocks only its thread: others run meanwhile.
(define log '())
(define (note x) (set! log (cons x log)))
(define receiver
  (thread (lambda ()
            (define b (make-bytes 10))
            (define-values (n a p) (udp-receive! s b))
            (note (list 'received (subbytes b 0 n))))))
(define ticker
  (thread (lambda () (for ([i 3]) (note (list 'tick i)) (sleep 0.01)))))
(thread-wait ticker)
(note 'sending)
(udp-send-to c "127.0.0.1" sp #"woken")
(void (sync/timeout 2 receiver))
(reverse log)

;; Two threads blocked on one socket each get one datagram.
(define results (make-channel))
(define (receiver-thread)
  (thread (lambda ()
            (define b (make-bytes 10))
            (define-values (n a p) (udp-receive! s b))
            (channel-put results (subbytes b 0 n)))))
(void (receiver-thread) (receiver-thread))
(sleep 0.02)
(udp-send-to c "127.0.0.1" sp #"d1")
(udp-send-to c "127.0.0.1" sp #"d2")
(let ([a (sync/timeout 2 results)] [b (sync/timeout 2 results)])
  (if (equal? a #"d1") (list a b) (list b a)))

;; Receiving needs a bound socket.
(define u (udp-open-socket))
(show (lambda () (udp-receive! u buf)))
(show (lambda () (udp-receive!* u buf)))
(show (lambda () (udp-receive!/enable-break u buf)))
;; Connecting does not bind, as far as receiving is concerned.
(udp-connect! u "127.0.0.1" sp)
(show (lambda () (udp-receive!* u buf)))
;; Sending does.
(udp-send u #"bind me")
(udp-receive!* u buf)
(udp-close s)
(udp-close c)
(udp-close u)
