#lang racket/base
;; place-break: the place's main thread gets a break; place locations and processor-count.
(require racket/place)
(define (looper)
  (place ch
    (with-handlers ([exn:break? (lambda (e) (place-channel-put ch 'broken) (exit 4))])
      (place-channel-put ch 'ready)
      (let loop () (sleep 0.01) (loop)))))
(struct loc () #:property prop:place-location (lambda args #f))
(module+ main
  (define p (looper))
  (writeln (place-channel-get p))
  (place-break p)
  (writeln (place-channel-get p))
  (writeln (place-wait p))
  (writeln (list (place-location? (loc)) (place-location? 5) (exact-positive-integer? (processor-count)))))
