#lang racket/base
;; guard-evt makes its event at each sync, in the syncing thread;
;; replace-evt turns a chosen event's result into the event to wait on.
(define n 0)
(define counted (guard-evt (lambda () (set! n (+ n 1)) (wrap-evt always-evt (lambda (_) n)))))
(displayln (list (sync counted) (sync counted) (sync (choice-evt never-evt counted))))

;; Guards run in order, each once per sync, also inside choice, wrap and handle.
(define (noisy name e) (guard-evt (lambda () (printf "guard ~a\n" name) e)))
(displayln (sync (choice-evt never-evt (noisy 'b (wrap-evt always-evt (lambda (_) 'from-b))))))
(displayln (sync (handle-evt (noisy 'c always-evt) (lambda (v) (list 'handled (evt? v))))))
(displayln (sync (noisy 'outer (noisy 'inner (wrap-evt always-evt (lambda (_) 'nested))))))
(displayln (sync/timeout 0.01 (noisy 'timeout never-evt)))
(displayln (sync/timeout/enable-break 0.01 (noisy 'enable-break never-evt)))
(displayln (sync/enable-break (noisy 'enable-break always-evt)))

;; The guard runs in the syncing thread.
(define who #f)
(define t (thread (lambda () (sync (guard-evt (lambda () (set! who (current-thread)) always-evt))))))
(thread-wait t)
(displayln (eq? who t))

;; replace-evt: the replacement is what the sync waits for.
(define ch (make-channel))
(void (thread (lambda () (channel-put ch 21))))
(displayln (sync (replace-evt ch (lambda (v) (wrap-evt always-evt (lambda (_) (* v 2)))))))
(define ch2 (make-channel))
(void (thread (lambda () (sleep 0.01) (channel-put ch2 'late))))
(displayln (sync (replace-evt always-evt (lambda (_) ch2))))
(displayln (sync (wrap-evt (replace-evt (wrap-evt always-evt (lambda (_) 1)) (lambda (v) (wrap-evt always-evt (lambda (_) (+ v 10))))) (lambda (v) (list 'wrapped v)))))
(displayln (sync/timeout 0.01 (replace-evt always-evt (lambda (_) never-evt))))

;; What guards and replacements that are not events stand for.
(displayln (evt? (sync (guard-evt (lambda () 5)))))
(displayln (evt? (sync (replace-evt always-evt (lambda (_) 'x)))))
(displayln (list (evt? (guard-evt void)) (evt? (replace-evt always-evt void))))

;; Errors.
(define (try thunk) (with-handlers ([exn:fail? exn-message]) (thunk)))
(displayln (try (lambda () (guard-evt 5))))
(displayln (try (lambda () (guard-evt (lambda (x) x)))))
(displayln (try (lambda () (replace-evt 1 void))))
(displayln (try (lambda () (replace-evt always-evt 1))))
(displayln (with-handlers ([symbol? (lambda (s) (list 'raised s))]) (sync (guard-evt (lambda () (raise 'from-guard))))))
