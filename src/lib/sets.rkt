#lang racket/base
;; racket/set's set-map and set-for-each (the rest is in prims/sets.ts), built
;; on %set-elements.

(provide (rename-out [set-map racket/set:set-map]
                     [set-for-each racket/set:set-for-each]))

(define (set-map s f)
  (let loop ([l (%set-elements 'set-map s f)])
    (if (null? l) '() (let ([v (f (car l))]) (cons v (loop (cdr l)))))))

(define (set-for-each s f)
  (let loop ([l (%set-elements 'set-for-each s f)])
    (unless (null? l) (f (car l)) (loop (cdr l)))))
