#lang racket/base
;; A procedure made in a result position of a definition's or binding's
;; right-hand side takes the defined name (if, cond, when, and, or, case,
;; let, letrec, internal definitions, begin, begin0, parameterize); one
;; made anywhere else keeps its source-location name.
(define (coin) (zero? (random 1)))
(define by-if (if (coin) (lambda (x) x) 0))
(define by-cond (cond [(coin) (lambda (x) x)] [else 0]))
(define by-when (when (coin) (lambda (x) x)))
(define by-and (and (coin) (lambda () 1)))
(define by-or (or #f (lambda () 1)))
(define by-case (case 1 [(1) (lambda () 1)] [else 2]))
(define by-let (let ([y 1]) (lambda (x) (+ x y))))
(define by-letrec (letrec ([y 1]) (lambda (x) x)))
(define by-body (let () (define z 1) (lambda (x) z)))
(define by-begin (begin (void) (lambda (x) x)))
(define by-begin0 (begin0 (lambda (x) x) (void)))
(define by-parameterize (parameterize () (lambda (x) x)))
(define by-case-lambda (if (coin) (case-lambda [(x) x] [(x y) y]) 0))
(define by-optional (if (coin) (lambda (x [k 1]) x) 0))
(define by-keyword (if (coin) (lambda (x #:k [k 1]) x) 0))
(define-values (by-define-values) (if (coin) (lambda () 1) 2))
(for-each (lambda (p) (writeln (object-name p)))
          (list by-if by-cond by-when by-and by-or by-case by-let by-letrec by-body
                by-begin by-begin0 by-parameterize by-case-lambda by-optional by-keyword
                by-define-values))
(let ([local (if (coin) (lambda () 1) 2)]) (writeln (object-name local)))
(letrec ([rec (let () (lambda () rec))]) (writeln (object-name rec)))
;; Not result positions: a named let's body, an argument, a test.
(define by-named-let (let loop () (lambda (x) x)))
(writeln (symbol? (object-name by-named-let)))
(writeln (regexp-match? #rx"inferred-names.rkt:" (symbol->string (object-name by-named-let))))
(define in-argument (values (lambda (x) x)))
(writeln (regexp-match? #rx"inferred-names.rkt:" (symbol->string (object-name in-argument))))
(define by-inner (let ([inner (lambda () 1)]) inner))
(writeln (object-name by-inner))
;; The name shows in arity errors.
(with-handlers ([exn:fail:contract:arity? (lambda (e) (displayln (exn-message e)))])
  (by-if 1 2))
