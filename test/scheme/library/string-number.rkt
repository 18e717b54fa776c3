#lang racket/base
;; string->number (one number syntax with the reader) and number->string radixes.
(for ([s '("10" "-17" "1/2" "#x1F" "#b101" "1e3" "1.5" "#e1.5" "#i1/3" "1/0" "abc" "" "+inf.0" "-nan.0" "1e500" "#e1e-3" "1#" "1.2.3" "+" "-" "." "12345678901234567890" "0.1" "-0.0" "#o17" "1E2" "1d2" "1s2" "#x1.8" "#e#x10" "#x#e10" "1/2e2" "ff")])
  (printf "~s -> ~s\n" s (string->number s)))
(for ([s (quote ("ff" "FF" "10" "1.1"))] [r (quote (16 16 2 2))])
  (printf "~s r~a -> ~s\n" s r (string->number s r)))
(for ([r '(2 8 10 16 3 1 17 x)])
  (printf "~s -> ~s ~s\n" r (with-handlers ([exn:fail? exn-message]) (number->string 255 r)) (with-handlers ([exn:fail? exn-message]) (string->number "11" r))))
