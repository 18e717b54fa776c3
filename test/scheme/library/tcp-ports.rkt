#lang racket/base
;; racket/tcp's ports and events: output is buffered until flush-output (or
;; a full buffer, or close); file-stream-buffer-mode; a read blocks only its
;; thread; sync and sync/timeout on ports and on tcp-accept-evt;
;; tcp-accept-ready?; tcp-abandon-port; names, positions and printing.
(require racket/tcp)

(define listener (tcp-listen 0 5 #t "127.0.0.1"))
(define-values (h port rh rp) (tcp-addresses listener #t))
(println (tcp-accept-ready? listener))
(println (sync/timeout 0 (tcp-accept-evt listener)))

(define-values (ci co) (tcp-connect "127.0.0.1" port))
;; The connection is accepted by the event; its result is a list of the two ports.
(define accepted (sync/timeout 10 (tcp-accept-evt listener)))
(println accepted)
(define si (car accepted))
(define so (cadr accepted))
(println (list ci co si so))
(println (map object-name (list ci co si so)))
(println (map file-stream-port? (list ci co)))

;; Buffered: nothing arrives before flush-output.
(println (file-stream-buffer-mode co))
(write-string "buffered\n" co)
(println (sync/timeout 0.2 si))
(flush-output co)
(println (sync/timeout 10 si))
(println (read-line si))
(println (list (file-position co) (file-position si)))

;; A reader blocks only its own thread: the main thread keeps counting.
(define got (make-channel))
(define reader (thread (lambda () (channel-put got (read-line si)))))
(define ticks (for/sum ([i (in-range 5)]) (sleep 0.01) 1))
(println (list 'ticks ticks (thread-running? reader)))
(write-string "late line\n" co)
(flush-output co)
(println (channel-get got))

;; 'none sends each write at once; 'line each line.
(file-stream-buffer-mode co 'none)
(println (file-stream-buffer-mode co))
(write-string "n" co)
(println (sync/timeout 10 si))
(println (read-char si))
(file-stream-buffer-mode co 'line)
(write-string "no newline yet" co)
(println (sync/timeout 0.2 si))
(write-string "\n" co)
(println (read-line si))
(file-stream-buffer-mode co 'block)
(file-stream-buffer-mode si 'none)
(println (file-stream-buffer-mode si))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (file-stream-buffer-mode si 'line))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (file-stream-buffer-mode co 'sometimes))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (file-position si 0))

;; Closing the output port sends what is buffered, then end-of-file.
(write-string "last words" co)
(close-output-port co)
(println (read-line si))
(println (read-line si))
(println (sync/timeout 10 si))
(println (port-closed? co))
;; The other direction still works.
(write-string "reply\n" so)
(flush-output so)
(println (read-line ci))

;; tcp-abandon-port closes the port without the end-of-file while the other
;; port of the connection is open.
(define-values (ci2 co2) (tcp-connect "127.0.0.1" port))
(println (sync/timeout 10 (wrap-evt (tcp-accept-evt listener) length)))
(println (tcp-accept-ready? listener))
(define-values (ci3 co3) (tcp-connect "127.0.0.1" port))
(let loop ([n 0]) (unless (or (tcp-accept-ready? listener) (= n 1000)) (sleep 0.01) (loop (add1 n))))
(println (tcp-accept-ready? listener))
(define-values (si3 so3) (tcp-accept listener))
(write-string "abandoned" co3)
(tcp-abandon-port co3)
(println (port-closed? co3))
(println (read-bytes 9 si3))
(println (sync/timeout 0.2 si3))
;; Closing the input port too closes the connection: now the end-of-file comes.
(tcp-abandon-port ci3)
(println (read-byte si3))
(close-input-port si3)
(close-output-port so3)

;; tcp-accept/enable-break and tcp-connect/enable-break work as the plain ones.
(define acceptor (thread (lambda () (call-with-values (lambda () (tcp-accept/enable-break listener)) list))))
(define-values (ci4 co4) (tcp-connect/enable-break "127.0.0.1" port))
(define server-ports (thread-wait acceptor))
(println (tcp-port? ci4))

;; A thread blocked in tcp-accept is told when the listener closes.
(define waiter
  (thread (lambda ()
            (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
              (tcp-accept listener)
              (tcp-accept listener)
              (tcp-accept listener)))))
(sleep 0.05)
(tcp-close listener)
(thread-wait waiter)
(println (tcp-listener? listener))
