#lang racket/base
;; place/context: the local variables the body uses are copied to the place;
;; a value that cannot be a message is refused.
(require racket/place)
(define (go n label)
  (define xs (for/list ([i n]) (* i 10)))
  (place/context ch
    (place-channel-put ch (list label (apply + xs) n))))
(define (bad f)
  (place/context ch (f)))
(module+ main
  (define p (go 4 "sum"))
  (writeln (place-channel-get p))
  (writeln (place-wait p))
  (writeln (with-handlers ([exn:fail? exn-message]) (bad car))))
