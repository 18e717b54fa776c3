#lang racket/base
;; racket/port's read and peek events. Each is a guard that tries the read
;; when it is synced: if the port has what the read needs, the event is ready
;; and its result is the read's; if not, it waits for the port to change
;; (%input-port-change-evt: bytes came, bytes were taken, the stream ended)
;; and tries again. The line, eof and regexp events are regexp matches on the
;; port, as in Racket. Bad arguments are reported as racket/port's contracts
;; report them.

(provide (rename-out [read-bytes-evt racket/port:read-bytes-evt]
                     [read-bytes!-evt racket/port:read-bytes!-evt]
                     [read-bytes-avail!-evt racket/port:read-bytes-avail!-evt]
                     [read-string-evt racket/port:read-string-evt]
                     [read-string!-evt racket/port:read-string!-evt]
                     [peek-bytes-evt racket/port:peek-bytes-evt]
                     [peek-bytes!-evt racket/port:peek-bytes!-evt]
                     [peek-bytes-avail!-evt racket/port:peek-bytes-avail!-evt]
                     [peek-string-evt racket/port:peek-string-evt]
                     [peek-string!-evt racket/port:peek-string!-evt]
                     [regexp-match-evt racket/port:regexp-match-evt]
                     [read-bytes-line-evt racket/port:read-bytes-line-evt]
                     [read-line-evt racket/port:read-line-evt]
                     [eof-evt racket/port:eof-evt]))

;; ------------------------------------------------------------ contracts

;; Each contracted procedure's contract as Racket prints it, and where it is.
(define port-contracts
  '((read-bytes-avail!-evt 52 "(->\n       mutable-bytes?\n       input-port-with-progress-evts?\n       evt?)")
    (peek-bytes-avail!-evt 54 "(->\n       mutable-bytes?\n       natural?\n       evt?/false\n       input-port-with-progress-evts?\n       evt?)")
    (read-bytes!-evt 57 "(->\n       mutable-bytes?\n       input-port-with-progress-evts?\n       evt?)")
    (peek-bytes!-evt 58 "(->\n       mutable-bytes?\n       natural?\n       evt?/false\n       input-port-with-progress-evts?\n       evt?)")
    (read-bytes-evt 61 "(->\n       natural?\n       input-port-with-progress-evts?\n       evt?)")
    (peek-bytes-evt 63 "(->\n       natural?\n       natural?\n       evt?/false\n       input-port-with-progress-evts?\n       evt?)")
    (read-string!-evt 66 "(->\n       mutable-string?\n       input-port-with-progress-evts?\n       evt?)")
    (peek-string!-evt 68 "(->\n       mutable-string?\n       natural?\n       evt?/false\n       input-port-with-progress-evts?\n       evt?)")
    (read-string-evt 71 "(->\n       natural?\n       input-port-with-progress-evts?\n       evt?)")
    (peek-string-evt 73 "(->\n       natural?\n       natural?\n       evt?/false\n       input-port-with-progress-evts?\n       evt?)")
    (regexp-match-evt 76 "(->\n       (or/c regexp? byte-regexp? string? bytes?)\n       input-port-with-progress-evts?\n       evt?)")
    (read-bytes-line-evt 79 "(case->\n       (-> input-port-with-progress-evts? evt?)\n       (->\n        input-port-with-progress-evts?\n        line-mode-symbol?\n        evt?))")
    (read-line-evt 82 "(case->\n       (-> input-port-with-progress-evts? evt?)\n       (->\n        input-port-with-progress-evts?\n        line-mode-symbol?\n        evt?))")
    (eof-evt 85 "(-> input-port-with-progress-evts? evt?)")))

(define (ordinal n)
  (case n [(1) "1st"] [(2) "2nd"] [(3) "3rd"] [else (format "~ath" n)]))

(define (blamed-party)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

;; A violation of argument `n` (of `count` given, for a case-> contract).
(define (port-contract-error who expected given n [count #f])
  (let ([entry (cdr (assq who port-contracts))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: the ~a argument of\n~a      ~a\n  contract from: <collects>/racket/port.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: <collects>/racket/port.rkt:~a:12"
                    who expected given (ordinal n)
                    (if count (format "      the ~a case of\n" (ordinal count)) "")
                    (cadr entry) (blamed-party) (car entry))
            (current-continuation-marks)))))

(define (progress-port? p)
  (and (input-port? p) (port-provides-progress-evts? p)))

(define (check-port who p n [count #f])
  (unless (progress-port? p) (port-contract-error who "input-port-with-progress-evts?" p n count)))

(define (check-natural who v n)
  (unless (exact-nonnegative-integer? v) (port-contract-error who "natural?" v n)))

(define (check-mutable-bytes who v)
  (unless (and (bytes? v) (not (immutable? v))) (port-contract-error who "mutable-bytes?" v 1)))

(define (check-mutable-string who v)
  (unless (and (string? v) (not (immutable? v))) (port-contract-error who "mutable-string?" v 1)))

(define (check-evt/false who v n)
  (unless (or (not v) (evt? v)) (port-contract-error who "evt?/false" v n)))

;; ------------------------------------------------------------ the events

;; Ready with (act) once (ready?) holds, trying again whenever the port changes.
;; A progress event that has become ready makes the result #f, as Racket's peeks do.
(define (port-evt in ready? act [progress #f])
  (let retry ()
    (guard-evt
     (lambda ()
       (cond
         [(and progress (sync/timeout 0 progress)) (wrap-evt always-evt (lambda (v) #f))]
         [(port-closed? in) never-evt]
         [(ready?) (wrap-evt always-evt (lambda (v) (act)))]
         [else (replace-evt (%input-port-change-evt in) (lambda (v) (retry)))])))))

;; The next `n` bytes after `skip` (or all there will be) are there.
(define (bytes-ready? in n skip)
  (let* ([buf (make-bytes (max n 1))]
         [got (peek-bytes-avail!* buf skip #f in)])
    (or (not (exact-integer? got))
        (>= got n)
        (not (eqv? 0 (peek-bytes-avail!* (make-bytes 1) (+ skip got) #f in))))))

;; The next `n` characters after `skip` (or all there will be) are there.
(define (chars-ready? in n skip)
  (let loop ([want n])
    (let* ([buf (make-bytes want)]
           [got (peek-bytes-avail!* buf skip #f in)])
      (cond
        [(not (exact-integer? got)) #t]
        [(< got want)
         (not (eqv? 0 (peek-bytes-avail!* (make-bytes 1) (+ skip got) #f in)))]
        [(>= (bytes-utf-8-length buf #\? 0 got) n)
         ;; The last character may need bytes not yet there.
         (or (= got (bytes-length (string->bytes/utf-8 (bytes->string/utf-8 buf #\? 0 got))))
             (loop (+ want 4)))]
        [else (loop (+ want (- n (bytes-utf-8-length buf #\? 0 got))))]))))

(define (bytes-evt who n in skip progress)
  (port-evt in
            (lambda () (bytes-ready? in n (or skip 0)))
            (lambda () (if skip (peek-bytes n skip in) (read-bytes n in)))
            progress))

(define (read-bytes-evt n in)
  (check-natural 'read-bytes-evt n 1)
  (check-port 'read-bytes-evt in 2)
  (bytes-evt 'read-bytes-evt n in #f #f))

(define (peek-bytes-evt n skip progress in)
  (check-natural 'peek-bytes-evt n 1)
  (check-natural 'peek-bytes-evt skip 2)
  (check-evt/false 'peek-bytes-evt progress 3)
  (check-port 'peek-bytes-evt in 4)
  (bytes-evt 'peek-bytes-evt n in skip progress))

(define (bytes!-evt bstr in skip progress)
  (let ([n (bytes-length bstr)])
    (port-evt in
              (lambda () (bytes-ready? in n (or skip 0)))
              (lambda () (if skip (peek-bytes! bstr skip in) (read-bytes! bstr in)))
              progress)))

(define (read-bytes!-evt bstr in)
  (check-mutable-bytes 'read-bytes!-evt bstr)
  (check-port 'read-bytes!-evt in 2)
  (bytes!-evt bstr in #f #f))

(define (peek-bytes!-evt bstr skip progress in)
  (check-mutable-bytes 'peek-bytes!-evt bstr)
  (check-natural 'peek-bytes!-evt skip 2)
  (check-evt/false 'peek-bytes!-evt progress 3)
  (check-port 'peek-bytes!-evt in 4)
  (bytes!-evt bstr in skip progress))

(define (avail!-evt bstr in skip progress)
  (if (zero? (bytes-length bstr))
      (wrap-evt always-evt (lambda (v) 0))
      (port-evt in
                (lambda () (bytes-ready? in 1 (or skip 0)))
                (lambda () (if skip (peek-bytes-avail!* bstr skip #f in) (read-bytes-avail!* bstr in)))
                progress)))

(define (read-bytes-avail!-evt bstr in)
  (check-mutable-bytes 'read-bytes-avail!-evt bstr)
  (check-port 'read-bytes-avail!-evt in 2)
  (avail!-evt bstr in #f #f))

(define (peek-bytes-avail!-evt bstr skip progress in)
  (check-mutable-bytes 'peek-bytes-avail!-evt bstr)
  (check-natural 'peek-bytes-avail!-evt skip 2)
  (check-evt/false 'peek-bytes-avail!-evt progress 3)
  (check-port 'peek-bytes-avail!-evt in 4)
  (avail!-evt bstr in skip progress))

(define (string-evt n in skip progress)
  (if (zero? n)
      (wrap-evt always-evt (lambda (v) ""))
      (port-evt in
                (lambda () (chars-ready? in n (or skip 0)))
                (lambda () (if skip (peek-string n skip in) (read-string n in)))
                progress)))

(define (read-string-evt n in)
  (check-natural 'read-string-evt n 1)
  (check-port 'read-string-evt in 2)
  (string-evt n in #f #f))

(define (peek-string-evt n skip progress in)
  (check-natural 'peek-string-evt n 1)
  (check-natural 'peek-string-evt skip 2)
  (check-evt/false 'peek-string-evt progress 3)
  (check-port 'peek-string-evt in 4)
  (string-evt n in skip progress))

;; Into `str`: the count of characters read, or eof.
(define (string!-evt str in skip progress)
  (wrap-evt (string-evt (string-length str) in skip progress)
            (lambda (s)
              (if (string? s)
                  (begin (string-copy! str 0 s) (string-length s))
                  s))))

(define (read-string!-evt str in)
  (check-mutable-string 'read-string!-evt str)
  (check-port 'read-string!-evt in 2)
  (string!-evt str in #f #f))

(define (peek-string!-evt str skip progress in)
  (check-mutable-string 'peek-string!-evt str)
  (check-natural 'peek-string!-evt skip 2)
  (check-evt/false 'peek-string!-evt progress 3)
  (check-port 'peek-string!-evt in 4)
  (string!-evt str in skip progress))

;; Ready when the pattern matches what the port has (never, when the port ends without a match).
(define (match-evt pattern in)
  (port-evt in
            (lambda () (and (regexp-match-peek-positions-immediate pattern in) #t))
            (lambda () (regexp-match pattern in))))

(define (regexp-match-evt pattern in)
  (unless (or (regexp? pattern) (byte-regexp? pattern) (string? pattern) (bytes? pattern))
    (port-contract-error 'regexp-match-evt "(or/c regexp? byte-regexp? string? bytes?)" pattern 1))
  (check-port 'regexp-match-evt in 2)
  (match-evt pattern in))

;; A line: the text before the separator, or all that is left before eof.
(define (line-pattern mode)
  (case mode
    [(linefeed) #rx#"^(?:(.*?)\n)|(.*?$)"]
    [(return) #rx#"^(?:(.*?)\r)|(.*?$)"]
    [(return-linefeed) #rx#"^(?:(.*?)\r\n)|(.*?$)"]
    [(any) #rx#"^(?:(.*?)(?:\r\n|\r|\n))|(.*?$)"]
    [else #rx#"^(?:(.*?)[\r\n])|(.*?$)"]))

(define (line-evt who in mode count)
  (check-port who in 1 count)
  (unless (memq mode '(linefeed return return-linefeed any any-one))
    (port-contract-error who "line-mode-symbol?" mode 2 count))
  (wrap-evt (match-evt (line-pattern mode) in)
            (lambda (m)
              (or (cadr m)
                  (let ([rest (caddr m)])
                    (if (zero? (bytes-length rest)) eof rest))))))

(define read-bytes-line-evt
  (case-lambda
    [(in) (line-evt 'read-bytes-line-evt in 'linefeed 1)]
    [(in mode) (line-evt 'read-bytes-line-evt in mode 2)]))

(define read-line-evt
  (case-lambda
    [(in) (wrap-evt (line-evt 'read-line-evt in 'linefeed 1) line->string)]
    [(in mode) (wrap-evt (line-evt 'read-line-evt in mode 2) line->string)]))

(define (line->string b)
  (if (eof-object? b) b (bytes->string/utf-8 b #\?)))

(define (eof-evt in)
  (check-port 'eof-evt in 1)
  (wrap-evt (match-evt #rx#"^$" in) (lambda (v) eof)))
