#lang racket/base
;; Re-entering a module-level definition through a continuation is an error:
;; the variable is a constant. The handler around the jump is not in the
;; re-entered continuation, so the error is uncaught.
(define k #f)
(define n 0)
(define x (+ 1 (call/cc (lambda (c) (set! k c) 1))))
(set! n (+ n 1))
(displayln (list x n))
(with-handlers ([(lambda (e) #t) (lambda (e) (displayln 'not-here))])
  (when (< n 2) (k 5)))
(displayln 'not-reached)
