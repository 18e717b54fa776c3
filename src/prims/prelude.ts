// The part of the library written in Racket: procedures that call
// procedures (the hot list traversals are machine primitives instead, in
// higher-order.ts). Running on the machine, they can block, escape, capture
// continuations and be preempted like any Racket code. Names provided as
// `lib:name` go to library `lib`; the rest extend racket/base. `%name`
// refers to the runtime-internal primitive `name`.

export const PRELUDE_SOURCE = String.raw`
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
(define (build-vector n f)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'build-vector "exact-nonnegative-integer?" n))
  (let ([v (make-vector n 0)])
    (let loop ([i 0])
      (when (< i n) (vector-set! v i (f i)) (loop (+ i 1))))
    v))
(define (build-string n f) (list->string (build-list n f)))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

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
(define (hash-for-each h f)
  (for-each (lambda (p) (f (car p) (cdr p))) (hash->list h)))
(define (hash-map h f)
  (map (lambda (p) (f (car p) (cdr p))) (hash->list h)))

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

(define (exact-nonnegative-integer? v) (and (exact-integer? v) (>= v 0)))
(define (exact-positive-integer? v) (and (exact-integer? v) (> v 0)))

(define (call-with-output-string f)
  (let ([p (open-output-string)]) (f p) (get-output-string p)))
(define (with-output-to-string thunk)
  (let ([p (open-output-string)])
    (parameterize ([current-output-port p]) (thunk))
    (get-output-string p)))

(define (filter-map f l . ls)
  (filter (lambda (x) x) (apply map f l ls)))
(define (append-map f l . ls)
  (apply append (apply map f l ls)))
(define (filter-not f l) (filter (lambda (x) (not (f x))) l))
(define (partition f l)
  (let loop ([l l] [yes '()] [no '()])
    (cond [(null? l) (values (reverse yes) (reverse no))]
          [(f (car l)) (loop (cdr l) (cons (car l) yes) no)]
          [else (loop (cdr l) yes (cons (car l) no))])))
(define (count f l . ls)
  (let loop ([l (apply map f l ls)] [n 0])
    (cond [(null? l) n] [(car l) (loop (cdr l) (+ n 1))] [else (loop (cdr l) n)])))
(define (argmin f l)
  (let loop ([best (car l)] [bv (f (car l))] [l (cdr l)])
    (cond [(null? l) best]
          [(< (f (car l)) bv) (loop (car l) (f (car l)) (cdr l))]
          [else (loop best bv (cdr l))])))
(define (argmax f l)
  (let loop ([best (car l)] [bv (f (car l))] [l (cdr l)])
    (cond [(null? l) best]
          [(> (f (car l)) bv) (loop (car l) (f (car l)) (cdr l))]
          [else (loop best bv (cdr l))])))
(define (identity x) x)
(define (const v) (lambda args v))
(define (negate f) (lambda args (not (apply f args))))

(provide member assoc memf assf findf
         remove remq remv remove* build-list build-vector build-string
         hash-ref hash-ref! hash-update! hash-update hash-for-each hash-map sort
         exact-nonnegative-integer? exact-positive-integer?
         (rename-out [call-with-output-string racket/port:call-with-output-string]
                     [with-output-to-string racket/port:with-output-to-string]
                     [vector-map racket/vector:vector-map]
                     [filter-map racket/list:filter-map]
                     [append-map racket/list:append-map]
                     [filter-not racket/list:filter-not]
                     [partition racket/list:partition]
                     [count racket/list:count]
                     [argmin racket/list:argmin]
                     [argmax racket/list:argmax]
                     [identity racket/function:identity]
                     [const racket/function:const]
                     [negate racket/function:negate]))
`;
