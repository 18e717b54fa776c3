#lang racket/base
;; Procedures on procedures: compose and compose1, time-apply, and
;; racket/function's identity, const, negate, curry and curryr, conjoin
;; and disjoin, and its arity comparisons.

(provide compose compose1 time-apply
         (rename-out [identity racket/function:identity]
                     [const racket/function:const]
                     [negate racket/function:negate]
                     [curry racket/function:curry]
                     [curryr racket/function:curryr]
                     [conjoin racket/function:conjoin]
                     [disjoin racket/function:disjoin]
                     [arity-includes? racket/function:arity-includes?]
                     [arity=? racket/function:arity=?]))

;; The result of compose takes what the last procedure takes (one argument
;; when that procedure takes one).
(define (compose-procedures who fs single?)
  (let loop ([l fs] [i 0])
    (unless (null? l)
      (unless (procedure? (car l)) (apply raise-argument-error who "procedure?" i fs))
      (loop (cdr l) (add1 i))))
  (if (null? fs)
      values
      (let* ([rfs (reverse fs)]
             [first (car rfs)]
             [rest (cdr rfs)]
             ;; applies the remaining procedures, last to first, to the results of the first call
             [finish (if single?
                         (lambda (thunk)
                           (let loop ([fs rest] [v (thunk)])
                             (if (null? fs) v (loop (cdr fs) ((car fs) v)))))
                         (lambda (thunk)
                           (let loop ([fs rest] [thunk thunk])
                             (if (null? fs)
                                 (thunk)
                                 (loop (cdr fs)
                                       (let ([f (car fs)])
                                         (lambda () (call-with-values thunk f))))))))])
        (cond [(null? rest) first]
              [(equal? (procedure-arity first) 1)
               (let ([composed (lambda (x) (finish (lambda () (first x))))]) composed)]
              [else
               (let ([composed (lambda args (finish (lambda () (apply first args))))]) composed)]))))

(define (compose . fs) (compose-procedures 'compose fs #f))

(define (compose1 . fs) (compose-procedures 'compose1 fs #t))

(define (time-apply f args)
  (let* ([cpu (current-process-milliseconds)]
         [real (current-inexact-milliseconds)]
         [gc (current-gc-milliseconds)]
         [results (call-with-values (lambda () (apply f args)) list)])
    (values results
            (- (current-process-milliseconds) cpu)
            (inexact->exact (round (- (current-inexact-milliseconds) real)))
            (- (current-gc-milliseconds) gc))))

(define (identity x) x)

(define (const v) (lambda args v))

(define (negate f) (lambda args (not (apply f args))))

;; ---------------------------------------------------------------- racket/function

;; The most arguments a procedure of arity `mask` takes: +inf.0 for no limit, #f for none.
(define (arity-mask-max mask)
  (cond [(eqv? mask 0) #f]
        [(negative? mask) +inf.0]
        [else (sub1 (integer-length mask))]))

;; The arity mask of what is left of `mask` once `n` arguments are given.
(define (mask-after mask n)
  (if (negative? mask) -1 (sub1 (arithmetic-shift 1 (- (integer-length mask) n)))))

;; curry and curryr: `f` applied once enough arguments have come, in one call or several;
;; `right?` puts later arguments before earlier ones.
(define (curry-procedure who right? f)
  (unless (procedure? f) (raise-argument-error who "procedure?" f))
  (define name (let ([n (object-name f)])
                 (if (symbol? n) (string->symbol (string-append "curried:" (symbol->string n))) 'curried)))
  (define mask (procedure-arity-mask f))
  (define most (arity-mask-max mask))
  (define-values (required-kws allowed-kws) (procedure-keywords f))
  (define (combine so-far new) (if right? (append new so-far) (append so-far new)))
  (cond
    [(null? allowed-kws)
     (define (curried so-far)
       (procedure-reduce-arity-mask
        (lambda args
          (let ([all (combine so-far args)])
            (if (procedure-arity-includes? f (length all)) (apply f all) (curried all))))
        (mask-after mask (length so-far))
        name))
     (procedure-reduce-arity-mask
      (lambda args (if (= (length args) most) (apply f args) (curried args)))
      (mask-after mask 0)
      name)]
    [else
     (define (add-keywords so-far kws vals)
       (for/fold ([h so-far]) ([k (in-list kws)] [v (in-list vals)])
         (when (hash-has-key? h k)
           (raise-arguments-error name "duplicate keyword for procedure"
                                  "keyword" k "first value" (hash-ref h k) "second value" v))
         (hash-set h k v)))
     (define (ready-or-curried args kw-args)
       (if (and (procedure-arity-includes? f (length args) #t)
                (andmap (lambda (k) (hash-has-key? kw-args k)) required-kws))
           (let ([sorted (sort (hash->list kw-args) keyword<? #:key car)])
             (keyword-apply f (map car sorted) (map cdr sorted) args))
           (curried args kw-args)))
     (define (curried args kw-args)
       (procedure-reduce-keyword-arity-mask
        (make-keyword-procedure
         (lambda (kws vals . more) (ready-or-curried (combine args more) (add-keywords kw-args kws vals)))
         (lambda more (ready-or-curried (combine args more) kw-args)))
        (mask-after mask (length args))
        '()
        (and allowed-kws (filter (lambda (k) (not (hash-has-key? kw-args k))) allowed-kws))
        name))
     (procedure-reduce-keyword-arity-mask
      (make-keyword-procedure
       (lambda (kws vals . args)
         (if (and (= (length args) most) allowed-kws (= (length kws) (length allowed-kws)))
             (keyword-apply f kws vals args)
             (curried args (add-keywords #hasheq() kws vals))))
       (lambda args (curried args #hasheq())))
      (mask-after mask 0)
      '()
      allowed-kws
      name)]))

;; (curry f arg ...): with arguments, the curried procedure applied to them at once;
;; keywords given to curry itself go to the curried procedure the same way.
(define (curry-plain f . args)
  (let ([c (curry-procedure 'curry #f f)]) (if (null? args) c (apply c args))))
(define (curry-keywords kws vals f . args)
  (keyword-apply (curry-procedure 'curry #f f) kws vals args))
(define curry
  (%any-keyword-procedure (procedure-rename curry-keywords 'curry)
                          (procedure-reduce-arity (procedure-rename curry-plain 'curry) (make-arity-at-least 1))))

(define (curryr-plain f . args)
  (let ([c (curry-procedure 'curryr #t f)]) (if (null? args) c (apply c args))))
(define (curryr-keywords kws vals f . args)
  (keyword-apply (curry-procedure 'curryr #t f) kws vals args))
(define curryr
  (%any-keyword-procedure (procedure-rename curryr-keywords 'curryr)
                          (procedure-reduce-arity (procedure-rename curryr-plain 'curryr) (make-arity-at-least 1))))

(define (check-procedures who fs)
  (for ([f (in-list fs)]) (unless (procedure? f) (raise-argument-error who "procedure?" f))))

;; (conjoin f ...): #t with no procedures, else #f at the first false result or the last result.
(define (conjoin . fs)
  (check-procedures 'conjoin fs)
  (procedure-rename
         (make-keyword-procedure
          (lambda (kws vals . args)
            (let loop ([fs fs] [last #t])
              (if (null? fs) last (let ([v (keyword-apply (car fs) kws vals args)]) (and v (loop (cdr fs) v))))))
          (lambda args
            (let loop ([fs fs] [last #t])
              (if (null? fs) last (let ([v (apply (car fs) args)]) (and v (loop (cdr fs) v)))))))
   'conjoined))

;; (disjoin f ...): #f with no procedures, else the first true result.
;; (Racket 8.7 reports a bad argument to disjoin under conjoin's name; so does this.)
(define (disjoin . fs)
  (check-procedures 'conjoin fs)
  (procedure-rename
         (make-keyword-procedure
          (lambda (kws vals . args)
            (let loop ([fs fs]) (and (pair? fs) (or (keyword-apply (car fs) kws vals args) (loop (cdr fs))))))
          (lambda args
            (let loop ([fs fs]) (and (pair? fs) (or (apply (car fs) args) (loop (cdr fs)))))))
   'disjoined))

(define (arity-includes? a b)
  (unless (procedure-arity? a) (raise-argument-error 'arity-includes? "procedure-arity?" 0 a b))
  (unless (procedure-arity? b) (raise-argument-error 'arity-includes? "procedure-arity?" 1 a b))
  (let ([ma (arity->mask a)] [mb (arity->mask b)])
    (= (bitwise-and ma mb) mb)))

(define (arity=? a b)
  (unless (procedure-arity? a) (raise-argument-error 'arity=? "procedure-arity?" 0 a b))
  (unless (procedure-arity? b) (raise-argument-error 'arity=? "procedure-arity?" 1 a b))
  (= (arity->mask a) (arity->mask b)))

;; The arity mask of a procedure arity: bit n for n arguments, negative for "n or more".
(define (arity->mask a)
  (cond [(exact-nonnegative-integer? a) (arithmetic-shift 1 a)]
        [(arity-at-least? a) (- (arithmetic-shift 1 (arity-at-least-value a)))]
        [else (for/fold ([m 0]) ([x (in-list a)]) (bitwise-ior m (arity->mask x)))]))
