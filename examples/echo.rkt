#lang racket/base
;; A UDP echo server and a client in one program, on loopback.
;; The server thread blocks in udp-receive! and sends each datagram back;
;; the client sends a few messages and prints the replies.
(require racket/udp)

(define server (udp-open-socket "127.0.0.1" #f))
(udp-bind! server "127.0.0.1" 0)                 ; port 0: the system picks a free port
(define-values (server-host server-port) (let-values ([(host port _h _p) (udp-addresses server #t)]) (values host port)))

(define (serve)
  (define buffer (make-bytes 512))
  (let loop ()
    (define-values (n host port) (udp-receive! server buffer))
    (udp-send-to server host port (subbytes buffer 0 n))
    (loop)))
(define server-thread (thread serve))

(define client (udp-open-socket "127.0.0.1" #f))
(define reply (make-bytes 512))
(for-each
 (lambda (message)
   (udp-send-to client server-host server-port (string->bytes/utf-8 message))
   (define-values (n host port) (udp-receive! client reply))
   (printf "sent ~s, got back ~s from the server at ~a\n"
           message (bytes->string/utf-8 (subbytes reply 0 n)) (if (= port server-port) "its port" "another port")))
 '("hello" "λ-calculus" "bye"))

(kill-thread server-thread)
(udp-close server)
(udp-close client)
(displayln "done")
