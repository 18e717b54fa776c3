#lang racket/base
;; TCP and UDP in one process, as a small service does it: a client opens a
;; TCP control connection, the server tells it (over TCP) which UDP port to
;; report to, the client sends datagrams there, and the server acknowledges
;; each one over the control connection. Everything on 127.0.0.1, ports the
;; system picks, a bounded number of messages.
(require racket/tcp racket/udp)

(define control (tcp-listen 0 4 #t "127.0.0.1"))
(define-values (ch control-port ch2 cp2) (tcp-addresses control #t))

(define server
  (thread
   (lambda ()
     (define datagrams (udp-open-socket "127.0.0.1" #f))
     (udp-bind! datagrams "127.0.0.1" 0)
     (define-values (uh udp-port uh2 up2) (udp-addresses datagrams #t))
     (define-values (in out) (tcp-accept control))
     (write (list 'report-to udp-port) out)
     (newline out)
     (flush-output out)
     (define buffer (make-bytes 100))
     (let loop ([total 0])
       (define-values (n from-host from-port) (udp-receive! datagrams buffer))
       (define text (bytes->string/utf-8 (subbytes buffer 0 n)))
       (cond
         [(equal? text "done")
          (write (list 'total total) out)
          (newline out)
          (close-output-port out)
          (close-input-port in)
          (udp-close datagrams)]
         [else
          (define value (string->number text))
          (write (list 'ack value from-host) out)
          (newline out)
          (flush-output out)
          (loop (+ total value))])))))

(define-values (in out) (tcp-connect "127.0.0.1" control-port))
(define instruction (read in))
(println (car instruction))
(define udp-port (cadr instruction))
(define sender (udp-open-socket "127.0.0.1" udp-port))
(for ([v (in-list '(3 5 8 13))])
  (udp-send-to sender "127.0.0.1" udp-port (string->bytes/utf-8 (number->string v)))
  ;; Wait for the acknowledgement before the next datagram, so none is lost.
  (println (tcp-port? (sync/timeout 10 in)))
  (println (read in)))
(udp-send-to sender "127.0.0.1" udp-port #"done")
(println (read in))
(println (read in))
(thread-wait server)
(udp-close sender)
(close-output-port out)
(close-input-port in)
(tcp-close control)
(println 'finished)
