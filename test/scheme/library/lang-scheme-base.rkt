#lang scheme/base
(define h (make-hash))
(hash-set! h 'a 1)
(hash-ref h 'a)
(for/list ([i (in-range 3)]) (* i i))
(with-handlers ([exn:fail? exn-message]) (car 5))
