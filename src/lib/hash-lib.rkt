#lang racket/base
;; racket/hash: combining hash tables key by key. The argument checks give
;; the messages of the contracts racket/hash.rkt attaches to its exports.

(provide (rename-out [hash-union racket/hash:hash-union]
                     [hash-union! racket/hash:hash-union!]
                     [hash-intersect racket/hash:hash-intersect]))

(define hash-lib-contracts
  '((hash-union "(and/c hash? immutable?)" "(and/c hash? immutable?)" "67:2")
    (hash-union! "(and/c hash? (not/c immutable?))" "void?" "74:2")
    (hash-intersect "(and/c hash? immutable?)" "(and/c hash? immutable?)" "81:2")))

;; Where racket/contract blames the caller: the program's file, or the top level.
(define (hash-lib-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

;; `expected` already holds the given value's line(s) after its own.
(define (hash-lib-contract-error who expected in-what)
  (let ([c (cdr (assq who hash-lib-contracts))])
    (raise (make-exn:fail:contract
            (format (string-append
                     "~a: contract violation\n  expected: ~a\n  in: ~a\n      (->*\n       (~a)\n"
                     "       (#:combine\n        (-> any/c any/c any/c)\n        #:combine/key\n"
                     "        (-> any/c any/c any/c any/c))\n       #:rest\n       (listof hash?)\n       ~a)\n"
                     "  contract from: <collects>/racket/hash.rkt\n  blaming: ~a\n"
                     "   (assuming the contract is correct)\n  at: <collects>/racket/hash.rkt:~a")
                    who expected in-what (car c) (cadr c) (hash-lib-blamed) (caddr c))
            (current-continuation-marks)))))

(define (hash-lib-arity-text a)
  (cond [(exact-integer? a) (format "~a argument~a" a (if (= a 1) "" "s"))]
        [(arity-at-least? a)
         (let ([n (arity-at-least-value a)]) (format "at least ~a argument~a" n (if (= n 1) "" "s")))]
        [else (format "~e" a)]))

(define (hash-lib-check who one mutable? combine combine/key rest)
  (cond [(not (hash? one))
         (hash-lib-contract-error who (format "hash?\n  given: ~e" one) "an and/c case of\n      the 1st argument of")]
        [(and mutable? (immutable? one))
         (hash-lib-contract-error who (format "(not/c immutable?)\n  given: ~e" one) "an and/c case of\n      the 1st argument of")]
        [(and (not mutable?) (not (immutable? one)))
         (hash-lib-contract-error who (format "immutable?\n  given: ~e" one) "an and/c case of\n      the 1st argument of")])
  (hash-lib-check-proc who combine 2 "#:combine")
  (hash-lib-check-proc who combine/key 3 "#:combine/key")
  (for-each (lambda (h)
              (unless (hash? h)
                (hash-lib-contract-error who (format "hash?\n  given: ~e" h) "an element of\n      the rest argument of")))
            rest))

(define (hash-lib-check-proc who f n keyword)
  (when f
    (cond [(not (procedure? f))
           (hash-lib-contract-error who (format "a procedure\n  given: ~e" f) (format "the ~a argument of" keyword))]
          [(not (and (procedure-arity-includes? f n) (null? (let-values ([(req all) (procedure-keywords f)]) req))))
           (hash-lib-contract-error
            who
            (format "a procedure that accepts ~a non-keyword arguments\n  given: ~e\n  ~a accepts: ~a"
                    n f (object-name f) (hash-lib-arity-text (procedure-arity f)))
            (format "the ~a argument of" keyword))])))

;; The key-aware combining procedure the keywords ask for.
(define (hash-lib-combiner who combine combine/key)
  (cond [combine/key combine/key]
        [combine (lambda (k a b) (combine a b))]
        [else (lambda (k a b) (error who "duplicate values for key ~e: ~e and ~e" k a b))]))

;; `into` with each entry of `from` added, combined where the key is in both.
(define (hash-lib-merge into from combine/key)
  (for/fold ([acc into]) ([(k v) (in-hash from)])
    (hash-set acc k (if (hash-has-key? acc k) (combine/key k (hash-ref acc k) v) v))))

(define (hash-union #:combine [combine #f] #:combine/key [combine/key #f] one . rest)
  (hash-lib-check 'hash-union one #f combine combine/key rest)
  (let ([f (hash-lib-combiner 'hash-union combine combine/key)]
        [empty (hash-clear one)])
    (for/fold ([acc one]) ([h (in-list rest)])
      ;; Adding the smaller table to the larger when both are the same kind.
      (if (and (immutable? h) (< (hash-count acc) (hash-count h)) (equal? empty (hash-clear h)))
          (hash-lib-merge h acc (lambda (k a b) (f k b a)))
          (hash-lib-merge acc h f)))))

(define (hash-union! #:combine [combine #f] #:combine/key [combine/key #f] one . rest)
  (hash-lib-check 'hash-union! one #t combine combine/key rest)
  (let ([f (hash-lib-combiner 'hash-union! combine combine/key)])
    (for* ([h (in-list rest)] [(k v) (in-hash h)])
      (hash-set! one k (if (hash-has-key? one k) (f k (hash-ref one k) v) v)))))

(define (hash-intersect #:combine [combine #f] #:combine/key [combine/key #f] one . rest)
  (hash-lib-check 'hash-intersect one #f combine combine/key rest)
  (let* ([f (hash-lib-combiner 'hash-intersect combine combine/key)]
         [all (cons one rest)]
         ;; The keys to try are those of the smallest table (the first of the smallest).
         [smallest (for/fold ([best one]) ([h (in-list rest)])
                     (if (< (hash-count h) (hash-count best)) h best))])
    (for/fold ([acc (hash-clear one)]) ([k (in-hash-keys smallest)])
      (if (andmap (lambda (h) (hash-has-key? h k)) all)
          (hash-set acc k (for/fold ([v (hash-ref one k)]) ([h (in-list rest)]) (f k v (hash-ref h k))))
          acc))))
