#lang racket/base
;; make-known-char-range-list: Racket 8.7's Unicode 14.0 ranges, exactly.
(define l (make-known-char-range-list))
(length l)
(for/sum ([r l]) (+ (car r) (cadr r) (if (caddr r) 1 0)))
(for/list ([r l] [i 12]) r)
(list-tail l (- (length l) 8))
(for/and ([r l]) (and (list? r) (= 3 (length r)) (<= (car r) (cadr r)) (boolean? (caddr r))))
(assoc 19968 l)
(equal? l (make-known-char-range-list))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (make-known-char-range-list 1))
