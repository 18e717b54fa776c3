#lang racket/base
;; Lengths of new strings, byte strings and vectors: the contracts each
;; maker names, and lengths no machine can allocate, which raise
;; exn:fail:out-of-memory rather than failing in the host.
(require racket/flonum racket/fixnum)
(define (show thunk)
  (with-handlers ([exn:fail:out-of-memory? (lambda (e) (printf "out-of-memory: ~a\n" (exn-message e)))]
                  [exn:fail:contract? (lambda (e) (printf "contract: ~a\n" (exn-message e)))])
    (println (thunk))))
(define huge (expt 2 70))
(show (lambda () (make-string huge)))
(show (lambda () (make-string huge #\a)))
(show (lambda () (make-bytes huge)))
(show (lambda () (make-vector huge 0)))
(show (lambda () (make-flvector huge)))
(show (lambda () (make-fxvector huge)))
(show (lambda () (make-string -1)))
(show (lambda () (make-string 2.0)))
(show (lambda () (make-bytes -1)))
(show (lambda () (make-vector 1.0)))
(show (lambda () (make-flvector 'x)))
(show (lambda () (make-fxvector -3)))
(show (lambda () (list (make-string 3 #\z) (make-bytes 2 7) (make-vector 2 'v) (flvector-length (make-flvector 4)))))
