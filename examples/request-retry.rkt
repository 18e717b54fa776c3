#lang racket/base
;; A request/response client that retries. It waits for the reply with `sync`
;; over a receive event and an alarm, and sends again when the alarm wins,
;; waiting four times longer each time (exponential backoff). The server (a
;; thread in the same program) drops the first two requests.
(require racket/udp)

(define server (udp-open-socket "127.0.0.1" #f))
(udp-bind! server "127.0.0.1" 0)
(define-values (server-host server-port) (let-values ([(host port _h _p) (udp-addresses server #t)]) (values host port)))

(define server-thread
  (thread
   (lambda ()
     (define buffer (make-bytes 100))
     (let loop ([seen 0])
       (define-values (n host port) (udp-receive! server buffer))
       (define request (bytes->string/utf-8 (subbytes buffer 0 n)))
       (cond
         [(< seen 2) (printf "server: dropping ~s\n" request)]
         [else
          (printf "server: answering ~s\n" request)
          (udp-send-to server host port (string->bytes/utf-8 (string-append "re: " request)))])
       (loop (+ seen 1))))))

(define client (udp-open-socket "127.0.0.1" #f))
(define reply (make-bytes 100))

;; Sends `message` until a reply arrives, waiting `timeout-ms` the first time
;; and four times as long after each try that got no reply.
(define (request message first-timeout-ms max-tries)
  (let loop ([try 1] [timeout-ms first-timeout-ms])
    (printf "client: sending ~s (try ~a)\n" message try)
    (udp-send-to client server-host server-port (string->bytes/utf-8 message))
    (define answer
      (sync (handle-evt (udp-receive!-evt client reply)
                        (lambda (r) (bytes->string/utf-8 (subbytes reply 0 (car r)))))
            (handle-evt (alarm-evt (+ (current-inexact-milliseconds) timeout-ms))
                        (lambda (_) #f))))
    (cond
      [answer answer]
      [(< try max-tries)
       (printf "client: no reply within ~a ms\n" timeout-ms)
       (loop (+ try 1) (* 4 timeout-ms))]
      [else (error 'request "no reply to ~s after ~a tries" message try)])))

(printf "client: got ~s\n" (request "time?" 100 5))
(kill-thread server-thread)
(udp-close server)
(udp-close client)
