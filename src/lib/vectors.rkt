#lang racket/base
;; Vectors: racket/base's build-vector, and racket/vector's procedures that
;; call procedures (vector-map, the sorts, vector-argmin and vector-argmax).

(provide build-vector
         (rename-out [vector-map racket/vector:vector-map]
                     [vector-sort racket/vector:vector-sort]
                     [vector-sort! racket/vector:vector-sort!]
                     [vector-argmin racket/vector:vector-argmin]
                     [vector-argmax racket/vector:vector-argmax]
                     [vector-append racket/vector:vector-append]
                     [vector-take racket/vector:vector-take]
                     [vector-take-right racket/vector:vector-take-right]
                     [vector-drop racket/vector:vector-drop]
                     [vector-drop-right racket/vector:vector-drop-right]
                     [vector-split-at racket/vector:vector-split-at]
                     [vector-split-at-right racket/vector:vector-split-at-right]
                     [vector-filter racket/vector:vector-filter]
                     [vector-filter-not racket/vector:vector-filter-not]
                     [vector-count racket/vector:vector-count]
                     [vector-map! racket/vector:vector-map!]
                     [vector-set*! racket/vector:vector-set*!]
                     [vector-empty? racket/vector:vector-empty?]))

(define (build-vector n f)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'build-vector "exact-nonnegative-integer?" n))
  (let ([v (make-vector n 0)])
    (let loop ([i 0])
      (when (< i n) (vector-set! v i (f i)) (loop (+ i 1))))
    v))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

(define (vector-slice v start end)
  (build-list (- end start) (lambda (i) (vector-ref v (+ start i)))))

(define (vector-sort v less? [start 0] [end #f] #:key [key #f] #:cache-keys? [cache? #f])
  (unless (vector? v) (raise-argument-error 'vector-sort "vector?" v))
  (unless (and (procedure? less?) (procedure-arity-includes? less? 2))
    (raise-argument-error 'vector-sort "(any/c any/c . -> . any/c)" less?))
  (let ([end (%check-vector-range 'vector-sort v start end)])
    (list->vector (sort (vector-slice v start end) less? #:key key))))

(define (vector-sort! v less? [start 0] [end #f] #:key [key #f] #:cache-keys? [cache? #f])
  (unless (and (vector? v) (not (immutable? v)))
    (raise-argument-error 'vector-sort! "(and/c vector? (not/c immutable?))" v))
  (unless (and (procedure? less?) (procedure-arity-includes? less? 2))
    (raise-argument-error 'vector-sort! "(any/c any/c . -> . any/c)" less?))
  (let ([end (%check-vector-range 'vector-sort! v start end)])
    (vector-copy! v start (list->vector (sort (vector-slice v start end) less? #:key key)))))

(define (vector-extremum less? who f v)
  (unless (and (procedure? f) (procedure-arity-includes? f 1))
    (raise-argument-error who "(any/c . -> . real?)" f))
  (unless (and (vector? v) (positive? (vector-length v)))
    (raise-argument-error who "(and/c vector? (lambda (v) (positive? (vector-length v))))" v))
  (let ([score (lambda (x) (let ([r (f x)]) (unless (real? r) (raise-result-error who "real?" r)) r))])
    (let loop ([i 1] [best (vector-ref v 0)] [best-score (score (vector-ref v 0))])
      (if (= i (vector-length v))
          best
          (let* ([x (vector-ref v i)] [s (score x)])
            (if (less? s best-score) (loop (add1 i) x s) (loop (add1 i) best best-score)))))))

(define (vector-argmin f v) (vector-extremum < 'vector-argmin f v))

(define (vector-argmax f v) (vector-extremum > 'vector-argmax f v))

(define (vector-empty? v)
  (unless (vector? v) (raise-argument-error 'vector-empty? "vector?" v))
  (zero? (vector-length v)))

(define (vector-set*! v . pairs)
  (unless (even? (length pairs))
    (error 'vector-set*! "expected an even number of association elements, but received an odd number: ~e" pairs))
  (let loop ([pairs pairs])
    (unless (null? pairs)
      (vector-set! v (car pairs) (cadr pairs))
      (loop (cddr pairs)))))

;; A fresh mutable vector of `n` elements of `v` from `start`.
(define (subvector v start n)
  (let ([out (make-vector n)])
    (vector-copy! out 0 v start (+ start n))
    out))

(define (vector-append . vs)
  (for ([v (in-list vs)] [i (in-naturals)])
    (unless (vector? v) (apply raise-argument-error 'vector-append "vector?" i vs)))
  (let ([out (make-vector (apply + (map vector-length vs)))])
    (let loop ([vs vs] [at 0])
      (unless (null? vs)
        (vector-copy! out at (car vs))
        (loop (cdr vs) (+ at (vector-length (car vs))))))
    out))

;; The count argument of vector-take and friends: within the vector's length.
(define (check-count who v n)
  (unless (vector? v) (raise-argument-error who "vector?" v))
  (unless (exact-nonnegative-integer? n) (raise-argument-error who "exact-nonnegative-integer?" n))
  (unless (<= n (vector-length v)) (raise-range-error who "vector" "" n v 0 (vector-length v))))

(define (vector-take v n) (check-count 'vector-take v n) (subvector v 0 n))

(define (vector-drop v n) (check-count 'vector-drop v n) (subvector v n (- (vector-length v) n)))

(define (vector-take-right v n) (check-count 'vector-take-right v n) (subvector v (- (vector-length v) n) n))

(define (vector-drop-right v n) (check-count 'vector-drop-right v n) (subvector v 0 (- (vector-length v) n)))

(define (vector-split-at v n)
  (check-count 'vector-split-at v n)
  (values (subvector v 0 n) (subvector v n (- (vector-length v) n))))

(define (vector-split-at-right v n)
  (check-count 'vector-split-at-right v n)
  (let ([k (- (vector-length v) n)]) (values (subvector v 0 k) (subvector v k n))))

(define (vector-filter-with who keep? f v)
  (unless (and (procedure? f) (procedure-arity-includes? f 1)) (raise-argument-error who "(any/c . -> . any/c)" f))
  (unless (vector? v) (raise-argument-error 'in-vector "vector" v))
  (list->vector (for/list ([x (in-vector v)] #:when (keep? (f x))) x)))

(define (vector-filter f v) (vector-filter-with 'vector-filter values f v))

(define (vector-filter-not f v) (vector-filter-with 'vector-filter-not not f v))

;; The vectors of vector-count and vector-map!, all of one length.
(define (same-length who vs)
  (let ([n (vector-length (car vs))])
    (for ([v (in-list (cdr vs))])
      (unless (= (vector-length v) n) (error who "all vectors must have same size")))
    n))

(define (vector-count f v . vs)
  (unless (procedure? f) (raise-argument-error 'vector-count "procedure?" f))
  (for ([x (in-list (cons v vs))] [i (in-naturals 1)])
    (unless (vector? x) (apply raise-argument-error 'vector-count "vector?" i f v vs)))
  (let ([n (same-length 'vector-count (cons v vs))])
    (for/sum ([i (in-range n)])
      (if (apply f (vector-ref v i) (map (lambda (w) (vector-ref w i)) vs)) 1 0))))

(define (vector-map! f v . vs)
  (unless (procedure? f) (raise-argument-error 'vector-map! "procedure?" f))
  (unless (and (vector? v) (not (immutable? v)))
    (apply raise-argument-error 'vector-map! "(and/c vector? (not/c immutable?))" 1 f v vs))
  (for ([x (in-list vs)] [i (in-naturals 2)])
    (unless (vector? x) (apply raise-argument-error 'vector-map! "vector?" i f v vs)))
  (let ([n (same-length 'vector-map! (cons v vs))])
    (for ([i (in-range n)])
      (vector-set! v i (apply f (vector-ref v i) (map (lambda (w) (vector-ref w i)) vs))))
    v))
