// The part of the library written in Racket: procedures that call
// procedures. Running on the machine, they can block, escape, capture
// continuations and be preempted like any Racket code. Names provided as
// `lib:name` go to library `lib`; the rest extend racket/base. `%name`
// refers to the runtime-internal primitive `name`.

export const PRELUDE_SOURCE = String.raw`
(define (check-proc who f)
  (unless (procedure? f) (raise-argument-error who "procedure?" f)))
(define (check-list who l)
  (unless (list? l) (raise-argument-error who "list?" l)))
(define (check-same-lengths who f l ls)
  (let ([n (length l)])
    (for-each1 (lambda (x)
                 (unless (= (length x) n)
                   (raise-arguments-error who "all lists must have same size"
                                          "first list length" n
                                          "other list length" (length x)
                                          "procedure" f)))
               ls)))
(define (for-each1 f l)
  (if (null? l) (void) (begin (f (car l)) (for-each1 f (cdr l)))))
(define (cars ls) (if (null? ls) '() (cons (car (car ls)) (cars (cdr ls)))))
(define (cdrs ls) (if (null? ls) '() (cons (cdr (car ls)) (cdrs (cdr ls)))))

(define map
  (case-lambda
    [(f l)
     (check-proc 'map f)
     (check-list 'map l)
     (let loop ([l l])
       (if (null? l) '() (let ([v (f (car l))]) (cons v (loop (cdr l))))))]
    [(f l . ls)
     (check-proc 'map f)
     (check-list 'map l)
     (for-each1 (lambda (x) (check-list 'map x)) ls)
     (check-same-lengths 'map f l ls)
     (let loop ([ls (cons l ls)])
       (if (null? (car ls)) '()
           (let ([v (apply f (cars ls))]) (cons v (loop (cdrs ls))))))]))

(define for-each
  (case-lambda
    [(f l)
     (check-proc 'for-each f)
     (check-list 'for-each l)
     (let loop ([l l])
       (if (null? l) (void) (begin (f (car l)) (loop (cdr l)))))]
    [(f l . ls)
     (check-proc 'for-each f)
     (check-list 'for-each l)
     (for-each1 (lambda (x) (check-list 'for-each x)) ls)
     (check-same-lengths 'for-each f l ls)
     (let loop ([ls (cons l ls)])
       (if (null? (car ls)) (void)
           (begin (apply f (cars ls)) (loop (cdrs ls)))))]))

(define andmap
  (case-lambda
    [(f l)
     (check-proc 'andmap f)
     (check-list 'andmap l)
     (let loop ([l l])
       (cond [(null? l) #t]
             [(null? (cdr l)) (f (car l))]
             [else (and (f (car l)) (loop (cdr l)))]))]
    [(f l . ls)
     (check-proc 'andmap f)
     (let loop ([ls (cons l ls)])
       (cond [(null? (car ls)) #t]
             [(null? (cdr (car ls))) (apply f (cars ls))]
             [else (and (apply f (cars ls)) (loop (cdrs ls)))]))]))

(define ormap
  (case-lambda
    [(f l)
     (check-proc 'ormap f)
     (check-list 'ormap l)
     (let loop ([l l])
       (cond [(null? l) #f]
             [(null? (cdr l)) (f (car l))]
             [else (or (f (car l)) (loop (cdr l)))]))]
    [(f l . ls)
     (check-proc 'ormap f)
     (let loop ([ls (cons l ls)])
       (cond [(null? (car ls)) #f]
             [(null? (cdr (car ls))) (apply f (cars ls))]
             [else (or (apply f (cars ls)) (loop (cdrs ls)))]))]))

(define (filter f l)
  (check-proc 'filter f)
  (check-list 'filter l)
  (let loop ([l l])
    (cond [(null? l) '()]
          [(f (car l)) (cons (car l) (loop (cdr l)))]
          [else (loop (cdr l))])))

(define foldl
  (case-lambda
    [(f init l)
     (check-proc 'foldl f)
     (check-list 'foldl l)
     (let loop ([acc init] [l l])
       (if (null? l) acc (loop (f (car l) acc) (cdr l))))]
    [(f init l . ls)
     (check-proc 'foldl f)
     (check-same-lengths 'foldl f l ls)
     (let loop ([acc init] [ls (cons l ls)])
       (if (null? (car ls)) acc
           (loop (apply f (append (cars ls) (list acc))) (cdrs ls))))]))

(define foldr
  (case-lambda
    [(f init l)
     (check-proc 'foldr f)
     (check-list 'foldr l)
     (let loop ([l l])
       (if (null? l) init (f (car l) (loop (cdr l)))))]
    [(f init l . ls)
     (check-proc 'foldr f)
     (check-same-lengths 'foldr f l ls)
     (let loop ([ls (cons l ls)])
       (if (null? (car ls)) init
           (apply f (append (cars ls) (list (loop (cdrs ls)))))))]))

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
(define (build-vector n f) (list->vector (build-list n f)))
(define (build-string n f) (list->string (build-list n f)))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))
(define (vector-for-each f v . vs)
  (apply for-each f (vector->list v) (map vector->list vs)))

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
(define (thunk? f) (and (procedure? f) (procedure-arity-includes? f 0)))

(provide map for-each andmap ormap filter foldl foldr member assoc memf assf findf
         remove remq remv build-list build-vector build-string vector-map vector-for-each
         hash-ref hash-ref! hash-update! hash-update hash-for-each hash-map sort
         exact-nonnegative-integer? exact-positive-integer?
         call-with-output-string with-output-to-string
         (rename-out [remove* racket/list:remove*]
                     [filter-map racket/list:filter-map]
                     [append-map racket/list:append-map]
                     [filter-not racket/list:filter-not]
                     [partition racket/list:partition]
                     [count racket/list:count]
                     [argmin racket/list:argmin]
                     [argmax racket/list:argmax]
                     [identity racket/function:identity]
                     [const racket/function:const]
                     [negate racket/function:negate]
                     [thunk? racket/function:thunk?]))
`;
