#lang typed/racket
(: f (case→ (-> Integer Integer) (-> String String)))
(define (f x) x)
(f 1)
(f "a")
(define g : (case→ (-> Integer Integer)) add1)
(g 41)
