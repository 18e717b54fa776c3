#lang racket/base
(require "_util.rkt" (prefix-in u: "_util.rkt") (only-in racket/list first last))
(double 4)
(thrice 4)
(u:double 5)
(pt-x (pt 1 2))
(pt 1 2)
(first '(1 2 3))
(last '(1 2 3))
(module+ main (displayln "main submodule runs after the body"))
(module sub racket/base (provide z) (define z 7) (displayln "sub instantiated"))
(require 'sub)
z
