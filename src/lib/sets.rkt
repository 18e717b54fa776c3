#lang racket/base
;; racket/set's set-map, set-for-each and set->stream (the rest is in
;; prims/sets.ts), built on %set-elements.

(provide (rename-out [set-map racket/set:set-map]
                     [set-for-each racket/set:set-for-each]
                     [set->stream racket/set:set->stream]))

(define (set-map s f)
  (let loop ([l (%set-elements 'set-map s f)])
    (if (null? l) '() (let ([v (f (car l))]) (cons v (loop (cdr l)))))))

(define (set-for-each s f)
  (let loop ([l (%set-elements 'set-for-each s f)])
    (unless (null? l) (f (car l)) (loop (cdr l)))))

;; The elements as a stream, in the set's order.
(define (set->stream s)
  (let loop ([l (%set-elements 'set->stream s)])
    (if (null? l)
        %empty-stream
        (%make-do-stream (lambda () #f) (lambda () (car l)) (lambda () (loop (cdr l)))))))
