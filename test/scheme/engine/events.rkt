#lang racket/base
;; Event composition: wrap-evt, handle-evt, choice-evt, with alarms, threads and always/never.
(sync (wrap-evt always-evt (lambda (e) 'wrapped)))
(sync (handle-evt (alarm-evt (+ (current-inexact-milliseconds) 10)) (lambda (e) 'alarm)))
(sync (choice-evt never-evt (wrap-evt always-evt (lambda (_) 'chosen))))
(sync/timeout 0.02 (choice-evt never-evt never-evt))
(sync (wrap-evt (wrap-evt always-evt (lambda (e) 1)) (lambda (x) (+ x 1))))
(define t (thread (lambda () 5)))
(sync (handle-evt t (lambda (th) (thread? th))))
(evt? (wrap-evt always-evt void))
(with-handlers ([exn:fail? exn-message]) (wrap-evt 5 void))
(with-handlers ([exn:fail? exn-message]) (choice-evt 5))
(wrap-evt always-evt void)
(choice-evt)
