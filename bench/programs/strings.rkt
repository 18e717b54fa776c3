#lang racket/base
;; Strings and byte strings: building, slicing, converting, comparing.
(define (make-line i) (string-append "line-" (number->string i) ":" (make-string (modulo i 7) #\x)))
(define (run n acc)
  (if (= n 0)
      acc
      (let* ([s (make-line n)]
             [b (string->bytes/utf-8 s)]
             [sub (substring s 0 (min 5 (string-length s)))]
             [back (bytes->string/utf-8 b)]
             [same (if (string=? back s) 1 0)]
             [first-byte (bytes-ref b 0)])
        (run (- n 1) (+ acc same first-byte (string-length sub) (bytes-length b))))))
(display (run 200000 0))
(newline)
