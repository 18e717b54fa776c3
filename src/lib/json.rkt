#lang racket/base
;; The json library: jsexprs (exact integers, finite flonums, booleans,
;; strings, the null value, lists, and hash tables with symbol keys) read
;; from and written as JSON text, with Racket 8.7's results and messages.

(provide (rename-out [json-null json:json-null]
                     [jsexpr? json:jsexpr?]
                     [write-json json:write-json]
                     [read-json json:read-json]
                     [jsexpr->string json:jsexpr->string]
                     [jsexpr->bytes json:jsexpr->bytes]
                     [string->jsexpr json:string->jsexpr]
                     [bytes->jsexpr json:bytes->jsexpr]))

;; What JSON's `null` is read as and written from.
(define json-null (make-parameter 'null))

(define (finite-flonum? x) (and (inexact-real? x) (rational? x)))

(define (jsexpr? x #:null [null-value (json-null)])
  (let valid? ([x x])
    (or (exact-integer? x)
        (finite-flonum? x)
        (boolean? x)
        (string? x)
        (eq? x null-value)
        (and (list? x) (andmap valid? x))
        (and (hash? x)
             (for/and ([(k v) (in-hash x)]) (and (symbol? k) (valid? v)))))))

;; ---------------------------------------------------------------- writing

;; \uXXXX, or a UTF-16 surrogate pair of them beyond the BMP.
(define (unicode-escape n)
  (define (four-hex n)
    (let ([s (number->string n 16)])
      (string-append "\\u" (make-string (max 0 (- 4 (string-length s))) #\0) s)))
  (if (< n #x10000)
      (four-hex n)
      (let ([m (- n #x10000)])
        (string-append (four-hex (+ #xD800 (arithmetic-shift m -10)))
                       (four-hex (+ #xDC00 (bitwise-and m #x3FF)))))))

(define (escape-char s)
  (case (string-ref s 0)
    [(#\backspace) "\\b"]
    [(#\newline) "\\n"]
    [(#\return) "\\r"]
    [(#\page) "\\f"]
    [(#\tab) "\\t"]
    [(#\\) "\\\\"]
    [(#\") "\\\""]
    [else (unicode-escape (char->integer (string-ref s 0)))]))

(define (write-jsexpr who x out null-value encode)
  (define to-escape
    (case encode
      [(control) #rx"[\0-\37\\\"\177]"]
      [(all) #rx"[\0-\37\\\"\177-\U10FFFF]"]
      [else (raise-type-error who "encoding symbol" encode)]))
  (define (write-string-value s)
    (write-bytes #"\"" out)
    (write-string (regexp-replace* to-escape s escape-char) out)
    (write-bytes #"\"" out))
  (let emit ([x x])
    (cond
      [(or (exact-integer? x) (finite-flonum? x)) (write x out)]
      [(eq? x #f) (write-bytes #"false" out)]
      [(eq? x #t) (write-bytes #"true" out)]
      [(eq? x null-value) (write-bytes #"null" out)]
      [(string? x) (write-string-value x)]
      [(list? x)
       (write-bytes #"[" out)
       (let items ([l x] [first? #t])
         (unless (null? l)
           (unless first? (write-bytes #"," out))
           (emit (car l))
           (items (cdr l) #f)))
       (write-bytes #"]" out)]
      [(hash? x)
       (write-bytes #"{" out)
       (define first? #t)
       ;; Keys in order, so that the same table is always written the same way.
       (hash-for-each
        x
        (lambda (k v)
          (unless (symbol? k) (raise-type-error who "legal JSON key value" k))
          (if first? (set! first? #f) (write-bytes #"," out))
          (write-string-value (symbol->string k))
          (write-bytes #":" out)
          (emit v))
        #t)
       (write-bytes #"}" out)]
      [else (raise-type-error who "legal JSON value" x)]))
  (void))

;; The checks the library's contracts make (without their blame lines).
(define (check-encode who encode)
  (unless (memq encode '(control all)) (raise-argument-error who "(or/c (quote control) (quote all))" encode)))

(define (write-json x [out (current-output-port)] #:null [null-value (json-null)] #:encode [encode 'control])
  (unless (output-port? out) (raise-argument-error 'write-json "output-port?" out))
  (check-encode 'write-json encode)
  (write-jsexpr 'write-json x out null-value encode))

(define (jsexpr->string x #:null [null-value (json-null)] #:encode [encode 'control])
  (check-encode 'jsexpr->string encode)
  (let ([out (open-output-string)])
    (write-jsexpr 'jsexpr->string x out null-value encode)
    (get-output-string out)))

(define (jsexpr->bytes x #:null [null-value (json-null)] #:encode [encode 'control])
  (check-encode 'jsexpr->bytes encode)
  (let ([out (open-output-bytes)])
    (write-jsexpr 'jsexpr->bytes x out null-value encode)
    (get-output-bytes out)))

;; ---------------------------------------------------------------- reading

(define (read-json [in (current-input-port)] #:null [null-value (json-null)])
  (unless (input-port? in) (raise-argument-error 'read-json "input-port?" in))
  (read-jsexpr 'read-json in null-value))

(define (string->jsexpr s #:null [null-value (json-null)])
  (unless (string? s) (raise-argument-error 'string->jsexpr "string?" s))
  (read-jsexpr 'string->jsexpr (open-input-string s) null-value))

(define (bytes->jsexpr b #:null [null-value (json-null)])
  (unless (bytes? b) (raise-argument-error 'bytes->jsexpr "bytes?" b))
  (read-jsexpr 'bytes->jsexpr (open-input-bytes b) null-value))

(define (digit? b) (and (not (eof-object? b)) (<= 48 b 57)))

;; One JSON value from `in` (eof when there is none), as json.org specifies it.
(define (read-jsexpr who in null-value)
  ;; A read error at the port's current location.
  (define (fail fmt . args)
    (define-values (line col pos) (port-next-location in))
    (define message (format "~a: ~a" who (apply format fmt args)))
    (define where (object-name in))
    (raise (exn:fail:read
            (if line (format "~a:~a:~a: ~a" where line col message) (format "~a::~a: ~a" where pos message))
            (current-continuation-marks)
            (list (srcloc where line col pos #f)))))
  (define (bad-input [prefix #""] #:eof? [eof? #f])
    (define buffer (make-bytes (sub1 (error-print-width))))
    (define n (peek-bytes-avail!* buffer 0 #f in))
    (if (or eof? (and (eof-object? n) (equal? prefix #"")))
        (fail (string-append "unexpected end-of-file" (if (equal? prefix #"") "" (format "after ~e" prefix))))
        (fail (format "bad input starting ~e" (bytes-append prefix (if (number? n) (subbytes buffer 0 n) #""))))))
  ;; The next character after JSON's whitespace (space, tab, newline, return), peeked.
  (define (skip-whitespace)
    (let ([c (peek-char in)])
      (cond
        [(eof-object? c) c]
        [(memv c '(#\space #\tab #\newline #\return)) (read-char in) (skip-whitespace)]
        [(char-whitespace? c)
         (fail "found whitespace that is not allowed by the JSON specification\n  char: ~s" c)]
        [else c])))
  (define (read-hex4)
    (define (next)
      (let ([b (read-byte in)]) (if (eof-object? b) (error "unexpected end-of-file") b)))
    (define bs (let* ([a (next)] [b (next)] [c (next)] [d (next)]) (bytes a b c d)))
    (for/fold ([n 0]) ([b (in-bytes bs)])
      (+ (* n 16)
         (cond [(<= 48 b 57) (- b 48)]
               [(<= 97 b 102) (- b 87)]
               [(<= 65 b 70) (- b 55)]
               [else (fail "bad \\u escape ~e" bs)]))))
  (define (read-escape)
    (define c (read-char in))
    (case c
      [(#\b) #\backspace]
      [(#\n) #\newline]
      [(#\r) #\return]
      [(#\f) #\page]
      [(#\t) #\tab]
      [(#\\) #\\]
      [(#\") #\"]
      [(#\/) #\/]
      [(#\u)
       (define high (read-hex4))
       (cond
         [(<= #xD800 high #xDFFF)
          (define (missing) (fail "bad string \\u escape, missing second half of a UTF-16 pair"))
          (unless (eqv? (read-byte in) 92) (missing))
          (unless (eqv? (read-byte in) 117) (missing))
          (define low (read-hex4))
          (unless (<= #xDC00 low #xDFFF) (fail "bad string \\u escape, bad second half of a UTF-16 pair"))
          (integer->char (+ (arithmetic-shift (- high #xD800) 10) (- low #xDC00) #x10000))]
         [else (integer->char high)])]
      [else (fail "bad string escape: \"~a\"" c)]))
  ;; After the opening quote: the characters up to the closing one, UTF-8 decoded.
  (define (read-string-value)
    (define out (open-output-string))
    (let loop ()
      (define b (read-byte in))
      (cond
        [(eof-object? b) (fail "unterminated string")]
        [(= b 34) (get-output-string out)]
        [(= b 92) (write-char (read-escape) out) (loop)]
        [(< b 128) (write-char (integer->char b) out) (loop)]
        [else
         ;; A multi-byte character: its lead byte says how many follow.
         (define count (cond [(= (bitwise-and b #xE0) #xC0) 1] [(= (bitwise-and b #xF0) #xE0) 2] [(= (bitwise-and b #xF8) #xF0) 3] [else #f]))
         (define bs
           (let more ([acc (bytes b)] [k (or count 0)])
             (if (zero? k)
                 acc
                 (let ([next (read-byte in)])
                   (cond [(eof-object? next) (fail "unexpected end-of-file")]
                         [else (more (bytes-append acc (bytes next)) (sub1 k))])))))
         (define s (and count (bytes->string/utf-8 bs #f)))
         (unless s (fail "UTF-8 decoding error at ~e" bs))
         (write-string s out)
         (loop)])))
  (define (read-literal word value)
    (read-byte in)
    (for ([j (in-range 1 (bytes-length word))])
      (define b (read-byte in))
      (unless (eqv? b (bytes-ref word j))
        (bad-input (bytes-append (subbytes word 0 j) (bytes b)))))
    ;; The word must end there (as at a regexp word boundary).
    (define next (peek-byte in))
    (when (and (not (eof-object? next))
               (or (<= 97 next 122) (<= 65 next 90) (<= 48 next 57) (= next 95)))
      (bad-input word))
    value)
  (define (read-number)
    (define (byte-or-empty b) (if (eof-object? b) #"" (bytes b)))
    ;; n * 10^e as a flonum, without making huge exact numbers.
    (define (scaled n e)
      (define magnitude (if (zero? n) e (+ (log (abs n) 10) e)))
      (cond [(< magnitude -400) (if (>= n 0) 0.0 -0.0)]
            [(> magnitude 400) (cond [(zero? n) 0.0] [(> n 0) +inf.0] [else -inf.0])]
            [else (exact->inexact (* n (expt 10 e)))]))
    ;; The text read so far, for an error: n * 10^e written with its point.
    (define (as-written n e)
      (let ([s (number->string n)])
        (string->bytes/utf-8
         (if (zero? e) s (let ([m (+ (string-length s) e)]) (string-append (substring s 0 m) "." (substring s m)))))))
    (define (exponent n mark e)
      (define b (read-byte in))
      (define (digits sign first)
        (let loop ([x first])
          (if (digit? (peek-byte in))
              (loop (+ (* 10 x) (- (read-byte in) 48)))
              (scaled n (+ e (* sign x))))))
      (cond
        [(digit? b) (digits 1 (- b 48))]
        [(memv b '(43 45))
         (define b2 (read-byte in))
         (if (digit? b2)
             (digits (if (= b 43) 1 -1) (- b2 48))
             (bad-input (bytes-append (as-written n e) (bytes mark) (bytes b) (byte-or-empty b2)) #:eof? (eof-object? b2)))]
        [else (bad-input (bytes-append (as-written n e) (bytes mark) (byte-or-empty b)) #:eof? (eof-object? b))]))
    (define (fraction sign n)
      (define b (read-byte in))
      (if (digit? b)
          (let loop ([n (+ (* n 10) (- b 48))] [e -1])
            (define c (peek-byte in))
            (cond [(digit? c) (read-byte in) (loop (+ (* n 10) (- c 48)) (sub1 e))]
                  [(memv c '(101 69)) (read-byte in) (exponent (* sign n) c e)]
                  [else (exact->inexact (* sign n (expt 10 e)))]))
          (bad-input (bytes-append (string->bytes/utf-8 (format "~a." (* sign n))) (byte-or-empty b)) #:eof? (eof-object? b))))
    (define (integer sign)
      (define b (read-byte in))
      (if (digit? b)
          ;; A leading 0 is the whole integer part.
          (let loop ([n (- b 48)] [more? (not (= b 48))])
            (define c (peek-byte in))
            (cond [(and more? (digit? c)) (read-byte in) (loop (+ (* n 10) (- c 48)) #t)]
                  [(eqv? c 46) (read-byte in) (fraction sign n)]
                  [(memv c '(101 69)) (read-byte in) (exponent (* sign n) c 0)]
                  [else (* sign n)]))
          (bad-input (bytes-append (if (< sign 0) #"-" #"") (byte-or-empty b)) #:eof? (eof-object? b))))
    (if (eqv? (peek-char in) #\-)
        (begin (read-byte in) (integer -1))
        (integer 1)))
  ;; Items up to `end`, separated by commas.
  (define (read-sequence what end read-item)
    (cond
      [(eqv? (skip-whitespace) end) (read-byte in) '()]
      [else
       (let loop ([items (list (read-item))])
         (define c (skip-whitespace))
         (cond [(eqv? c end) (read-byte in) (reverse items)]
               [(eqv? c #\,) (read-byte in) (loop (cons (read-item) items))]
               [else (read-byte in) (fail "error while parsing a json ~a" what)]))]))
  (define (read-pair)
    (define key (read-value #f))
    (unless (string? key) (fail "non-string value used for json object key"))
    (define c (skip-whitespace))
    (when (eof-object? c)
      (read-byte in)
      (fail "unexpected end-of-file while parsing a json object pair"))
    (unless (char=? c #\:) (fail "error while parsing a json object pair"))
    (read-byte in)
    (cons (string->symbol key) (read-value #f)))
  (define (read-value top?)
    (define c (skip-whitespace))
    (cond
      [(eof-object? c) (read-byte in) (if top? eof (bad-input))]
      [(eqv? c #\t) (read-literal #"true" #t)]
      [(eqv? c #\f) (read-literal #"false" #f)]
      [(eqv? c #\n) (read-literal #"null" null-value)]
      [(or (char<=? #\0 c #\9) (eqv? c #\-)) (read-number)]
      [(eqv? c #\") (read-byte in) (read-string-value)]
      [(eqv? c #\[) (read-byte in) (read-sequence 'array #\] (lambda () (read-value #f)))]
      [(eqv? c #\{)
       (read-byte in)
       (for/hasheq ([p (in-list (read-sequence 'object #\} read-pair))]) (values (car p) (cdr p)))]
      [else (bad-input)]))
  (read-value #t))
