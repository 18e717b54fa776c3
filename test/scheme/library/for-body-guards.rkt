#lang racket/base
;; #:break and #:final among the body forms of the for family (each starts
;; a nested definition context), literal counts as sequences, and loops
;; over ten million numbers finishing promptly.
(for/list ([i 5]) #:break (= i 2) i)
(for/list ([i 5] #:break (= i 3)) i)
(for/sum ([i 10]) #:final (= i 3) i)
(for ([i 3]) (display i) #:break (= i 1) (display "!"))
(newline)
(for/list ([i 3]) (define j (* i i)) #:break (> j 3) j)
(for/fold ([acc 0]) ([i 10]) #:break (> acc 10) (+ acc i))
(for/first ([i 10]) #:break (> i 5) (* i i))
(for/last ([i 10]) #:final (= i 4) i)
(for/and ([i 5]) #:break (= i 3) (< i 10))
(for/hash ([i 4]) #:final (= i 1) (values i (* i 10)))
(for/lists (a b) ([i 5]) #:break (= i 2) (values i (- i)))
(for*/list ([i 3] [j 3]) #:break (= (+ i j) 3) (list i j))
(for/fold ([acc '()]) ([i 5]) (define sq (* i i)) #:final (> sq 8) (cons sq acc))
(let ([n 0]) (for ([i 10000000]) (set! n (+ n 1))) n)
(for/fold ([s 0]) ([i 10000000]) (+ s i))
(for/sum ([i (in-range 10 0 -2)]) i)
(values 'one)
(call-with-values (lambda () (values 1)) list)
