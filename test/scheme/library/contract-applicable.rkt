#lang racket
;; Flat contracts are procedures: their first-order test.
(define string-or-number? (or/c string? number?))
(string-or-number? "a")
(string-or-number? 'a)
(filter (listof integer?) '((1 2) (a) ()))
(map (between/c 1 3) '(0 2 4))
((flat-rec-contract tree (or/c null? (cons/c integer? tree))) '(1 2 3))
(define even-odd
  (flat-murec-contract ([even1 (or/c null? (cons/c number? odd1))]
                        [odd1 (cons/c number? even1)])
    even1))
(list (even-odd '(1 2)) (even-odd '(1)))
(list (procedure? (listof integer?)) (procedure? (-> integer? integer?)) (procedure? (vectorof integer?)))
(procedure-arity (one-of/c 1 2))
(procedure-arity-includes? (=/c 1) 1)
((symbols 'a 'b) 'b)
