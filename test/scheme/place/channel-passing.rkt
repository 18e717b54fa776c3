#lang racket/base
;; Place channels sent to places: a place serving requests on a channel it
;; was sent, and two places talking over the two ends of one channel.
(require racket/place)
(provide doubler relay-start relay-end)

;; Receives a channel, then doubles what arrives on it until 'stop.
(define (doubler ch)
  (define q (place-channel-get ch))
  (let loop ()
    (define v (place-channel-get q))
    (unless (eq? v 'stop)
      (place-channel-put q (* 2 v))
      (loop))))

;; Sends a greeting over the end it was sent; reports the answer to its creator.
(define (relay-start ch)
  (define end (place-channel-get ch))
  (place-channel-put end "hello from one place")
  (place-channel-put ch (list 'answer (place-channel-get end))))

(define (relay-end ch)
  (define end (place-channel-get ch))
  (define greeting (place-channel-get end))
  (place-channel-put end (string-append greeting ", and back")))

(module+ main
  (define here (variable-reference->module-source (#%variable-reference)))
  (define-values (mine theirs) (place-channel))
  ;; Sent before the channel moves: it is delivered after.
  (place-channel-put mine 20)
  (define d (dynamic-place here 'doubler))
  (place-channel-put d theirs)
  (writeln (place-channel-get mine))
  (writeln (place-channel-put/get mine 21))
  (place-channel-put mine 'stop)
  (writeln (place-wait d))

  (define-values (x y) (place-channel))
  (define p1 (dynamic-place here 'relay-start))
  (define p2 (dynamic-place here 'relay-end))
  (place-channel-put p1 x)
  (place-channel-put p2 y)
  (writeln (place-channel-get p1))
  (writeln (list (place-wait p1) (place-wait p2))))
