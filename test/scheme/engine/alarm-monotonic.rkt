#lang racket/base
;; alarm-evt's times: current-inexact-milliseconds terms, or monotonic ones with #t.
(define start (current-inexact-monotonic-milliseconds))
(define r (sync (alarm-evt (+ (current-inexact-monotonic-milliseconds) 30) #t)))
(printf "monotonic alarm fired: ~a, waited at least 25 ms: ~a\n" (evt? r) (>= (- (current-inexact-monotonic-milliseconds) start) 25))
(define start2 (current-inexact-milliseconds))
(sync (alarm-evt (+ (current-inexact-milliseconds) 30)))
(printf "wall-clock alarm waited at least 25 ms: ~a\n" (>= (- (current-inexact-milliseconds) start2) 25))
(printf "past monotonic alarm is ready: ~a\n" (and (sync/timeout 0 (alarm-evt 0 #t)) #t))
(printf "far alarm is not ready: ~a\n" (sync/timeout 0.05 (alarm-evt (+ (current-inexact-milliseconds) 1e12))))
