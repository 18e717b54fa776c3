#lang racket/base
;; An echo server in one thread and a client in another, over 127.0.0.1 with
;; a port the system picks: lines, bytes and data go back and forth, and each
;; side sees the other's end-of-file after a half-close.
(require racket/tcp)

(define listener (tcp-listen 0 5 #t "127.0.0.1"))
(define-values (listen-host port remote-host remote-port) (tcp-addresses listener #t))
(println (list listen-host (listen-port-number? port) remote-host remote-port))

;; The server echoes each line back, upcased marker first, until end-of-file;
;; then it closes its output so the client sees end-of-file too.
(define served (make-channel))
(define server
  (thread
   (lambda ()
     (define-values (in out) (tcp-accept listener))
     (let loop ([count 0])
       (define line (read-line in))
       (cond
         [(eof-object? line)
          (close-output-port out)
          (close-input-port in)
          (channel-put served count)]
         [else
          (write-string (string-append "echo: " line "\n") out)
          (flush-output out)
          (loop (add1 count))])))))

(define-values (in out) (tcp-connect "127.0.0.1" port))
(println (list (tcp-port? in) (tcp-port? out) (input-port? in) (output-port? out)))
(for ([i (in-range 5)])
  (fprintf out "line ~a\n" i)
  (flush-output out)
  (println (read-line in)))

;; Many lines written before one flush arrive in order.
(for ([i (in-range 100)]) (fprintf out "bulk ~a\n" i))
(flush-output out)
(define bulk (for/list ([i (in-range 100)]) (read-line in)))
(println (list (length bulk) (car bulk) (list-ref bulk 99)))

;; Bytes that are not text.
(write-bytes (bytes 0 1 2 255 10) out)
(flush-output out)
(println (read-bytes-line in))

;; More than the output buffer holds goes out without a flush.
(define big (make-string 10000 #\x))
(write-string big out)
(write-string "\n" out)
(flush-output out)
(define echoed (read-line in))
(println (list (string-length echoed) (substring echoed 0 8)))

;; Half-close: the server reads end-of-file, answers with its count, and closes.
(close-output-port out)
(println (port-closed? out))
(println (channel-get served))
(println (read-line in))
(println (eof-object? (read-byte in)))
(close-input-port in)
(println (thread-wait server))

;; write and read of data over a fresh connection.
(define reader
  (thread
   (lambda ()
     (define-values (sin sout) (tcp-accept listener))
     (define v (read sin))
     (write (list 'got v) sout)
     (newline sout)
     (close-output-port sout)
     (close-input-port sin))))
(define-values (in2 out2) (tcp-connect "127.0.0.1" port))
(write '(hello "world" #(1 2.5) #\a) out2)
(flush-output out2)
(println (read in2))
(println (read in2))
(close-output-port out2)
(close-input-port in2)
(thread-wait reader)
(tcp-close listener)
(println (tcp-listener? listener))
