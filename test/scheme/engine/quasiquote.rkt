#lang racket/base
(define x 5)
(define lst '(1 2 3))
`(a b ,x)
`(a ,@lst b)
`(,@lst)
`(1 . ,x)
`#(1 ,x)
`(a `(b ,(c ,x)))
`(nested (deep ,(+ x 1)))
`,x
