#lang racket/base
;; syntax-local-value with a compile-time table describing "records":
;; a define-record form stores field info, and other macros consult it.
(require (for-syntax racket/base))

(begin-for-syntax
  (struct record-info (ctor fields accessors) #:transparent))

(define-syntax (define-record stx)
  (syntax-case stx ()
    [(_ name (field ...))
     (let ([fields (syntax->list #'(field ...))]
           [mk (lambda (fmt . args)
                 (datum->syntax #'name (string->symbol (apply format fmt args))))])
       (with-syntax ([ctor (mk "make-~a" (syntax-e #'name))]
                     [pred (mk "~a?" (syntax-e #'name))]
                     [(acc ...) (map (lambda (f) (mk "~a-~a" (syntax-e #'name) (syntax-e f))) fields)]
                     [(idx ...) (for/list ([i (in-range (length fields))]) (add1 i))])
         #'(begin
             (define (ctor field ...) (vector 'name field ...))
             (define (pred v) (and (vector? v) (eq? (vector-ref v 0) 'name)))
             (define (acc v) (vector-ref v idx)) ...
             (define-syntax name
               (record-info #'ctor '(field ...) (list #'acc ...))))))]))

(define-syntax (record-fields stx)
  (syntax-case stx ()
    [(_ name)
     (let ([info (syntax-local-value #'name (lambda () #f))])
       (unless (record-info? info)
         (raise-syntax-error #f "not a record name" stx #'name))
       #`'#,(record-info-fields info))]))

(define-syntax (record-update stx)
  (syntax-case stx ()
    [(_ name v field new)
     (let* ([info (syntax-local-value #'name)]
            [fields (record-info-fields info)])
       (with-syntax ([ctor (record-info-ctor info)]
                     [(acc ...) (record-info-accessors info)]
                     [(f ...) fields])
         #`(let ([old v])
             (ctor #,@(for/list ([fld fields] [a (record-info-accessors info)])
                        (if (eq? fld (syntax-e #'field)) #'new #`(#,a old)))))))]))

(define-record point (x y))
(define-record person (name age email))
(write (record-fields point))
(write (record-fields person))
(newline)
(define p (make-person "Ann" 41 "ann@example.com"))
(define p2 (record-update person p age 42))
(printf "~a ~a ~a ~a\n" (person-name p2) (person-age p2) (person-email p2) (person? p2))
(write (record-update point (make-point 1 2) y 20))
(newline)

(define-syntax plain-value 42)
(define-syntax (get-static stx)
  (syntax-case stx ()
    [(_ id) #`'#,(syntax-local-value #'id (lambda () 'no-value))]))
(write (list (get-static plain-value) (get-static car) (get-static nonexistent)))
(newline)
(let-syntax ([local-thing 'local-static])
  (write (get-static local-thing))
  (newline))
