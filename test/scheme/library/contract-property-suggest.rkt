#lang racket
(define c (property/c length (=/c 2)))
c
(flat-contract? c)
(contract c '(1 2) 'pos 'neg)
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (contract c '(1 2 3) 'pos 'neg))
(define c2 (property/c vector-length (>/c 0) #:name 'non-empty))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (contract c2 (vector) 'pos 'neg))
(property/c car integer? #:name "x")
(struct pt (x y) #:guard (struct-guard/c integer? string?))
(pt 1 "a")
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (pt "a" "b"))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (pt 1 2))
(procedure? (struct-guard/c integer?))
(define s (suggest/c integer? "hint" "try a number"))
s
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (contract s "x" 'pos 'neg))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) (contract (-> s s) (lambda (x) x) 'pos 'neg))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))]) ((contract (-> s s) (lambda (x) x) 'pos 'neg) 'a))
