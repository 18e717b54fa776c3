#lang racket/base
;; Reference: udp-receive!/enable-break (and the other /enable-break
;; variants): a break delivered to a thread blocked in the call raises
;; exn:break in that thread; plain udp-receive! with breaks disabled keeps
;; waiting.
(require racket/udp "_util.rkt")
(define s (udp-open-socket "127.0.0.1" #f))
(udp-bind! s "127.0.0.1" 0)
(define c (udp-open-socket))

(define (break-while-blocked name body)
  (define result (make-channel))
  (define t (thread (lambda ()
                      (channel-put result
                                   (with-handlers ([exn:break? (lambda (e) (list 'exn:break (exn-message e)))]
                                                   [exn:fail? (lambda (e) (list 'fail (exn-message e)))])
                                     (body))))))
  (sleep 0.05)
  (break-thread t)
  (printf "~a: ~s\n" name (sync/timeout 2 result)))

;; Breaks disabled, then enabled only for the blocking call.
(break-while-blocked 'udp-receive!/enable-break
                     (lambda () (parameterize-break #f (udp-receive!/enable-break s (make-bytes 4)))))
;; With breaks enabled (the default), plain udp-receive! is broken too.
(break-while-blocked 'udp-receive! (lambda () (udp-receive! s (make-bytes 4))))
(break-while-blocked 'sync (lambda () (sync (udp-receive!-evt s (make-bytes 4)))))
;; Breaks disabled: the break waits until the datagram arrives and breaks are enabled again.
(define result (make-channel))
(define t (thread (lambda ()
                    (channel-put result
                                 (with-handlers ([exn:break? (lambda (e) 'broken-after)])
                                   (define n (parameterize-break #f
                                               (let-values ([(n a p) (udp-receive! s (make-bytes 4))]) n)))
                                   (channel-put result (list 'received n))
                                   (sleep 1)
                                   'not-broken)))))
(sleep 0.05)
(break-thread t)
(sync/timeout 0.1 result)
(udp-send-to c "127.0.0.1" (local-port s) #"data")
(sync/timeout 2 result)
(sync/timeout 2 result)
;; The socket still works after the breaks.
(udp-send-to c "127.0.0.1" (local-port s) #"after")
(let ([b (make-bytes 8)])
  (call-with-values (lambda () (udp-receive!/enable-break s b)) (lambda (n a p) (subbytes b 0 n))))
(udp-close s)
(udp-close c)
