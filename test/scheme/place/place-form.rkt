#lang racket/base
;; The place form: a place computing results from what it is sent, and the
;; exit codes of places that return, raise (its message goes to stderr),
;; exit, or are killed.
(require racket/place)

(define (squarer)
  (place ch
    (define xs (place-channel-get ch))
    (place-channel-put ch (for/list ([x xs]) (* x x)))
    (place-channel-put ch (apply + xs))))

(define (failing)
  (place ch (error 'worker "went wrong")))

(define (exiting)
  (place ch (exit 3)))

(define (waiting)
  (place ch (place-channel-get ch)))

(module+ main
  (define p (squarer))
  (place-channel-put p '(1 2 3 4))
  (writeln (place-channel-get p))
  (writeln (place-channel-get p))
  (writeln (place-wait p))
  (writeln (place-wait (failing)))
  (writeln (place-wait (exiting)))
  (define w (waiting))
  (writeln (sync/timeout 0 (place-dead-evt w)))
  (writeln (place-kill w))
  (writeln (place-wait w))
  (writeln (with-handlers ([exn:fail? exn-message]) (place-wait 5)))
  (writeln (with-handlers ([exn:fail? exn-message]) (place-kill 'p))))
