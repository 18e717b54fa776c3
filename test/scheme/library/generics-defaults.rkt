#lang racket/base
;; racket/generic: #:defaults and #:fast-defaults for built-in types,
;; #:fallbacks, #:defined-predicate and #:defined-table.
(require racket/generic)

(define-generics collection
  (size collection)
  (members collection)
  (has? collection x)
  #:fast-defaults
  ([list?
    (define (size l) (length l))
    (define (members l) l)])
  #:defaults
  ([vector?
    (define (size v) (vector-length v))
    (define (members v) (vector->list v))]
   [string?
    (define/generic generic-members members)
    (define (members s) (string->list s))
    (define (has? s c) (and (memv c (generic-members s)) #t))])
  #:fallbacks
  [(define/generic generic-members members)
   (define (has? c x) (and (member x (generic-members c)) #t))
   (define (size c) (length (generic-members c)))]
  #:defined-predicate collection-implements?
  #:defined-table collection-table)

(struct range-set (lo hi)
  #:methods gen:collection
  [(define (members r)
     (for/list ([i (in-range (range-set-lo r) (range-set-hi r))]) i))])

(for ([c (list '(1 2 3) (vector 4 5) "hey" (range-set 3 7))])
  (printf "~s: size ~a members ~s has-4 ~a\n" c (size c) (members c) (has? c 4)))
(has? "hey" #\e)
(map collection? (list '() (vector) "" (range-set 0 0) 'sym 42 (box 1)))

(collection-implements? (range-set 0 1) 'members)
(collection-implements? (range-set 0 1) 'members 'size)
(collection-implements? '(1) 'size 'members)
(collection-implements? '(1) 'has?)
(collection-implements? "s" 'members 'has?)
(collection-implements? (range-set 0 1))
(define (table->list t)
  (for/list ([m '(size members has?)]) (cons m (hash-ref t m))))
(table->list (collection-table (range-set 0 1)))
(table->list (collection-table (vector)))
(table->list (collection-table "s"))
(hash? (collection-table '()))

;; Fast defaults are tried before the structure's own methods, defaults after.
(define-generics named
  (name-of named)
  #:fast-defaults ([symbol? (define (name-of s) (symbol->string s))])
  #:defaults ([procedure? (define (name-of p) (format "proc ~a" (object-name p)))]
              [(lambda (v) #t) (define (name-of v) "anything")]))
(struct person (n)
  #:property prop:procedure (lambda (self) (person-n self))
  #:methods gen:named [(define (name-of p) (person-n p))])
(map name-of (list 'abc car (person "Ann") 42 "str"))

;; Method tables for a built-in type through defaults.
(define-generics numeric
  (double numeric)
  #:defaults ([exact-integer? (define (double n) (* 2 n))]
              [flonum? (define (double n) (* 2.0 n))]))
(list (double 21) (double 1.5))
