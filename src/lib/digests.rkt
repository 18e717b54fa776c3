#lang racket/base
;; SHA digests of a byte string or of what remains in an input port (the
;; digest itself is %digest).

(provide sha1-bytes sha224-bytes sha256-bytes)

(define (digest-data in)
  (if (input-port? in)
      (let loop ([chunks '()])
        (let ([b (read-bytes 4096 in)])
          (if (eof-object? b) (apply bytes-append (reverse chunks)) (loop (cons b chunks)))))
      in))

(define (sha1-bytes in [start 0] [end #f]) (%digest 'sha1-bytes 'sha1 (digest-data in) start end))

(define (sha224-bytes in [start 0] [end #f]) (%digest 'sha224-bytes 'sha224 (digest-data in) start end))

(define (sha256-bytes in [start 0] [end #f]) (%digest 'sha256-bytes 'sha256 (digest-data in) start end))
