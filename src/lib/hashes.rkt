#lang racket/base
;; Hash table procedures with a failure result or a procedure argument, over
;; the primitive lookups %hash-lookup and %hash-lookup-key (which answer
;; %not-found for a missing key).

(provide hash-ref hash-ref! hash-update! hash-update hash-for-each hash-map hash-ref-key)

(define (hash-ref h k [fail %not-found])
  (let ([v (%hash-lookup h k)])
    (cond [(not (eq? v %not-found)) v]
          [(eq? fail %not-found)
           (raise-arguments-error 'hash-ref "no value found for key" "key" k)]
          [(procedure? fail) (fail)]
          [else fail])))

(define (hash-ref! h k v)
  (let ([r (%hash-lookup h k)])
    (if (eq? r %not-found)
        (let ([nv (if (procedure? v) (v) v)]) (hash-set! h k nv) nv)
        r)))

(define (hash-update! h k f [fail %not-found])
  (hash-set! h k (f (if (eq? fail %not-found) (hash-ref h k) (hash-ref h k fail)))))

(define (hash-update h k f [fail %not-found])
  (hash-set h k (f (if (eq? fail %not-found) (hash-ref h k) (hash-ref h k fail)))))

(define (hash-for-each h f [try-order? #f])
  (for-each (lambda (p) (f (car p) (cdr p))) (hash->list h try-order?)))

(define (hash-map h f [try-order? #f])
  (map (lambda (p) (f (car p) (cdr p))) (hash->list h try-order?)))

(define (hash-ref-key h k [fail %not-found])
  (let ([v (%hash-lookup-key h k)])
    (cond [(not (eq? v %not-found)) v]
          [(eq? fail %not-found)
           (raise-arguments-error 'hash-ref-key "hash does not contain key" "key" k)]
          [(procedure? fail) (fail)]
          [else fail])))
