#lang racket/base
;; Number predicates and formatting written in Racket.

(provide exact-nonnegative-integer? exact-positive-integer? real->decimal-string)

(define (exact-nonnegative-integer? v) (and (exact-integer? v) (>= v 0)))

(define (exact-positive-integer? v) (and (exact-integer? v) (> v 0)))

(define (real->decimal-string n [digits 2])
  (unless (rational? n) (raise-argument-error 'real->decimal-string "rational?" n))
  (unless (exact-nonnegative-integer? digits)
    (raise-argument-error 'real->decimal-string "exact-nonnegative-integer?" digits))
  (let* ([scale (expt 10 digits)]
         [scaled (round (abs (* scale (inexact->exact n))))]
         [fraction (number->string (remainder scaled scale))])
    (string-append (if (or (negative? n) (eqv? n -0.0)) "-" "")
                   (number->string (quotient scaled scale))
                   "."
                   (if (zero? digits)
                       ""
                       (string-append (make-string (- digits (string-length fraction)) #\0) fraction)))))
