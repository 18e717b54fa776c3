;; Forms that include.rkt splices in (this file is data, not a test).
(define included-x 10)
(define (included-double n) (* 2 n))
#(a vector) #&box
