#lang racket
(contract-name (->*m (number?) (string?) any))
(contract-name (->*m (number?) any))
(define c% (class object% (super-new) (define/public (m a [b "x"]) (list a b))))
(define/contract d% (class/c [m (->*m (number?) (string?) pair?)]) c%)
(send (new d%) m 1)
(send (new d%) m 1 "y")
(with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (send (new d%) m 1 2))
