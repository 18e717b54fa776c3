#lang racket/base
;; Escape continuations applied inside Racket code that the runtime runs
;; from JS (custom writers, reader macros): the jump leaves that code and
;; its dynamic-wind post thunks run on the way out.

(struct loud (tag)
  #:methods gen:custom-write
  [(define (write-proc v port mode)
     (dynamic-wind
      (lambda () (display "<" port))
      (lambda () (escape (list 'left-writer (loud-tag v))))
      (lambda () (set! trail (cons 'post trail)))))])
(define escape #f)
(define (with-output-to-string thunk)
  (let ([o (open-output-string)])
    (parameterize ([current-output-port o]) (thunk))
    (get-output-string o)))
(define trail '())

(writeln (let/ec k (set! escape k) (format "~a" (loud 1))))
(writeln trail)
(writeln (let/ec k (set! escape k) (with-output-to-string (lambda () (write (list 1 (loud 2)))))))
(writeln (call-with-values (lambda () (let/ec k (set! escape (lambda (v) (k v 'second))) (format "~s" (loud 3)))) list))
;; An escape continuation whose frame is gone is still an error
(define stale (let/ec k k))
(with-handlers ([exn:fail:contract:continuation? (lambda (e) (displayln (exn-message e)))])
  (set! escape stale)
  (format "~a" (loud 4)))
