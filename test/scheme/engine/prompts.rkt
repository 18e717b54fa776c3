#lang racket/base
;; Continuation prompts: prompt tags, call-with-continuation-prompt with
;; handlers and arguments, abort-current-continuation (the default handler
;; calls the thunk it is given), dynamic-wind on the way out, immediate
;; continuation marks, and the errors.
(define tag (make-continuation-prompt-tag 'mine))
tag
(default-continuation-prompt-tag)
(make-continuation-prompt-tag)
(continuation-prompt-tag? tag)
(call-with-continuation-prompt (lambda () (+ 1 (abort-current-continuation tag 10 20))) tag (lambda (a b) (list 'aborted a b)))
(call-with-continuation-prompt (lambda (x y) (+ x y)) tag #f 3 4)
(call-with-continuation-prompt (lambda () (abort-current-continuation tag (lambda () 'thunked))) tag)
(+ 1 (call-with-continuation-prompt (lambda () (+ 10 (abort-current-continuation (default-continuation-prompt-tag) (lambda () 5))))))
(list (continuation-prompt-available? tag) (call-with-continuation-prompt (lambda () (continuation-prompt-available? tag)) tag))
(define out '())
(call-with-continuation-prompt
 (lambda () (dynamic-wind (lambda () (set! out (cons 'in out))) (lambda () (abort-current-continuation tag 'x)) (lambda () (set! out (cons 'out out)))))
 tag (lambda (v) (set! out (cons v out))))
(reverse out)
(with-continuation-mark 'k 1 (call-with-immediate-continuation-mark 'k (lambda (v) v)))
(with-continuation-mark 'k 1 (list (call-with-immediate-continuation-mark 'k (lambda (v) v) 'none)))
(call-with-continuation-barrier (lambda () 42))
(with-handlers ([exn:fail? exn-message]) (abort-current-continuation tag 1))
(with-handlers ([exn:fail? exn-message]) (abort-current-continuation 5 1))
(with-handlers ([exn:fail? exn-message]) (call-with-continuation-prompt 5))
(let ([k #f])
  (define n (call-with-continuation-prompt (lambda () (+ 1 (call/cc (lambda (c) (set! k c) 1) tag))) tag))
  n)
