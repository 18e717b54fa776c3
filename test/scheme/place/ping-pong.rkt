#lang racket/base
;; dynamic-place: a place running this module's `start`, a ping-pong over
;; the place's channel, the place as an event, and its exit code.
(require racket/place)
(provide start)

(define (start ch)
  (let loop ([n 0])
    (define v (place-channel-get ch))
    (cond
      [(eq? v 'stop) (place-channel-put ch (list 'handled n))]
      [else (place-channel-put ch (list 'pong v)) (loop (add1 n))])))

(module+ main
  (define p (dynamic-place (variable-reference->module-source (#%variable-reference)) 'start))
  (writeln (list (place? p) (place-channel? p) (evt? p)))
  (for ([i 3])
    (place-channel-put p i)
    (writeln (place-channel-get p)))
  (place-channel-put p "a string")
  (writeln (sync p))
  (writeln (place-channel-put/get p 'stop))
  (writeln (place-wait p))
  (writeln (place-wait p))
  (writeln (evt? (place-dead-evt p)))
  (writeln (sync/timeout 1 (place-dead-evt p))))
