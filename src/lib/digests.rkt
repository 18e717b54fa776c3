#lang racket/base
;; SHA and MD5 digests of a byte string or of what remains in an input port
;; (the digest itself is %digest), and file/sha1's hex conversions.

(provide sha1-bytes sha224-bytes sha256-bytes
         (rename-out [sha1 file/sha1:sha1]
                     [sha1-bytes file/sha1:sha1-bytes]
                     [bytes->hex-string file/sha1:bytes->hex-string]
                     [hex-string->bytes file/sha1:hex-string->bytes]
                     [md5 file/md5:md5]))

(define (digest-data in)
  (if (input-port? in)
      (let loop ([chunks '()])
        (let ([b (read-bytes 4096 in)])
          (if (eof-object? b) (apply bytes-append (reverse chunks)) (loop (cons b chunks)))))
      in))

(define (sha1-bytes in [start 0] [end #f]) (%digest 'sha1-bytes 'sha1 (digest-data in) start end))

(define (sha224-bytes in [start 0] [end #f]) (%digest 'sha224-bytes 'sha224 (digest-data in) start end))

(define (sha256-bytes in [start 0] [end #f]) (%digest 'sha256-bytes 'sha256 (digest-data in) start end))

(define (sha1 in [start 0] [end #f]) (bytes->hex-string (sha1-bytes in start end)))

;; Two lowercase hex digits per byte.
(define (bytes->hex-string bstr)
  (let* ([n (bytes-length bstr)]
         [out (make-bytes (* 2 n))]
         [digit (lambda (d) (if (< d 10) (+ 48 d) (+ 87 d)))])
    (let loop ([i 0])
      (when (< i n)
        (let ([b (bytes-ref bstr i)])
          (bytes-set! out (* 2 i) (digit (arithmetic-shift b -4)))
          (bytes-set! out (+ 1 (* 2 i)) (digit (bitwise-and b 15)))
          (loop (+ i 1)))))
    (bytes->string/latin-1 out)))

(define (hex-string->bytes s)
  (unless (and (string? s) (regexp-match? #px"^([[:xdigit:]]{2})*$" s))
    (raise-argument-error 'hex-string->bytes "(and/c string? #px\"^([[:xdigit:]]{2})*$\")" s))
  (let* ([n (quotient (string-length s) 2)]
         [out (make-bytes n)]
         [value (lambda (c)
                  (let ([k (char->integer c)])
                    (cond [(<= 48 k 57) (- k 48)] [(<= 97 k 102) (- k 87)] [else (- k 55)])))])
    (let loop ([i 0])
      (when (< i n)
        (bytes-set! out i (+ (* 16 (value (string-ref s (* 2 i)))) (value (string-ref s (+ 1 (* 2 i))))))
        (loop (+ i 1))))
    out))

;; The digest as 32 hex digits (a byte string), or its 16 raw bytes.
(define (md5 in [hex-encode? #t])
  (let* ([data (cond [(bytes? in) in]
                     [(string? in) (string->bytes/utf-8 in)]
                     [(input-port? in) (digest-data in)]
                     [else (raise-type-error 'md5 "input-port, bytes, or string" in)])]
         [raw (%digest 'md5 'md5 data 0 #f)])
    (if hex-encode? (string->bytes/latin-1 (bytes->hex-string raw)) raw)))
