#lang racket/base
;; Unicode normalization forms and the character classes added in Racket 8.
(define-syntax-rule (try e)
  (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))]) (writeln e)))

(define samples (list "한국어" "\u1112\u1161\u11ab" "é" "e\u0301" "ﬁ ½ ẛ̣" "Å Å" "a\u0323\u0307" "\u0071\u0307\u0323" "" "abc"))
(for ([s samples])
  (writeln (list (map char->integer (string->list (string-normalize-nfc s)))
                 (map char->integer (string->list (string-normalize-nfd s)))
                 (map char->integer (string->list (string-normalize-nfkc s)))
                 (map char->integer (string->list (string-normalize-nfkd s))))))
(writeln (immutable? (string-normalize-nfc "abc")))
(writeln (string=? (string-normalize-nfd "한") "\u1112\u1161\u11ab"))
(try (string-normalize-nfc 1))
(try (string-normalize-nfd 'a))
(try (string-normalize-nfkc #"a"))
(try (string-normalize-nfkd #\a))

(writeln (map char-title-case? (list #\ǅ #\ǈ #\A #\a #\ᾈ #\1)))
(writeln (map char-extended-pictographic? (list #\☺ #\a #\© #\🎉 #\1 #\‼)))
(try (char-title-case? 1))
(try (char-extended-pictographic? "a"))
