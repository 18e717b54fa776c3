#lang racket
(define k% (class object% (super-new) (define/public (f a #:b [b 2]) (list a b))))
(dynamic-send (new k%) 'f 1)
(dynamic-send (new k%) 'f 1 #:b 3)
(keyword-apply dynamic-send '(#:b) '(9) (new k%) 'f '(0))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (dynamic-send (new k%) 5))
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (dynamic-send 5 'f))
(procedure-arity dynamic-send)
