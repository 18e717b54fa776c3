#lang racket/base
;; Old-style define-struct (make-NAME constructor), plus `null`.
(define-struct posn (x y))
(define p (make-posn 1 2))
(printf "~s ~s ~s ~s\n" (posn? p) (posn-x p) (posn-y p) (posn? 'no))

;; mutable fields and a super struct written (define-struct (child parent) ...)
(define-struct account (owner [balance #:mutable]))
(define-struct (savings account) (rate))
(define a (make-savings "ann" 100 5))
(set-account-balance! a (+ (account-balance a) (savings-rate a)))
(printf "~a ~a ~a ~s\n" (account-owner a) (account-balance a) (savings-rate a)
        (list (account? a) (savings? a) (savings? (make-account "bob" 1))))

;; #:transparent prints its fields; opaque ones do not
(define-struct tpt (a b) #:transparent)
(define-struct opq (a))
(printf "~s\n" (make-tpt 1 '(2)))
(printf "~a\n" (regexp-match? #rx"^#<opq>$" (format "~s" (make-opq 1))))
(printf "~s\n" (equal? (make-tpt 1 2) (make-tpt 1 2)))

;; define-struct in an internal-definition context
(define (build n)
  (define-struct node (val next))
  (let loop ([i n] [acc null])
    (if (zero? i)
        (let walk ([x acc] [out null])
          (if (null? x) (reverse out) (walk (node-next x) (cons (node-val x) out))))
        (loop (sub1 i) (make-node i acc)))))
(printf "~s\n" (build 4))

;; null
(printf "~s ~s ~s ~s\n" null (null? null) (eq? null '()) (cons 1 null))
(define (sum xs) (if (eq? xs null) 0 (+ (car xs) (sum (cdr xs)))))
(printf "~s\n" (sum (list 1 2 3)))

;; the struct name is bound to struct info, usable with match-less code
(printf "~s\n" (struct? p))
(printf "~s\n" (procedure? make-posn))
(printf "~s\n" (object-name make-posn))

;; contract errors from generated procedures
(with-handlers ([exn:fail:contract? (lambda (e) (printf "error: ~a\n" (car (regexp-split #rx"\n" (exn-message e)))))])
  (posn-x 5))
(with-handlers ([exn:fail:contract:arity? (lambda (e) (printf "arity: ~a\n" (car (regexp-split #rx"\n" (exn-message e)))))])
  (make-posn 1))
