#lang racket/base
;; filesystem-change-evt: ready once the watched directory changes (or the
;; event is cancelled), staying ready; its sync result is itself.

(define tmp (build-path (find-system-path 'temp-dir) (format "rkt-fs-change-~a" (current-milliseconds))))
(define tmp-text (path->string tmp))
(define-syntax-rule (try e)
  (with-handlers ([exn:fail? (lambda (x) (printf "error: ~a\n" (regexp-replace* (regexp-quote tmp-text) (exn-message x) "TMP")))])
    (let ([v e]) (unless (void? v) (println v)))))
(make-directory tmp)

(define e (filesystem-change-evt tmp))
(try (filesystem-change-evt? e))
(try e)
(try (evt? e))
(try (sync/timeout 0 e))
;; A thread waits for the change while the main thread makes it.
(define waiter (thread (lambda () (println (eq? e (sync/timeout 30 e))))))
(sleep 0.05)
(call-with-output-file (build-path tmp "x") void)
(thread-wait waiter)
(try (eq? e (sync/timeout 0 e)))
(try (filesystem-change-evt-cancel e))
(try (eq? e (sync/timeout 0 e)))

(define e2 (filesystem-change-evt (build-path tmp "x")))
(try (sync/timeout 0 e2))
(filesystem-change-evt-cancel e2)
(try (eq? e2 (sync e2)))
(try (eq? e2 (sync (choice-evt (filesystem-change-evt tmp (lambda () #f)) e2))))

(try (filesystem-change-evt (build-path tmp "nope")))
(try (filesystem-change-evt (build-path tmp "nope") (lambda () 'failed)))
(try (filesystem-change-evt 5))
(try (filesystem-change-evt tmp 5))
(try (filesystem-change-evt-cancel 5))
(try (filesystem-change-evt? 5))

(delete-file (build-path tmp "x"))
(delete-directory tmp)
