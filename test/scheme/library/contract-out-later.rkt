#lang racket/base
(require "_contract-later.rkt")
(span-length (span 2 7))
(span 1 2)
(with-handlers ([exn:fail:contract? (lambda (e) (display (exn-message e)) (newline))])
  (span -1 2))
