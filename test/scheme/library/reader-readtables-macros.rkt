#lang racket/base
;; Reader extensions as programs use them: `$x` for (unquote x) in
;; templates, `{k v ...}` for hash tables, a `#Z` dispatch macro for hex
;; byte strings, and `@` line comments, combined in one readtable and used
;; to read and evaluate a small program.

(define (show . xs)
  (for ([x xs]) (write x) (display " "))
  (newline))
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk show)))

;; `$x` reads as (unquote x): in read-syntax the result gets source locations
(define (dollar c in [src #f] [line #f] [col #f] [pos #f])
  (define v (if src (read-syntax/recursive src in) (read/recursive in)))
  (when (eof-object? v) (error 'dollar "expected a datum after $"))
  (list 'unquote v))

;; `{a 1 b 2}` reads as (hash 'a 1 'b 2); `}` closes it like `)`
(define (brace c in . _)
  (define items (parameterize ([read-accept-dot #f]) (read/recursive in #\{ #f)))
  (let loop ([xs items] [acc '()])
    (cond
      [(null? xs) (cons 'hash (reverse acc))]
      [(null? (cdr xs)) (error 'brace "odd number of items in {...}")]
      [else (loop (cddr xs) (list* (cadr xs) (list 'quote (car xs)) acc))])))

;; `#Z"0aff"` reads as the byte string #"\n\377"
(define (hex-bytes c in src line col pos)
  (define s (read/recursive in))
  (unless (and (string? s) (even? (string-length s)))
    (error 'hex-bytes "expected a string of hex digit pairs after #Z"))
  (apply bytes (for/list ([i (in-range 0 (string-length s) 2)])
                 (string->number (substring s i (+ i 2)) 16))))

;; `@` comments out the rest of the line
(define (at-comment c in . _)
  (read-line in)
  (make-special-comment #f))

(define rt
  (make-readtable #f
                  #\$ 'terminating-macro dollar
                  #\{ 'terminating-macro brace
                  #\} #\) #f
                  #\Z 'dispatch-macro hex-bytes
                  #\@ 'terminating-macro at-comment))

(define (read-all s)
  (parameterize ([current-readtable rt])
    (define in (open-input-string s))
    (let loop ([acc '()])
      (define v (read in))
      (if (eof-object? v) (reverse acc) (loop (cons v acc))))))

(try (lambda () (read-all "`(a $b ,c) {x 1 y (+ 1 2)} #Z\"0aff\" @ ignored\n done")))
(try (lambda () (read-all "(f {a {b 2}} $x$y)")))
(try (lambda () (read-all "{a 1 b}")))
(try (lambda () (read-all "#Z\"abc\"")))
(try (lambda () (read-all "#Z12")))
(try (lambda () (read-all "$")))
(try (lambda () (read-all "{a 1 . b}")))
(try (lambda () (read-all "{a 1")))

;; Evaluating what was read
(define ns (make-base-namespace))
(define program
  "(define x 10) @ a comment
   (define table {one 1 two 2})
   (define (template y) `(x is ,x and y is $y))
   (list (hash-ref table 'two) (template 'why) #Z\"414243\")")
(for ([form (in-list (read-all program))])
  (try (lambda () (eval form ns))))

;; read-syntax: locations of what the macros return
(define (where s)
  (list (syntax->datum s) (syntax-line s) (syntax-column s) (syntax-position s) (syntax-span s)))
(define stx
  (parameterize ([current-readtable rt])
    (define in (open-input-string "(list $a\n      {k v})"))
    (port-count-lines! in)
    (read-syntax 'prog in)))
(try (lambda () stx))
(try (lambda () (map where (syntax->list stx))))
(try (lambda () (map where (syntax->list (cadr (syntax->list stx))))))
(try (lambda () (eval-syntax (namespace-syntax-introduce (datum->syntax #f (syntax->datum stx)) ns) ns)))

;; The readtable is only used where current-readtable says
(try (lambda () (read (open-input-string "{a 1}"))))
(try (lambda () (read (open-input-string "$x"))))
(try (lambda () (read (open-input-string "#Z\"00\""))))

;; Text that arrives in pieces (a pipe written by another thread): the read
;; and the macros' own reads wait for it
(define-values (pipe-in pipe-out) (make-pipe))
(define reader-thread
  (thread (lambda ()
            (parameterize ([current-readtable rt])
              (let loop ([acc '()])
                (define v (read pipe-in))
                (if (eof-object? v) (show (reverse acc)) (loop (cons v acc))))))))
(for ([piece (in-list '("(a $" "b) {x " "1} #Z\"0" "a\" $" "c"))])
  (write-string piece pipe-out)
  (sleep 0.02))
(close-output-port pipe-out)
(thread-wait reader-thread)
