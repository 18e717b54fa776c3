#lang racket/base
;; racket/string with regexp separators and patterns.
(require racket/string)
(for-each
 (lambda (x) (writeln x))
 (list
  (string-split "a1b22c333d" #rx"[0-9]+")
  (string-split "a, b,,c" #rx", *")
  (string-split "  a  b  " #px"\\s")
  (string-split "  a  b  " #px"\\s" #:repeat? #t)
  (string-split "x--y----z" #rx"-" #:repeat? #t)
  (string-split "--x--" #rx"-" #:trim? #f)
  (string-split "" #rx",")
  (string-split "λ1μ2ν" #px"\\d")
  (string-trim "xxhixx" #rx"x")
  (string-trim "xxhixx" #rx"x" #:repeat? #t)
  (string-trim "  hi  " #px"\\s+" #:left? #f)
  (string-normalize-spaces "a  b\t\tc" #px"\\s+" "_")
  (string-replace "a1b22c" #rx"[0-9]+" "#")
  (string-replace "a1b22c" #rx"[0-9]+" "#" #:all? #f)
  (string-replace "a.b.c" #rx"[.]" "\\&")
  (string-replace "hello" #rx"l" "L")))
