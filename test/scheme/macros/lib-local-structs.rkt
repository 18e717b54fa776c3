#lang racket/base
;; Structs defined in function bodies and let bodies, used with match and struct-copy.
(require racket/match)

(define (eval-expr e)
  (struct num (n))
  (struct add (l r))
  (struct mul (l r))
  (define (ev t)
    (match t
      [(num n) n]
      [(add l r) (+ (ev l) (ev r))]
      [(mul (num 0) _) 0]
      [(mul l r) (* (ev l) (ev r))]))
  (ev (let build ([e e])
        (match e
          [(? number?) (num e)]
          [(list '+ a b) (add (build a) (build b))]
          [(list '* a b) (mul (build a) (build b))]))))
(printf "~s\n" (eval-expr '(+ 1 (* 2 3))))
(printf "~s\n" (eval-expr '(* 0 (+ 5 5))))

;; struct-copy inside a let body
(define result
  (let ()
    (struct cfg (host port debug) #:transparent)
    (define base (cfg "localhost" 80 #f))
    (define dev (struct-copy cfg base [port 8080] [debug #t]))
    (list base dev (cfg-port dev) (cfg-host dev))))
(printf "~s\n" result)

;; struct-copy of a module-level struct inside a lambda
(struct pt (x y) #:transparent)
(define move-right (lambda (p) (struct-copy pt p [x (add1 (pt-x p))])))
(printf "~s\n" (move-right (pt 1 2)))
(printf "~s\n" (map (lambda (p) (struct-copy pt p [y 0])) (list (pt 1 2) (pt 3 4))))

;; match with a struct defined in a let, nested patterns and a sub-struct
(define (classify xs)
  (let ()
    (struct shape (name))
    (struct circle shape (r))
    (struct rect shape (w h))
    (for/list ([x xs])
      (define s (if (number? x) (circle "c" x) (rect "r" (car x) (cdr x))))
      (match s
        [(circle _ r) #:when (> r 10) 'big-circle]
        [(circle n r) (list n r)]
        [(rect n w w) (list 'square n w)]
        [(rect n w h) (list n (* w h))]))))
(printf "~s\n" (classify (list 3 20 '(2 . 2) '(2 . 5))))

;; struct-copy with a sub-struct field in a local body
(define (bump)
  (struct base (a b) #:transparent)
  (struct derived base (c) #:transparent)
  (define d (derived 1 2 3))
  (list (struct-copy base d [a 10]) (struct-copy derived d [c 30]) (struct-copy derived d [b #:parent base 20])))
(printf "~s\n" (bump))

;; match failure on a local struct
(define (f v)
  (struct box1 (v))
  (match (box1 v) [(box1 (? string? s)) s]))
(printf "~s\n" (f "ok"))
(with-handlers ([exn:misc:match? (lambda (e) (printf "no match: ~a\n" (exn:misc:match? e)))])
  (f 5))
