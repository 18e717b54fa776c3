#lang racket/base
;; Hash table procedures with a failure result or a procedure argument, over
;; the primitive lookups %hash-lookup and %hash-lookup-key (which answer
;; %not-found for a missing key).

(provide hash-ref hash-ref! hash-update! hash-update hash-for-each hash-map hash-ref-key
         hash-copy-clear hash-map/copy)

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

;; A missing key without a failure result is reported as Racket's hash-update does.
(define (hash-update! h k f [fail %not-found])
  (hash-set! h k (f (hash-ref h k (if (eq? fail %not-found) (lambda () (update-missing 'hash-update! k)) fail)))))

(define (hash-update h k f [fail %not-found])
  (hash-set h k (f (hash-ref h k (if (eq? fail %not-found) (lambda () (update-missing 'hash-update k)) fail)))))

(define (update-missing who k)
  (raise-mismatch-error who "no value found for key: " k))

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

;; %hash-like checks the table and #:kind and makes the empty table.
(define (hash-copy-clear table #:kind [kind #f])
  (%hash-like table kind 'hash-copy-clear))

(define (hash-map/copy table f #:kind [kind #f])
  (unless (hash? table) (raise-argument-error 'hash-map/copy "hash?" table))
  (unless (and (procedure? f) (procedure-arity-includes? f 2))
    (raise-argument-error 'hash-map/copy "(procedure-arity-includes/c 2)" f))
  (let ([acc (%hash-like table kind 'hash-map/copy)])
    (if (immutable? acc)
        (let loop ([acc acc] [entries (hash->list table)])
          (if (null? entries)
              acc
              (let-values ([(k v) (f (caar entries) (cdar entries))])
                (loop (hash-set acc k v) (cdr entries)))))
        (begin
          (for-each (lambda (p)
                      (let-values ([(k v) (f (car p) (cdr p))])
                        (hash-set! acc k v)))
                    (hash->list table))
          acc))))
