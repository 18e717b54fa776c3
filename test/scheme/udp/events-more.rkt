#lang racket/base
;; Reference: udp-send-ready-evt, udp-receive-ready-evt, udp-send-to-evt,
;; udp-send-evt and udp-receive!-evt with sync, sync/timeout, choice-evt,
;; handle-evt and wrap-evt: sync results (the event itself, #<void>, a list
;; of three); a send event sends only when chosen and binds the socket;
;; receiving events on unbound sockets.
(require racket/udp "_util.rkt")
(define s (udp-open-socket "127.0.0.1" #f))
(udp-bind! s "127.0.0.1" 0)
(define sp (local-port s))
(define buf (make-bytes 16))
(define (drain)
  (let loop ([got '()])
    (define r (sync/timeout 0.2 (udp-receive!-evt s buf)))
    (if r (loop (cons (subbytes buf 0 (car r)) got)) (reverse got))))

;; udp-send-to-evt: not sent when made; sent when synced; the result is void; the socket becomes bound.
(define c (udp-open-socket))
(define e1 (udp-send-to-evt c "127.0.0.1" sp #"evt" 0 3))
(evt? e1)
(udp-bound? c)
(sync/timeout 0.05 (udp-receive-ready-evt s))
(sync e1)
(udp-bound? c)
(drain)
;; Synced again, it sends again.
(void? (sync e1))
(void? (sync/timeout 1 e1))
(drain)

;; udp-receive!-evt: the result is a list (length address port).
(udp-send-to c "127.0.0.1" sp #"listed")
(let ([r (sync (udp-receive!-evt s buf 2))])
  (list (length r) (car r) (cadr r) (= (caddr r) (local-port c)) (subbytes buf 2 (+ 2 (car r)))))
;; Truncated to the range, as udp-receive!.
(udp-send-to c "127.0.0.1" sp #"0123456789")
(let ([r (sync (udp-receive!-evt s buf 0 4))]) (list (car r) (subbytes buf 0 4)))
(sync/timeout 0 (udp-receive!-evt s buf))

;; Of two send events in a choice only the chosen one sends.
(define c2 (udp-open-socket))
(void (sync (choice-evt (udp-send-to-evt c2 "127.0.0.1" sp #"A") (udp-send-to-evt c2 "127.0.0.1" sp #"B"))))
(length (drain))
;; Beside an event that is never ready, the send event is chosen.
(sync (choice-evt (udp-send-to-evt c2 "127.0.0.1" sp #"sent") (make-semaphore 0)))
(drain)

;; handle-evt and wrap-evt over UDP events.
(udp-send-to c "127.0.0.1" sp #"handled")
(sync (handle-evt (udp-receive!-evt s buf) (lambda (r) (list 'handled (subbytes buf 0 (car r))))))
(sync (wrap-evt (udp-send-to-evt c "127.0.0.1" sp #"wrapped") (lambda (v) (list 'wrapped v))))
(drain)
(let ([r (udp-receive-ready-evt s)]) (sync/timeout 0.05 (handle-evt r (lambda (v) (eq? v r)))))
(udp-send-to c "127.0.0.1" sp #"ready")
(let ([r (udp-receive-ready-evt s)]) (sync/timeout 2 (handle-evt r (lambda (v) (eq? v r)))))
(let ([w (udp-send-ready-evt c)]) (sync (handle-evt w (lambda (v) (eq? v w)))))
(drain)

;; A choice between a receive and a timeout alarm.
(sync (choice-evt (udp-receive!-evt s buf) (handle-evt (alarm-evt (+ (current-inexact-milliseconds) 50)) (lambda (_) 'timeout))))
(udp-send-to c "127.0.0.1" sp #"in time")
(let ([r (sync (choice-evt (udp-receive!-evt s buf) (handle-evt (alarm-evt (+ (current-inexact-milliseconds) 2000)) (lambda (_) 'timeout))))])
  (if (pair? r) (subbytes buf 0 (car r)) r))

;; A choice of two sockets' receive events gets the one with a datagram.
(define s2 (udp-open-socket "127.0.0.1" #f))
(udp-bind! s2 "127.0.0.1" 0)
(udp-send-to c "127.0.0.1" (local-port s2) #"to s2")
(sync/timeout 2 (choice-evt (handle-evt (udp-receive!-evt s buf) (lambda (r) 's))
                            (handle-evt (udp-receive!-evt s2 buf) (lambda (r) (list 's2 (subbytes buf 0 (car r)))))))

;; A receive event made before the datagram arrives and synced by another thread.
(define got (make-channel))
(void (thread (lambda () (channel-put got (sync (udp-receive!-evt s buf))))))
(sleep 0.02)
(udp-send-to c "127.0.0.1" sp #"later")
(let ([r (sync/timeout 2 got)]) (and r (subbytes buf 0 (car r))))

;; udp-send-evt on a connected socket; on an unconnected one syncing raises.
(define cc (udp-open-socket))
(define se (udp-send-evt cc #"conn" 1))
(show (lambda () (sync se)))
(udp-connect! cc "127.0.0.1" sp)
(sync se)
(drain)
(udp-bound? cc)
(show (lambda () (sync (udp-send-to-evt cc "127.0.0.1" sp #"x"))))

;; Receive events on an unbound socket: syncing raises; the ready event does not become ready.
(define u (udp-open-socket))
(show (lambda () (sync/timeout 0.05 (udp-receive!-evt u buf))))
(show (lambda () (sync/timeout 0.05 (udp-receive-ready-evt u))))
(let ([w (udp-send-ready-evt u)]) (eq? w (sync/timeout 0.05 w)))

;; Printed forms.
(list (udp-receive!-evt s buf) (udp-receive-ready-evt s) (udp-send-ready-evt s) (udp-send-evt cc #"x") (udp-send-to-evt c "127.0.0.1" sp #"x"))
(for-each udp-close (list s s2 c c2 cc u))
