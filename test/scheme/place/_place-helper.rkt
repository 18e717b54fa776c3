#lang racket/base
;; A module with a place form of its own, for two-modules.rkt.
(require racket/place)
(provide helper-place)
(define (helper-place) (place ch (place-channel-put ch (list 'from-helper (place-channel-get ch)))))
