#lang racket/base
;; The character classes follow Unicode properties as Racket's do:
;; char-whitespace? is White_Space (NEL yes, BOM no), char-numeric? is any
;; numeric type (superscripts, fractions, Roman numerals), and the case
;; predicates include Other_Uppercase / Other_Lowercase.

(define samples
  (map integer->char
       '(#x20 #x9 #x85 #xA0 #x2028 #x3000 #xFEFF #x200B
         #x30 #xB2 #xBD #x2160 #x0967 #xF96B #x41 #x61 #xAA #x2B0
         #x24B6 #x24D0 #x1C5 #x2D #x2B #x20AC #x1F600 #x300)))

(define predicates
  (list (cons 'whitespace char-whitespace?)
        (cons 'numeric char-numeric?)
        (cons 'alphabetic char-alphabetic?)
        (cons 'upper char-upper-case?)
        (cons 'lower char-lower-case?)
        (cons 'title char-title-case?)
        (cons 'punctuation char-punctuation?)
        (cons 'symbolic char-symbolic?)
        (cons 'graphic char-graphic?)
        (cons 'blank char-blank?)))

(for ([c samples])
  (printf "~x:" (char->integer c))
  (for ([p predicates] #:when ((cdr p) c))
    (printf " ~a" (car p)))
  (newline))

(for ([p predicates])
  (with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))])
    ((cdr p) "a")))
