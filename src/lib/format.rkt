#lang racket/base
;; racket/format's ~r: a rational number as text, in positional or exponential
;; notation, any base from 2 to 36, with sign indicators, digit groups and
;; padding. Exact arithmetic throughout, so the digits are those of Racket 8.7.

(provide (rename-out [~r racket/format:~r]))

(define (~r x
            #:sign [sign #f]
            #:base [base 10]
            #:precision [precision 6]
            #:notation [notation 'positional]
            #:format-exponent [format-exponent #f]
            #:min-width [min-width 1]
            #:pad-string [pad-string " "]
            #:groups [groups '(3)]
            #:group-sep [group-sep ""]
            #:decimal-sep [decimal-sep "."])
  (unless (rational? x) (raise-argument-error '~r "rational?" x))
  (r-check-options sign base precision notation format-exponent min-width pad-string groups group-sep decimal-sep)
  (let* ([style (if (procedure? notation) (notation x) notation)]
         [radix (if (pair? base) (cadr base) base)]
         [upper? (and (pair? base) (eq? (car base) 'up))]
         [exactly? (pair? precision)]
         [places (if (pair? precision) (cadr precision) precision)]
         [magnitude (abs x)])
    (unless (memq style '(positional exponential))
      (raise-argument-error '~r "(or/c (quote positional) (quote exponential))" style))
    (let ([digits (if (eq? style 'positional)
                      (r-positional magnitude radix upper? places exactly? groups group-sep decimal-sep)
                      (r-exponential magnitude radix upper? places exactly? format-exponent decimal-sep))]
          [signs (r-sign-parts x sign)])
      (string-append (car signs)
                     (r-pad-left digits min-width pad-string)
                     (cdr signs)))))

(define (r-check-options sign base precision notation format-exponent min-width pad-string groups group-sep decimal-sep)
  (define (indicator? v)
    (or (string? v) (and (list? v) (= (length v) 2) (string? (car v)) (string? (cadr v)))))
  (define (radix? v) (and (exact-integer? v) (<= 2 v 36)))
  (unless (or (memq sign '(#f + ++ parens))
              (and (list? sign) (= (length sign) 3) (andmap indicator? sign)))
    (raise-argument-error
     '~r
     "(or/c #f (quote +) (quote ++) (quote parens) (list/c (or/c string? (list/c string? string?)) (or/c string? (list/c string? string?)) (or/c string? (list/c string? string?))))"
     sign))
  (unless (or (radix? base)
              (and (list? base) (= (length base) 2) (eq? (car base) 'up) (radix? (cadr base))))
    (raise-argument-error '~r "(or/c (integer-in 2 36) (list/c (quote up) (integer-in 2 36)))" base))
  (unless (or (exact-nonnegative-integer? precision)
              (and (list? precision) (= (length precision) 2) (eq? (car precision) '=)
                   (exact-nonnegative-integer? (cadr precision))))
    (raise-argument-error '~r "(or/c natural? (list/c (quote =) natural?))" precision))
  (unless (or (memq notation '(positional exponential)) (procedure? notation))
    (raise-argument-error '~r "a procedure" notation))
  (unless (or (not format-exponent) (string? format-exponent) (procedure? format-exponent))
    (raise-argument-error '~r "a procedure" format-exponent))
  (unless (exact-positive-integer? min-width)
    (raise-argument-error '~r "exact-positive-integer?" min-width))
  (unless (and (string? pad-string) (positive? (string-length pad-string)))
    (raise-argument-error '~r "non-empty-string?" pad-string))
  (unless (and (pair? groups) (list? groups))
    (raise-argument-error '~r "(and/c list? pair?)" groups))
  (unless (andmap exact-positive-integer? groups)
    (raise-argument-error '~r "exact-positive-integer?" (let find ([g groups])
                                                          (if (exact-positive-integer? (car g)) (find (cdr g)) (car g)))))
  (unless (string? group-sep) (raise-argument-error '~r "string?" group-sep))
  (unless (string? decimal-sep) (raise-argument-error '~r "string?" decimal-sep)))

;; Rounds a nonnegative real half up, keeping its exactness.
(define (r-round-half-up v)
  (if (integer? v) v (truncate (+ v 1/2))))

;; The digits of the exact nonnegative integer n in radix (2..36).
(define (r-digits n radix upper?)
  (cond [(memv radix '(2 8 10 16))
         (let ([s (number->string n radix)])
           (if upper? (string-upcase s) s))]
        [(zero? n) "0"]
        [else
         (let loop ([n n] [acc '()])
           (if (zero? n)
               (list->string acc)
               (let-values ([(q d) (quotient/remainder n radix)])
                 (loop q (cons (integer->char (cond [(< d 10) (+ d 48)]
                                                    [upper? (+ d 55)]
                                                    [else (+ d 87)]))
                               acc)))))]))

;; Inserts sep between digit groups, counted from the right; the last size of
;; groups is the rightmost group's, the first size repeats to the left.
(define (r-group text groups sep)
  (if (string=? sep "")
      text
      (let loop ([rest (reverse (string->list text))] [sizes (reverse groups)] [used 0] [out '()])
        (cond [(null? rest) (list->string out)]
              [(= used (car sizes))
               (loop rest (if (null? (cdr sizes)) sizes (cdr sizes)) 0 (append (string->list sep) out))]
              [else (loop (cdr rest) sizes (add1 used) (cons (car rest) out))]))))

(define (r-positional magnitude radix upper? places exactly? groups group-sep decimal-sep)
  (let* ([whole0 (inexact->exact (floor magnitude))]
         [scale (expt radix places)]
         [frac0 (inexact->exact (r-round-half-up (* (- magnitude whole0) scale)))]
         [carry? (>= frac0 scale)]
         [whole (if carry? (add1 whole0) whole0)]
         [frac (if carry? 0 frac0)]
         [whole-text (if (zero? whole) "0" (r-group (r-digits whole radix upper?) groups group-sep))])
    (define (padded n width)
      (let ([s (r-digits n radix upper?)])
        (string-append (make-string (max 0 (- width (string-length s))) #\0) s)))
    (cond [exactly? (string-append whole-text decimal-sep (if (zero? places) "" (padded frac places)))]
          [(zero? frac) whole-text]
          [else
           ;; drop the fraction's trailing zeros
           (let loop ([n frac] [width places])
             (let-values ([(q d) (quotient/remainder n radix)])
               (if (zero? d)
                   (loop q (sub1 width))
                   (string-append whole-text decimal-sep (padded n width)))))])))

(define (r-exponent-text exponent format-exponent radix)
  (if (procedure? format-exponent)
      (format-exponent exponent)
      (let ([digits (number->string (abs exponent))])
        (string-append (cond [(string? format-exponent) format-exponent]
                             [(= radix 10) "e"]
                             [else (format "*~s^" radix)])
                       (if (negative? exponent) "-" "+")
                       (if (< (string-length digits) 2) (string-append "0" digits) digits)))))

(define (r-exponential magnitude radix upper? places exactly? format-exponent decimal-sep)
  (if (zero? magnitude)
      (string-append "0"
                     (if exactly? decimal-sep "")
                     (if exactly? (make-string places #\0) "")
                     (r-exponent-text 0 format-exponent radix))
      (let* ([n (inexact->exact magnitude)]
             [low (expt radix places)]
             [high (* radix low)]
             ;; a first guess at the power that brings n into [low, high)
             [guess (- places
                       (inexact->exact
                        (floor (/ (- (log (numerator n)) (log (denominator n))) (log radix)))))])
        (let-values ([(m shift)
                      (let loop ([m (* n (expt radix guess))] [shift guess] [dropped #f])
                        (cond [(< m low) (loop (* m radix) (add1 shift) #f)]
                              [(>= m high)
                               (let-values ([(q d) (quotient/remainder (floor m) radix)])
                                 (loop q (sub1 shift) d))]
                              [else
                               (let ([rounded (if dropped
                                                  (if (>= (* 2 dropped) radix) (add1 m) m)
                                                  (r-round-half-up m))])
                                 (if (< rounded high)
                                     (values rounded shift)
                                     (loop rounded shift #f)))]))])
          (let-values ([(m kept)
                        (if exactly?
                            (values m places)
                            (let loop ([m m] [kept places])
                              (let-values ([(q d) (quotient/remainder m radix)])
                                (if (zero? d) (loop q (sub1 kept)) (values m kept)))))])
            (let ([digits (r-digits m radix upper?)])
              (string-append (substring digits 0 1)
                             (if (or exactly? (positive? kept))
                                 (string-append "." (substring digits 1))
                                 "")
                             (r-exponent-text (- places shift) format-exponent radix))))))))

;; Left padding to width: the pad text repeated from its start.
(define (r-pad-left text width pad)
  (let ([missing (- width (string-length text))])
    (if (<= missing 0)
        text
        (let loop ([acc ""])
          (if (>= (string-length acc) missing)
              (string-append (substring acc 0 missing) text)
              (loop (string-append acc pad)))))))

;; The texts before and after the digits: (cons before after).
(define (r-sign-parts x sign)
  (let* ([table (case sign
                  [(#f) '("" "" "-")]
                  [(+) '("+" "" "-")]
                  [(++) '("+" "+" "-")]
                  [(parens) '("" "" ("(" ")"))]
                  [else sign])]
         [indicator (cond [(or (negative? x) (eqv? x -0.0)) (caddr table)]
                          [(zero? x) (cadr table)]
                          [else (car table)])])
    (if (string? indicator)
        (cons indicator "")
        (cons (car indicator) (cadr indicator)))))
