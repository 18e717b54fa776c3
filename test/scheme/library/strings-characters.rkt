#lang racket/base
;; Characters outside the BMP count as one character everywhere, before and
;; after string-set!, and long strings index in constant time.
(define (show-error thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))

(define t (string-append "λ😀x" (make-string 3 #\y)))
(list (string-length t) (string-ref t 1) (string-ref t 2) (substring t 1 3))
(for/list ([c (in-string t)]) c)
(string-set! t 1 #\z)
(list t (string-length t) (substring t 0 3) (string-ref t 5))

(define u (string-copy "abc"))
(string-set! u 0 #\😀)
(string-set! u 2 #\🎉)
(list u (string-length u) (string-ref u 0) (string-ref u 1) (string->list u))
(list (substring u 1) (substring u 0 0) (string-append u "!") (string->symbol u))
(string-fill! u #\😀)
(list u (string-length u))
(show-error (lambda () (substring u 2 1)))
(show-error (lambda () (string-ref u 3)))
(show-error (lambda () (string-set! u 3 #\a)))
(show-error (lambda () (string-set! (string->immutable-string u) 0 #\a)))

;; A long string written and read one character at a time.
(define n 200000)
(define s (make-string n #\a))
(for ([i (in-range 0 n 2)]) (string-set! s i #\b))
(list (for/sum ([c (in-string s)]) (if (char=? c #\b) 1 0))
      (for/sum ([i n]) (if (char=? (string-ref s i) #\a) 1 0))
      (string-length (apply string-append (for/list ([i (in-range 0 n 1000)]) (substring s i (+ i 3))))))
