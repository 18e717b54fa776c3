#lang racket/base
;; Complex numbers: reading, printing, construction, parts, arithmetic,
;; elementary functions, equality and hashing, and bad arguments.

(define-syntax-rule (show e ...)
  (begin
    (with-handlers ([exn:fail? (lambda (x) (printf "~s => ~a\n" 'e (exn-message x)))])
      (printf "~s => ~s\n" 'e e))
    ...))

;; reading and printing
(show 1+2i -i +i 1.5-0.5i 1@0 1.0@0 1+2.0i 1.0+0i 1+0.0i -0.0-1.0i #i1+2i 1/2+3/4i #e1.5+2i
      +inf.0i -nan.0i +inf.0+nan.0i #x1+ai #b101+11i #o7-7i 1@2 #e1@2)
(show (string->number "1+2i") (string->number "1@0.0") (string->number "1e400i") (string->number "0.0i")
      (string->number "a+bi" 16) (string->number "#e1.5+2.5i") (string->number "1+2") (string->number "1+i+i"))
(for-each (lambda (v) (write v) (display " ") (display v) (display " ") (print v) (newline))
          (list 1+2i 1.0+2.0i 0+1i -1/2-3/4i (list 1+2i 'a) (vector 2.5-1.0i)))
(show (number->string 1+2i 2) (number->string -1/2-3/4i 8) (number->string 1/2+3i 16) (number->string 1.5+inf.0i)
      (number->string 1.0+2.0i 16))

;; construction and parts
(show (make-rectangular 1 2) (make-rectangular 1 2.0) (make-rectangular 1.0 0) (make-rectangular 1 0.0)
      (make-polar 1 0) (make-polar 2.0 0) (make-polar 0 1) (make-polar 0.0 1) (make-polar 2 1)
      (real-part 1+2i) (imag-part 1+2i) (real-part 1.0+2.0i) (imag-part 1.0) (imag-part 3) (real-part 5)
      (magnitude 3+4i) (magnitude -5) (magnitude 3.0+4.0i) (magnitude 1+i) (magnitude 1/2+1/2i)
      (angle +i) (angle -1+i) (angle 1.0+1.0i) (angle -1-i) (angle 3+4i) (angle -1) (angle 0.0+0.0i) (angle 0)
      (- 1+i 1+i))

;; predicates
(show (number? 1+i) (complex? 1+2i) (real? 1+2i) (real? 1.0+0.0i) (rational? 1+i) (integer? 1.0+0.0i)
      (exact? 1+2i) (exact? 1.0+2.0i) (inexact? 1.0+2.0i) (exact-integer? 1+2i) (zero? 0.0+0.0i) (zero? 0+0.0i) (zero? 1+i))

;; arithmetic
(show (+ 1+2i 1.0) (+ 1/2+i 1/2-i) (+ 1.0+1.0i 1-i) (+ 0.0 +i) (- 1+i) (- 1+i 1+i) (- 1.0+1.0i 1.0+1.0i) (- 0+1.0i)
      (* 1.0 +i) (* 2 1+i) (* 1+i 1.0+1.0i) (* +i 1.0+1.0i) (* 2.0 1.0+1.0i) (* 1.0+1.0i 0) (* +inf.0 +i) (* 1+2i 3-4i)
      (/ 1+2i 3+4i) (/ 1 1+i) (/ 1.0 1+i) (/ 1+i 2) (/ 1+i 2.0) (/ 2 0.0+1.0i) (/ 1+i 1.0+1.0i) (/ 1+2i 0.0)
      (/ 1.0+2.0i 0.0+1.0i) (/ 1.0+2.0i 2.0+0.0i) (/ 1+2i 0) (/ 1.0+2.0i 0)
      (add1 1+i) (sub1 1.0+i) (= 1+2i 1.0+2.0i) (= 1.0+0.0i 1) (= 1+i 1+i 1+i) (= 1 1.0+0.0i 2)
      (exact->inexact 1+2i) (exact->inexact 1/3+1/7i) (inexact->exact 1.5+2.5i) (inexact->exact 0.5-0.25i)
      (inexact->exact +inf.0+1.0i))

;; roots, powers, exponentials and logarithms
(show (sqrt -4) (sqrt -4.0) (sqrt -2) (sqrt +i) (sqrt -1/4) (sqrt 3+4i) (sqrt -3-4i) (sqrt 1.0+1.0i)
      (sqrt -1.0-0.0i) (sqrt 0.0-4.0i) (sqrt -0.0) (sqrt +inf.0+inf.0i)
      (expt -1 1/2) (expt -1 0.5) (expt -8 1/3) (expt -4 1/2) (expt -4.0 1/2) (expt -1/4 1/2) (expt -2 0.5)
      (expt 1+i 2) (expt 1+i 2.0) (expt 2 1+i) (expt 1+i 1+i) (expt 0 1+i) (expt 0.0 1+i) (expt +i 3)
      (expt 1+i -2) (expt 1+2i 10) (expt 1/2+1/3i -3) (expt 1+i 1/2) (expt -2.0 +inf.0) (expt 0 -1+i) (expt 0 0.0+1.0i)
      (exp +i) (exp 1.0+0.0i) (exp 1+i) (exp +inf.0+inf.0i)
      (log -1) (log -1.0) (log +i) (log 3+4i) (log -3.0-4.0i) (log 0.0+1.0i) (log 1+i 2) (log 2 -1) (log 1 -1) (log -2 1))

;; trigonometry
(show (sin +i) (sin 1+i) (cos 1+i) (tan 1+i) (sin 1.0+0.0i) (asin 2) (acos 2) (asin 2.0) (acos -2) (acos 2.0)
      (asin 1+i) (acos 1+i) (atan 1+i) (atan +i) (atan -i))

;; equality and hashing
(show (eqv? 1+2i 1.0+2.0i) (eqv? 1.0+0.0i 1.0-0.0i) (eqv? 1.0+2.0i 1.0+2.0i) (equal? 1+2i 1+2i)
      (hash-ref (hash 1+2i 'a) 1+2i #f) (hash-ref (hasheqv 1.0+2.0i 'b) 1.0+2.0i #f) (hash-ref (hash 1+2i 'a) 1.0+2.0i #f)
      (= (equal-hash-code 1+2i) (equal-hash-code (make-rectangular 1 2))) (eqv? (exact->inexact 1+2i) 1.0+2.0i))

;; bad arguments
(show (< 1+i 2) (> 2 1.0+1.0i) (abs 1+i) (max 1+i 2) (floor 1+i) (positive? 1+i) (even? 1+i) (atan 1+i 1) (atan 1 1+i)
      (real-part 'a) (imag-part "s") (magnitude 'a) (angle 'x) (make-rectangular 'a 1) (make-rectangular 1 'b)
      (make-rectangular 1+i 2) (make-polar 1+i 2) (make-polar 1 'b) (exact? 'a) (inexact->exact 'a) (exp 'a) (sqrt 'x)
      (expt 'x 1) (log 'x) (log 1 'x) (number->string 'x) (quotient 1+i 2) (numerator 1+i))
