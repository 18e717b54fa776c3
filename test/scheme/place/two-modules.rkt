#lang racket/base
;; Place forms in a module and in one it requires: each place runs its own
;; module's body.
(require racket/place "_place-helper.rkt")
(define (own-place) (place ch (place-channel-put ch (list 'from-main (place-channel-get ch)))))
(module+ main
  (writeln (place-channel-put/get (own-place) 1))
  (writeln (place-channel-put/get (helper-place) 2)))
