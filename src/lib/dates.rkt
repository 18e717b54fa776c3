#lang racket/base
;; racket/date: dates as text in the formats of date-display-format, dates
;; back to seconds, and Julian day numbers. The argument checks give the
;; messages of the contracts racket/date.rkt puts on its exports.

(provide (rename-out [current-date racket/date:current-date]
                     [date->seconds racket/date:date->seconds]
                     [date*->seconds racket/date:date*->seconds]
                     [date->string racket/date:date->string]
                     [date-display-format racket/date:date-display-format]
                     [find-seconds racket/date:find-seconds]
                     [date->julian/scaliger racket/date:date->julian/scaliger]
                     [julian/scaliger->string racket/date:julian/scaliger->string]
                     [date->julian/scalinger racket/date:date->julian/scalinger]
                     [julian/scalinger->string racket/date:julian/scalinger->string]))

;; Each export's contract as the violation message shows it, and its line.
(define date-contracts
  '((date->seconds "(->* (date?) (any/c) exact-integer?)" "8:2")
    (date*->seconds "(->* (date?) (any/c) real?)" "9:2")
    (date->string "(->* (date?) (any/c) string?)" "10:2")
    (date-display-format
     "(parameter/c\n       (or/c\n        'american\n        'chinese\n        'german\n        'indian\n        'irish\n        'julian\n        'iso-8601\n        'rfc2822))"
     "11:2")
    (find-seconds
     "(->*\n       ((integer-in 0 61)\n        (integer-in 0 59)\n        (integer-in 0 23)\n        (integer-in 1 31)\n        (integer-in 1 12)\n        natural?)\n       (any/c)\n       exact-integer?)"
     "12:2")
    (date->julian/scaliger "(-> date? exact-integer?)" "21:2")
    (julian/scaliger->string "(-> exact-integer? string?)" "22:2")
    (date->julian/scalinger "(-> date? exact-integer?)" "23:2")
    (julian/scalinger->string "(-> exact-integer? string?)" "24:2")))

(define (date-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

(define (date-contract-error who expected given in-what)
  (let ([c (cdr (assq who date-contracts))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: ~a\n      ~a\n  contract from: <collects>/racket/date.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: <collects>/racket/date.rkt:~a"
                    who expected given in-what (car c) (date-blamed) (cadr c))
            (current-continuation-marks)))))

(define (check-date who d)
  (unless (date? d) (date-contract-error who "date?" d "the 1st argument of")))

(define date-formats '(american chinese german indian irish julian iso-8601 rfc2822))

(define date-display-format
  (make-parameter
   'american
   (lambda (v)
     (if (memq v date-formats)
         v
         (date-contract-error
          'date-display-format
          "(or/c (quote american) (quote chinese) (quote german) (quote indian) (quote irish) (quote julian) (quote iso-8601) (quote rfc2822))"
          v "the parameter of")))
   'date-display-format))

(define (current-date) (seconds->date (* #i1/1000 (current-inexact-milliseconds))))

(define date-month-names
  '#("" "January" "February" "March" "April" "May" "June" "July" "August" "September" "October" "November" "December"))
(define date-german-month-names
  '#("" "Januar" "Februar" "M\344rz" "April" "Mai" "Juni" "Juli" "August" "September" "Oktober" "November" "Dezember"))
(define date-day-names '#("Sunday" "Monday" "Tuesday" "Wednesday" "Thursday" "Friday" "Saturday"))
(define date-chinese-day-names '#("\u5929" "\u4E00" "\u4E8C" "\u4E09" "\u56DB" "\u4E94" "\u516D"))

(define (date-name names i) (if (and (exact-integer? i) (< -1 i (vector-length names))) (vector-ref names i) ""))

(define (two-digits n) (if (< n 10) (string-append "0" (number->string n)) (number->string n)))

(define (date->string d [time? #f])
  (check-date 'date->string d)
  (let* ([year (number->string (date-year d))]
         [month-number (number->string (date-month d))]
         [week-day (date-name date-day-names (date-week-day d))]
         [month (date-name date-month-names (date-month d))]
         [day (number->string (date-day d))]
         [suffix (let ([n (date-day d)])
                   (cond [(<= 11 n 13) "th"]
                         [(= (modulo n 10) 1) "st"]
                         [(= (modulo n 10) 2) "nd"]
                         [(= (modulo n 10) 3) "rd"]
                         [else "th"]))]
         [hour (date-hour d)]
         [am-pm (if (>= hour 12) "pm" "am")]
         [hour24 (two-digits hour)]
         [hour12 (number->string (cond [(zero? hour) 12] [(> hour 12) (- hour 12)] [else hour]))]
         [minute (two-digits (date-minute d))]
         [second (two-digits (date-second d))]
         [format (date-display-format)]
         ;; The date part and the time part.
         [parts
          (case format
            [(american) (list (list week-day ", " month " " day suffix ", " year)
                              (list " " hour12 ":" minute ":" second am-pm))]
            [(chinese) (list (list year "/" month-number "/" day " \u661F\u671F"
                                   (date-name date-chinese-day-names (date-week-day d)))
                             (list " " hour24 ":" minute ":" second))]
            [(indian) (list (list day "-" month-number "-" year)
                            (list " " hour12 ":" minute ":" second am-pm))]
            [(german) (list (list day ". " (date-name date-german-month-names (date-month d)) " " year)
                            (list ", " hour24 ":" minute))]
            [(irish) (list (list week-day ", " day suffix " " month " " year)
                           (list ", " hour12 ":" minute am-pm))]
            [(julian) (list (list (julian/scaliger->string (date->julian/scaliger d)))
                            (list ", " hour24 ":" minute ":" second))]
            [(iso-8601) (list (list year "-" (two-digits (date-month d)) "-" (two-digits (date-day d)))
                              (list "T" hour24 ":" minute ":" second))]
            [else
             (let* ([offset (date-time-zone-offset d)]
                    [hours (quotient offset 3600)]
                    [minutes (modulo (quotient offset 60) 60)])
               (list (list (substring week-day 0 3) ", " day " " (substring month 0 3) " " year)
                     (list " " hour24 ":" minute ":" second " "
                           (if (negative? offset) "-" "+") (two-digits (abs hours)) (two-digits minutes))))])])
    (apply string-append (if time? (append (car parts) (cadr parts)) (car parts)))))

(define (date->seconds d [local-time? #t])
  (check-date 'date->seconds d)
  (find-seconds (date-second d) (date-minute d) (date-hour d) (date-day d) (date-month d) (date-year d) local-time?))

(define (date*->seconds d [local-time? #t])
  (check-date 'date*->seconds d)
  (let ([s (date->seconds d local-time?)])
    (if (date*? d) (+ s (/ (date*-nanosecond d) 1000000000)) s)))

;; Days from 1970-01-01 to a day of the proleptic Gregorian calendar (the
;; day may run past its month's end).
(define (days-from-civil year month day)
  (let* ([y (if (<= month 2) (- year 1) year)]
         [era (floor (/ y 400))]
         [yoe (- y (* era 400))]
         [mp (modulo (+ month 9) 12)]
         [doy (+ (quotient (+ (* 153 mp) 2) 5) (- day 1))]
         [doe (+ (* yoe 365) (quotient yoe 4) (- (quotient yoe 100)) doy)])
    (+ (* era 146097) doe -719468)))

(define (date-fields d)
  (list (date-year d) (date-month d) (date-day d) (date-hour d) (date-minute d) (date-second d)))

;; -1, 0 or 1 as `a` is before, equal to or after `b` (lists of fields).
(define (compare-fields a b)
  (cond [(null? a) 0]
        [(< (car a) (car b)) -1]
        [(> (car a) (car b)) 1]
        [else (compare-fields (cdr a) (cdr b))]))

(define (find-seconds sec min hour day month year [local-time? #t])
  (for ([v (list sec min hour day month)]
        [lo '(0 0 0 1 1)]
        [hi '(61 59 23 31 12)]
        [pos '("1st" "2nd" "3rd" "4th" "5th")])
    (unless (and (exact-integer? v) (<= lo v hi))
      (date-contract-error 'find-seconds (format "(integer-in ~a ~a)" lo hi) v (format "the ~a argument of" pos))))
  (unless (exact-nonnegative-integer? year)
    (date-contract-error 'find-seconds "natural?" year "the 6th argument of"))
  (let* ([wanted (list year month day hour min sec)]
         [guess (+ (* 86400 (days-from-civil year month day)) (* 3600 hour) (* 60 min) sec)])
    ;; A binary search between two days either side of the guess; a date
    ;; that does not exist ends it with the seconds just below it.
    (let loop ([below (- guess 172800)] [above (+ guess 172800)])
      (let* ([mid (floor (/ (+ below above) 2))]
             [c (compare-fields wanted (date-fields (seconds->date mid local-time?)))])
        (cond
          ;; A time that happens twice (when clocks go back) is its first occurrence.
          [(= c 0) (let ([earlier (filter (lambda (d) (= 0 (compare-fields wanted (date-fields (seconds->date (- mid d) local-time?)))))
                                          '(7200 3600 1800))])
                     (if (null? earlier) mid (- mid (car earlier))))]
          [(or (= mid below) (= mid above))
           (error 'find-seconds
                  "non-existent date\n  wanted: ~s\n  nearest below: ~s is ~s\n  nearest above: ~s is ~s"
                  (reverse wanted)
                  below (reverse (date-fields (seconds->date below local-time?)))
                  (+ below 1) (reverse (date-fields (seconds->date (+ below 1) local-time?))))]
          [(< c 0) (loop below mid)]
          [else (loop mid above)])))))

;; The Julian day number (days since 1 January 4713 BC), right for
;; Gregorian dates up to 2099.
(define (date->julian/scaliger d)
  (unless (date? d) (date-contract-error 'date->julian/scaliger "date?" d "the 1st argument of"))
  (date-julian-day d))

(define (date-julian-day d)
  (let* ([month (date-month d)]
         [year (+ 4712 (date-year d))]
         ;; Years counted from March, so that February ends them.
         [y (if (< month 3) (- year 1) year)]
         [base (+ (* 1461 (quotient y 4)) (* 365 (remainder y 4)))]
         [month-start (vector-ref '#(#f 306 337 0 31 61 92 122 153 184 214 245 275) month)]
         [gregorian (cond [(< y 1700) 11] [(< y 1800) 12] [else 13])])
    (+ base month-start (date-day d) 59 (- gregorian))))

;; "JD " and the digits in groups of three from the right.
(define (julian/scaliger->string n)
  (unless (exact-integer? n) (date-contract-error 'julian/scaliger->string "exact-integer?" n "the 1st argument of"))
  (julian-text n))

(define (julian-text n)
  ;; Digits least significant first (negative for a negative number, as
  ;; remainder gives them).
  (let* ([digits (let loop ([k n]) (if (zero? k) '() (cons (number->string (remainder k 10)) (loop (quotient k 10)))))]
         [groups (let loop ([ds digits])
                   (if (< (length ds) 4)
                       (list (apply string-append (reverse ds)))
                       (cons (string-append " " (caddr ds) (cadr ds) (car ds)) (loop (cdddr ds)))))])
    (apply string-append "JD " (reverse groups))))

(define (date->julian/scalinger d)
  (unless (date? d) (date-contract-error 'date->julian/scalinger "date?" d "the 1st argument of"))
  (date-julian-day d))

(define (julian/scalinger->string n)
  (unless (exact-integer? n) (date-contract-error 'julian/scalinger->string "exact-integer?" n "the 1st argument of"))
  (julian-text n))
