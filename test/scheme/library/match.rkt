#lang racket/base
;; racket/match: every pattern kind, every form, and the failure exception.
(require racket/match)

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

;; Literals, variables, wildcards, quote.
(define (kind v)
  (match v
    [1 'one] [2.5 'two-and-a-half] ["s" 'string] [#\c 'char] [#t 'true] [#:k 'keyword]
    [#"by" 'bytes] ['sym 'symbol] ['() 'empty] ['(1 2) 'quoted-list] [_ 'other]))
(show (map kind (list 1 2.5 "s" #\c #t '#:k #"by" 'sym '() '(1 2) 1.0 "t")))

;; Lists, cons, list-rest, list*, nested.
(show (match '(1 2 3) [(list a b c) (+ a b c)]))
(show (match '(1 2 3) [(cons h t) (list h t)]))
(show (match '(1 2 3 4) [(list-rest a b r) (list a b r)]))
(show (match '(1 2 . 3) [(list* a b c) (list a b c)]))
(show (match '((1 2) (3 (4 5))) [(list (list a b) (list c (list d e))) (list a b c d e)]))
(show (match '(1 2) [(list a) 'one] [(list a b c) 'three] [(list a b) 'two]))

;; Repetition: ..., ..k, fixed parts before and after, nesting.
(show (match '(1 2 3 4 5) [(list a b ... c d) (list a b c d)]))
(show (match '(1) [(list a b ...) (list a b)]))
(show (match '(1 2) [(list a b ..2) 'at-least-two] [_ 'fewer]))
(show (match '(1 2 3) [(list a b ..2) (list a b)] [_ 'fewer]))
(show (match '((a 1) (b 2) (c 3)) [(list (list k v) ...) (list k v)]))
(show (match '((1 2 3) (4 5) ()) [(list (list x ...) ...) x]))
(show (match '(1 2 3) [(list (? odd? o) ...) o] [_ 'not-all-odd]))
(show (match '(1 3 5) [(list (? odd? o) ...) o] [_ 'not-all-odd]))
(show (match '(1 2 3) [(list x ___) x]))
(show (match 'x [(list a ...) a] [_ 'not-a-list]))
(show (match '(1 2 . 3) [(list a ...) a] [_ 'improper]))

;; Vectors and boxes.
(show (match #(1 2 3) [(vector a b c) (* a b c)]))
(show (match #(1 2 3 4) [(vector a b ...) (list a b)]))
(show (match #(1 2) [(vector a b c) 'three] [(vector a b) 'two]))
(show (match (box 7) [(box x) x]))
(show (match (mcons 1 2) [(mcons a b) (list a b)]))

;; ?, and, or, not, app, ==, var.
(show (match 5 [(? string?) 'string] [(? number? n) (* n 2)]))
(show (match 5 [(? number? (? positive?) n) n]))
(show (match '(1 2) [(and l (list a b)) (list l a b)]))
(show (match 3 [(or 1 2 3) 'small] [_ 'big]))
(show (match '(2 x) [(or (list 1 x) (list 2 x)) x]))
(show (match 4 [(not 4) 'not-four] [_ 'four]))
(show (match 5 [(not (? string?)) 'not-string]))
(show (match "hello" [(app string-length n) n]))
(show (match 10 [(app (lambda (x) (values (quotient x 3) (remainder x 3))) q r) (list q r)]))
(define target 42)
(show (match 42 [(== target) 'same] [_ 'different]))
(show (match 5 [(var v) v]))

;; A variable used twice must be equal? both times.
(show (match '(1 1) [(list a a) 'same] [_ 'different]))
(show (match '(1 2) [(list a a) 'same] [_ 'different]))
(show (match '((1 2) (1 2)) [(list a a) a] [_ 'different]))

;; Quasi-patterns.
(show (match '(1 2 3) [`(1 ,x ,y) (list x y)]))
(show (match '(1 . 2) [`(,a . ,b) (list a b)]))
(show (match '(1 2 3 4) [`(1 ,@rest) rest]))
(show (match '(k (1 2)) [`(k (,a ,b)) (+ a b)]))
(show (match '(1 2 3) [`(,xs ...) xs]))
(show (match #(1 2) [`#(,a ,b) (list a b)]))
(show (match '(a b) [`(a c) 'no] [`(a b) 'yes]))

;; Structs, with inheritance, and the struct form.
(struct point (x y) #:transparent)
(struct point3 point (z) #:transparent)
(show (match (point 1 2) [(point a b) (+ a b)]))
(show (match (point3 1 2 3) [(point3 a b c) (list a b c)]))
(show (match (point3 1 2 3) [(point a b) (list 'as-point a b)]))
(show (match (point 1 2) [(point3 a b c) 'point3] [(struct point (a b)) (list 'struct a b)]))
(show (match 5 [(point a b) 'point] [_ 'not-a-point]))

;; #:when guards fall through to the next clause.
(define (classify p)
  (match p
    [(list a b) #:when (= a b) 'equal]
    [(list a b) #:when (< a b) 'ascending]
    [(list a b) 'descending]))
(show (map classify '((1 1) (1 2) (2 1))))

;; Bodies are internal-definition contexts; clauses are tried in order.
(show (match 3 [n (define m (* n n)) (+ m 1)]))

;; Hygiene: pattern variables may have any name.
(show (match '(1 2 3) [(list loop fail v) (list loop fail v)]))
(show (let ([list? 'mine]) (match '(1 2) [(list a ...) (list list? a)])))

;; The other forms.
(show (match* (1 '(2 3)) [(a (list b c)) (+ a b c)]))
(show (match* (1 2) [(1 1) 'no] [(x y) (list x y)]))
(define first-of (match-lambda [(cons a _) a] [_ 'none]))
(show (first-of '(9 8)) (first-of 5))
(define sum-args (match-lambda* [(list a b) (+ a b)] [(list a ...) (length a)]))
(show (sum-args 1 2) (sum-args 1 2 3))
(define two-args (match-lambda** [((? number? a) (? number? b)) (+ a b)] [(a b) (list a b)]))
(show (two-args 1 2) (two-args 'x 'y))
(show (match-let ([(list a b) '(1 2)] [(vector c) #(3)]) (list a b c)))
(show (match-let* ([(list a) '(1)] [(list b) (list (+ a 1))]) (list a b)))
(show (match-let loop ([(list a b) '(1 0)]) (if (> a 100) a (loop (list (* a 3) b)))))
(match-define (list m1 (cons m2 m3)) '(1 (2 . 3)))
(show m1 m2 m3)
(match-define-values ((list d1) (vector d2)) (values '(a) #(b)))
(show d1 d2)
(define/match (fact n)
  [(0) 1]
  [(n) (* n (fact (- n 1)))])
(show (fact 10))
(define/match (describe x y)
  [((? number?) (? number?)) 'numbers]
  [(_ _) 'other])
(show (describe 1 2) (describe 1 'b))
(define/match (describe-one x) [((? string?)) (quote string)])
(define (inner)
  (match-define (list p q) '(5 6))
  (* p q))
(show (inner))

;; match in a loop, in tail position: constant space.
(define (count-odds l [n 0])
  (match l
    ['() n]
    [(cons (? odd?) rest) (count-odds rest (+ n 1))]
    [(cons _ rest) (count-odds rest n)]))
(show (count-odds (for/list ([i 100000]) i)))

;; No clause matches: exn:misc:match?, a kind of exn:fail.
(define (failure thunk)
  (with-handlers ([exn:misc:match? (lambda (e) (list (exn:fail? e) (exn-message e)))]) (thunk)))
(show (failure (lambda () (match '(1 2) [(list a) a]))))
(show (failure (lambda () (match* (1 2) [(3 4) 0]))))
(show (failure (lambda () (match* (1) [(3) 0]))))
(show (failure (lambda () ((match-lambda [1 1]) "two"))))
(show (failure (lambda () (sum-args))))
(show (failure (lambda () (match-let ([(list a) '(1 2)]) a))))
(show (failure (lambda () (describe-one 5))))
