#lang racket/base
;; racket/base's list procedures that call procedures or take an optional
;; comparison: member and assoc (the equal? case is a primitive), memf, remove
;; and friends, build-list and a merge sort.

(provide member assoc memf assf findf remove remq remv remove* build-list sort)

(define (check-proc who f)
  (unless (procedure? f) (raise-argument-error who "procedure?" f)))

(define (check-list who l)
  (unless (list? l) (raise-argument-error who "list?" l)))

(define (member v l [eq equal?])
  (if (eq? eq equal?)
      (%member/equal v l)
      (let loop ([l l])
        (cond [(null? l) #f]
              [(eq v (car l)) l]
              [else (loop (cdr l))]))))

(define (assoc v l [eq equal?])
  (if (eq? eq equal?)
      (%assoc/equal v l)
      (let loop ([l l])
        (cond [(null? l) #f]
              [(eq v (car (car l))) (car l)]
              [else (loop (cdr l))]))))

(define (memf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car l)) l] [else (loop (cdr l))])))

(define (assf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car (car l))) (car l)] [else (loop (cdr l))])))

(define (findf f l)
  (let loop ([l l])
    (cond [(null? l) #f] [(f (car l)) (car l)] [else (loop (cdr l))])))

(define (remove v l [eq equal?])
  (let loop ([l l])
    (cond [(null? l) '()]
          [(eq v (car l)) (cdr l)]
          [else (cons (car l) (loop (cdr l)))])))

(define (remq v l) (remove v l eq?))

(define (remv v l) (remove v l eqv?))

(define (remove* vs l [eq equal?])
  (filter (lambda (x) (not (memf (lambda (v) (eq v x)) vs))) l))

(define (build-list n f)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'build-list "exact-nonnegative-integer?" n))
  (let loop ([i 0])
    (if (= i n) '() (let ([v (f i)]) (cons v (loop (+ i 1)))))))

(define (sort lst less? #:key [key #f] #:cache-keys? [cache? #f])
  (check-list 'sort lst)
  (check-proc 'sort less?)
  (let* ([n (length lst)]
         [before? (if key (lambda (a b) (less? (key a) (key b))) less?)])
    (define (merge a b)
      (cond [(null? a) b]
            [(null? b) a]
            [(before? (car b) (car a)) (cons (car b) (merge a (cdr b)))]
            [else (cons (car a) (merge (cdr a) b))]))
    (define (msort l n)
      (if (< n 2)
          (if (= n 0) '() (list (car l)))
          (let ([h (quotient n 2)])
            (merge (msort l h) (msort (list-tail l h) (- n h))))))
    (msort lst n)))
