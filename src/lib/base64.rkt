#lang racket/base
;; net/base64: encoding bytes as base64 text and back, whole byte strings or
;; streamed from port to port. Decoding skips bytes outside the alphabet and
;; stops at the first `=`.

(provide (rename-out [base64-encode net/base64:base64-encode]
                     [base64-decode net/base64:base64-decode]
                     [base64-encode-stream net/base64:base64-encode-stream]
                     [base64-decode-stream net/base64:base64-decode-stream]))

(define base64-alphabet #"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

;; A byte's value as a base64 digit, or #f.
(define (base64-value c)
  (cond [(<= 65 c 90) (- c 65)]
        [(<= 97 c 122) (- c 71)]
        [(<= 48 c 57) (+ c 4)]
        [(= c 43) 62]
        [(= c 47) 63]
        [else #f]))

;; Reads bytes from `in`, writes their encoding to `out`: a line separator
;; after every 72 characters and after the last line.
(define (base64-encode-stream in out [linesep #"\n"])
  (unless (input-port? in) (raise-argument-error 'base64-encode-stream "input-port?" in))
  (unless (output-port? out) (raise-argument-error 'base64-encode-stream "output-port?" out))
  (let ([digit (lambda (v) (write-byte (bytes-ref base64-alphabet v) out))]
        [pad (lambda () (write-byte 61 out))])
    (let loop ([width 0])
      (let ([b1 (read-byte in)])
        (if (eof-object? b1)
            (unless (= width 0) (display linesep out))
            (let ([b2 (begin (digit (arithmetic-shift b1 -2)) (read-byte in))])
              (if (eof-object? b2)
                  (begin (digit (arithmetic-shift (bitwise-and b1 3) 4)) (pad) (pad) (display linesep out))
                  (let ([b3 (begin (digit (bitwise-ior (arithmetic-shift (bitwise-and b1 3) 4) (arithmetic-shift b2 -4)))
                                   (read-byte in))])
                    (if (eof-object? b3)
                        (begin (digit (arithmetic-shift (bitwise-and b2 15) 2)) (pad) (display linesep out))
                        (begin
                          (digit (bitwise-ior (arithmetic-shift (bitwise-and b2 15) 2) (arithmetic-shift b3 -6)))
                          (digit (bitwise-and b3 63))
                          (if (= width 68)
                              (begin (display linesep out) (loop 0))
                              (loop (+ width 4)))))))))))))

(define (base64-decode-stream in out)
  (unless (input-port? in) (raise-argument-error 'base64-decode-stream "input-port?" in))
  (unless (output-port? out) (raise-argument-error 'base64-decode-stream "output-port?" out))
  ;; `acc` holds `bits` bits not yet written.
  (let loop ([acc 0] [bits 0])
    (if (>= bits 8)
        (let ([left (- bits 8)])
          (write-byte (arithmetic-shift acc (- left)) out)
          (loop (bitwise-and acc (- (arithmetic-shift 1 left) 1)) left))
        (let ([c (read-byte in)])
          (unless (or (eof-object? c) (= c 61))
            (let ([v (base64-value c)])
              (if v
                  (loop (bitwise-ior (arithmetic-shift acc 6) v) (+ bits 6))
                  (loop acc bits))))))))

;; Each line of the result holds at most 72 characters and ends with `linesep`.
(define (base64-encode src [linesep #"\r\n"])
  (unless (bytes? src) (raise-argument-error 'base64-encode "bytes?" src))
  (let ([n (bytes-length src)])
    (if (= n 0)
        #""
        (let ([o (open-output-bytes)])
          (if (bytes? linesep)
              (let loop ([i 0] [width 0])
                (let ([left (- n i)])
                  (cond
                    [(>= left 3)
                     (let ([b1 (bytes-ref src i)] [b2 (bytes-ref src (+ i 1))] [b3 (bytes-ref src (+ i 2))])
                       (write-bytes (bytes (bytes-ref base64-alphabet (arithmetic-shift b1 -2))
                                           (bytes-ref base64-alphabet (bitwise-ior (arithmetic-shift (bitwise-and b1 3) 4)
                                                                                  (arithmetic-shift b2 -4)))
                                           (bytes-ref base64-alphabet (bitwise-ior (arithmetic-shift (bitwise-and b2 15) 2)
                                                                                  (arithmetic-shift b3 -6)))
                                           (bytes-ref base64-alphabet (bitwise-and b3 63)))
                                    o)
                       (cond
                         [(= (+ i 3) n) (write-bytes linesep o)]
                         [(= width 68) (write-bytes linesep o) (loop (+ i 3) 0)]
                         [else (loop (+ i 3) (+ width 4))]))]
                    [(= left 2)
                     (let ([b1 (bytes-ref src i)] [b2 (bytes-ref src (+ i 1))])
                       (write-bytes (bytes (bytes-ref base64-alphabet (arithmetic-shift b1 -2))
                                           (bytes-ref base64-alphabet (bitwise-ior (arithmetic-shift (bitwise-and b1 3) 4)
                                                                                  (arithmetic-shift b2 -4)))
                                           (bytes-ref base64-alphabet (arithmetic-shift (bitwise-and b2 15) 2))
                                           61)
                                    o)
                       (write-bytes linesep o))]
                    [else
                     (let ([b1 (bytes-ref src i)])
                       (write-bytes (bytes (bytes-ref base64-alphabet (arithmetic-shift b1 -2))
                                           (bytes-ref base64-alphabet (arithmetic-shift (bitwise-and b1 3) 4))
                                           61 61)
                                    o)
                       (write-bytes linesep o))])))
              (base64-encode-stream (open-input-bytes src) o linesep))
          (get-output-bytes o)))))

(define (base64-decode src)
  (unless (bytes? src) (raise-argument-error 'base64-decode "bytes?" src))
  (let ([o (open-output-bytes)])
    (base64-decode-stream (open-input-bytes src) o)
    (get-output-bytes o)))
