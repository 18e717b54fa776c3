#lang racket/base
;; call/cc, call/ec, let/ec, re-entry and generators.
(+ 1 (call/cc (lambda (k) (+ 10 (k 1)))))
(call/ec (lambda (k) (for-each (lambda (x) (when (> x 2) (k x))) '(1 2 3 4)) 'none))
(let/ec out (out 'escaped) 'not-reached)
(define (re-entry)
  (define saved #f)
  (define count 0)
  (define results '())
  (let ([r (+ 100 (call/cc (lambda (k) (set! saved k) 0)))])
    (set! results (cons r results))
    (set! count (+ count 1))
    (when (< count 3) (saved count))
    (list 'results results 'count count)))
(re-entry)
;; A generator built on re-entered continuations.
(define (make-gen lst)
  (define return #f)
  (define resume-k #f)
  (define (gen)
    (call/cc
     (lambda (r)
       (set! return r)
       (if resume-k
           (resume-k 'go)
           (begin
             (for-each (lambda (x) (call/cc (lambda (next) (set! resume-k next) (return x)))) lst)
             (return 'done))))))
  gen)
(define g (make-gen '(a b c)))
(list (g) (g) (g) (g))
(call-with-values (lambda () (call/cc (lambda (k) (k 1 2 3)))) list)
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
  (let ([k (call/ec (lambda (k) k))]) (k 1)))
