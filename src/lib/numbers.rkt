#lang racket/base
;; Number predicates and formatting written in Racket, and racket/math's
;; hyperbolic functions, angle conversions and integer predicates.

(provide exact-nonnegative-integer? exact-positive-integer? real->decimal-string
         (rename-out [sinh racket/math:sinh]
                     [cosh racket/math:cosh]
                     [tanh racket/math:tanh]
                     [degrees->radians racket/math:degrees->radians]
                     [radians->degrees racket/math:radians->degrees]
                     [pi.f racket/math:pi.f]
                     [natural? racket/math:natural?]
                     [positive-integer? racket/math:positive-integer?]
                     [negative-integer? racket/math:negative-integer?]
                     [nonpositive-integer? racket/math:nonpositive-integer?]
                     [nonnegative-integer? racket/math:nonnegative-integer?]))

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

;; ---------------------------------------------------------------- racket/math

;; pi as a single flonum where those exist; Racket CS has none, so it is pi.
(define pi.f 3.141592653589793)

(define (natural? x) (exact-nonnegative-integer? x))
(define (positive-integer? x) (and (integer? x) (positive? x)))
(define (negative-integer? x) (and (integer? x) (negative? x)))
(define (nonpositive-integer? x) (and (integer? x) (not (positive? x))))
(define (nonnegative-integer? x) (and (integer? x) (not (negative? x))))

(define (degrees->radians x)
  (unless (real? x) (raise-argument-error 'degrees->radians "real?" x))
  (* x (/ 3.141592653589793 180.0)))

(define (radians->degrees x)
  (unless (real? x) (raise-argument-error 'radians->degrees "real?" x))
  (* x (/ 180.0 3.141592653589793)))

;; Zero stays the zero it is (0, 0.0, -0.0); small arguments use a Taylor
;; series, where (e^x - e^-x)/2 would cancel.
(define (sinh z)
  (unless (number? z) (raise-argument-error 'sinh "number?" z))
  (cond
    [(= z 0) z]
    [(real? z)
     (let real-sinh ([x z])
       (cond [(< x 0) (- (real-sinh (- x)))]
             [(< x 1e-8) (exact->inexact x)]
             [(< x 0.13)
              (let ([x2 (* x x)])
                (+ x (* x x2 (+ #i1/6 (* x2 (+ #i1/120 (* x2 (+ #i1/5040 (* x2 #i1/362880)))))))))]
             [else (/ (- (exp x) (exp (- x))) 2)]))]
    [else
     (let ([r (real-part z)] [i (imag-part z)])
       (make-rectangular (* (sinh r) (cos i)) (* (cosh r) (sin i))))]))

(define (cosh z)
  (unless (number? z) (raise-argument-error 'cosh "number?" z))
  (if (and (real? z) (= z 0)) 1.0 (/ (+ (exp z) (exp (- z))) 2)))

;; Cody and Waite's rational approximation for small arguments (W. J. Cody,
;; Software Manual for the Elementary Functions), 1 beyond where tanh rounds to it.
(define (tanh z)
  (unless (number? z) (raise-argument-error 'tanh "number?" z))
  (cond
    [(= z 0) z]
    [(real? z)
     (let real-tanh ([x z])
       (cond [(< x 0) (- (real-tanh (- x)))]
             [(< x 1.29047841397589243466e-08) (exact->inexact x)]
             [(< x 0.54930614433405484570)
              (let* ([g (* x x)]
                     [r (/ (* g (+ (* (+ (* -0.96437492777225469787 g) -0.99225929672236083313e+02) g)
                                   -0.16134119023996228053e+04))
                           (+ (* (+ (* (+ g 0.11274474380534949335e+03) g) 0.22337720718962312926e+04) g)
                              0.48402357071988688686e+04))])
                (+ x (* x r)))]
             [(< x 19.06154746539849600897) (- 1 (/ 2 (+ 1 (exp (* 2 x)))))]
             [(>= x 19.06154746539849600897) 1.0]
             [else x]))]
    [(eqv? (real-part z) 0) (make-rectangular 0 (tan (imag-part z)))]
    [else (complex-tanh z)]))

;; Kahan's complex tanh: with t = tan y, b = 1 + t^2, s = sinh x and
;; r = sqrt(1 + s^2), tanh(x+iy) = (b r s + i t) / (1 + b s^2).
(define (complex-tanh z)
  (let* ([t (exact->inexact (tan (imag-part z)))]
         [b (+ 1.0 (* t t))]
         [s (exact->inexact (sinh (real-part z)))]
         [r (sqrt (+ 1.0 (* s s)))])
    (if (or (= t +inf.0) (= t -inf.0))
        (make-rectangular (/ r s) (/ 1.0 t))
        (let ([d (+ 1.0 (* b (* s s)))])
          (make-rectangular (/ (* b (* r s)) d) (/ t d))))))
