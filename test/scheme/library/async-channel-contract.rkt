#lang racket
(require racket/async-channel)
(define c (contract (async-channel/c integer?) (make-async-channel) 'p 'n))
(async-channel-put c 1)
(async-channel-get c)
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (async-channel-put c 'x))
(contract-name (async-channel/c integer?))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (contract (async-channel/c integer?) 5 'p 'n))
