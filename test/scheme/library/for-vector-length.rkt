#lang racket/base
;; for/vector and for*/vector with #:length and #:fill: the vector is made
;; at its length and the iteration stops once it is full.
(for/vector #:length 5 ([i 3]) i)
(for/vector #:length 2 ([i 5]) i)
(for/vector #:length 4 #:fill 'x ([i 2]) i)
(for/vector #:length 3 ([i 0]) i)
(for*/vector #:length 4 ([i 2] [j 3]) (list i j))
(for/vector #:length 0 ([i 3]) (error "not run"))
(let ([n 0]) (for/vector #:length 2 ([i 10]) (set! n (add1 n)) i) n)
(for/vector #:length 3 #:fill #f ([i 3] #:when (odd? i)) i)
(with-handlers ([exn:fail? exn-message]) (for/vector #:length -1 ([i 2]) i))
