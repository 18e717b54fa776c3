#lang racket/base
;; A UTF-8 byte-order mark (EF BB BF) is the character U+FEFF, kept by
;; every decoder as Racket keeps it: nothing strips it at the start.

(define bom+a (bytes #xEF #xBB #xBF 65))
(println (bytes->string/utf-8 bom+a))
(println (string-length (bytes->string/utf-8 bom+a)))
(println (bytes->string/utf-8 (bytes #xEF #xBB #xBF)))
(println (bytes->string/utf-8 (bytes #xEF #xBB #xBF #xEF #xBB #xBF)))
(define in (open-input-bytes bom+a))
(println (peek-char in))
(println (read-char in))
(println (read-char in))
(println (read-string 5 (open-input-string "\uFEFFxy")))
(println (char-whitespace? (string-ref (bytes->string/utf-8 bom+a) 0)))
(println (string->bytes/utf-8 "\uFEFF"))
(println (bytes->path bom+a))
(with-handlers ([exn:fail:contract? (lambda (e) (displayln (exn-message e)))])
  (bytes->string/utf-8 (bytes #xEF #xBB)))
