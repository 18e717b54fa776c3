#lang racket/base
;; Reference: udp-close (discards unreceived datagrams; wakes threads blocked
;; on the socket; closing twice raises exn:fail:network) and every operation
;; on a closed socket (exn:fail:network), udp-bound?/udp-connected? after
;; closing.
(require racket/udp "_util.rkt")
(define (bound-socket)
  (define s (udp-open-socket "127.0.0.1" #f))
  (udp-bind! s "127.0.0.1" 0)
  s)
(define c (udp-open-socket))
(define buf (make-bytes 10))

;; Unreceived datagrams are discarded: after closing, nothing is received.
(define s (bound-socket))
(udp-send-to c "127.0.0.1" (local-port s) #"unread")
(and (sync/timeout 2 (udp-receive-ready-evt s)) #t)
(udp-close s)
(show (lambda () (udp-receive!* s buf)))
(show (lambda () (udp-receive! s buf)))
buf

;; A thread blocked in udp-receive! wakes up with the closed error.
(define (blocked-then-closed who receive-in-thread)
  (define s (bound-socket))
  (define result (make-channel))
  (void (thread (lambda ()
                  (channel-put result
                               (with-handlers ([exn? (lambda (e) (list (kind-of e) (exn-message e)))])
                                 (receive-in-thread s))))))
  (sleep 0.05)
  (udp-close s)
  (printf "~a: ~s\n" who (sync/timeout 2 result)))
(blocked-then-closed 'udp-receive! (lambda (s) (udp-receive! s (make-bytes 4))))
(blocked-then-closed 'udp-receive!/enable-break (lambda (s) (udp-receive!/enable-break s (make-bytes 4))))
(blocked-then-closed 'udp-receive!-evt (lambda (s) (sync (udp-receive!-evt s (make-bytes 4)))))
(blocked-then-closed 'udp-receive-ready-evt
                     (lambda (s) (let ([e (udp-receive-ready-evt s)]) (eq? (sync e) e))))
(blocked-then-closed 'sync/timeout (lambda (s) (list (sync/timeout 5 (udp-receive!-evt s (make-bytes 4))))))

;; Closing twice.
(show (lambda () (udp-close s)))

;; Everything on a closed socket (a bound and connected one).
(define k (bound-socket))
(udp-connect! k "127.0.0.1" (local-port k))
(udp-close k)
(udp-bound? k)
(udp-connected? k)
(udp? k)
(show (lambda () (udp-bind! k #f 0)))
(show (lambda () (udp-connect! k "127.0.0.1" 9)))
(show (lambda () (udp-connect! k #f #f)))
(show (lambda () (udp-send k #"x")))
(show (lambda () (udp-send* k #"x")))
(show (lambda () (udp-send/enable-break k #"x")))
(show (lambda () (udp-send-to k "127.0.0.1" 9 #"x")))
(show (lambda () (udp-receive! k buf)))
(show (lambda () (udp-receive!* k buf)))
(show (lambda () (udp-receive!/enable-break k buf)))
(show (lambda () (udp-addresses k)))
(show (lambda () (udp-addresses k #t)))
(show (lambda () (udp-close k)))
(show (lambda () (udp-ttl k)))
(show (lambda () (udp-set-ttl! k 1)))
(show (lambda () (udp-multicast-ttl k)))
(show (lambda () (udp-multicast-set-ttl! k 1)))
(show (lambda () (udp-multicast-loopback? k)))
(show (lambda () (udp-multicast-set-loopback! k #t)))
(show (lambda () (udp-multicast-interface k)))
(show (lambda () (udp-multicast-set-interface! k #f)))
(show (lambda () (udp-multicast-join-group! k "239.255.0.1" #f)))
(show (lambda () (udp-multicast-leave-group! k "239.255.0.1" #f)))
;; Events can still be made; syncing the send events raises, the ready events are ready.
(show (lambda () (udp-send-evt k #"x")))
(show (lambda () (udp-send-to-evt k "127.0.0.1" 9 #"x")))
(show (lambda () (udp-receive!-evt k buf)))
(show (lambda () (sync (udp-send-evt k #"x"))))
(show (lambda () (sync (udp-send-to-evt k "127.0.0.1" 9 #"x"))))
(show (lambda () (sync/timeout 1 (udp-receive!-evt k buf))))
(show (lambda () (let ([e (udp-send-ready-evt k)]) (eq? e (sync/timeout 1 e)))))
(show (lambda () (let ([e (udp-receive-ready-evt k)]) (eq? e (sync/timeout 1 e)))))

;; A socket closed before it was ever bound or connected.
(define n (udp-open-socket))
(udp-close n)
(udp-bound? n)
(udp-connected? n)
(show (lambda () (udp-receive!* n buf)))
(show (lambda () (udp-send-to n "127.0.0.1" 9 #"x")))
(udp-close c)
