#lang racket/base
;; Vectors: racket/base's build-vector, and racket/vector's procedures that
;; call procedures (vector-map, the sorts, vector-argmin and vector-argmax).

(provide build-vector
         (rename-out [vector-map racket/vector:vector-map]
                     [vector-sort racket/vector:vector-sort]
                     [vector-sort! racket/vector:vector-sort!]
                     [vector-argmin racket/vector:vector-argmin]
                     [vector-argmax racket/vector:vector-argmax]))

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
