#lang racket/base
;; hash-map and hash-for-each with try-order? sort orderable keys as Racket CS
;; does: uninterned symbols, then unreadable ones, then interned ones; strings
;; by code point (an astral character after every BMP one).
(define syms (hash (string->uninterned-symbol "b") 1 'a 2 (string->unreadable-symbol "c") 3 'd 4))
(println (hash-map syms (lambda (k v) v) #t))
(println (hash-map (hash "\U1F600" 1 "\uFFFF" 2 "a" 3) (lambda (k v) v) #t))
(hash-for-each (hash 2 'b 1 'a #\c 'c #t 't "s" 's #"b" 'bytes '#:k 'kw) (lambda (k v) (println v)) #t)
(println (hash-map (hash 1.5 'x 1 'y -2 'z 'q 'w) (lambda (k v) v) #t))
