#lang racket/base
;; Composable continuations: applying one adds its frames to the current continuation.
(define (k-twice)
  (call-with-continuation-prompt
   (lambda () (+ 10 (call-with-composable-continuation (lambda (k) (k (k 1))))))))
(k-twice)
(+ 1 (call-with-continuation-prompt
      (lambda () (* 2 (call-with-composable-continuation (lambda (k) (+ 100 (k 5))))))))
(define saved #f)
(call-with-continuation-prompt
 (lambda () (list 'a (call-with-composable-continuation (lambda (k) (set! saved k) 'first)))))
(saved 'second)
(cons 'outer (saved 'third))
;; shift and reset, over the default prompt
(define-syntax-rule (reset e) (call-with-continuation-prompt (lambda () e)))
(define-syntax-rule (shift k e)
  (call-with-composable-continuation
   (lambda (k) (abort-current-continuation (default-continuation-prompt-tag) (lambda () e)))))
(reset (+ 1 (shift k (k (k 10)))))
(reset (list 1 (shift k (map k '(a b c)))))
(define (yield-all lst)
  (reset (begin (for-each (lambda (x) (shift k (cons x (k (void))))) lst) '())))
(yield-all '(1 2 3))
(continuation? saved)
