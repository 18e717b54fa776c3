#lang racket/base
;; net/uri-codec: percent-encoding of URI parts and of form data (each codec
;; keeps its own set of ASCII characters as they are), and form data as an
;; association list. net/url encodes and decodes URLs with these.

(provide (rename-out [uri-encode net/uri-codec:uri-encode]
                     [uri-decode net/uri-codec:uri-decode]
                     [uri-path-segment-encode net/uri-codec:uri-path-segment-encode]
                     [uri-path-segment-decode net/uri-codec:uri-path-segment-decode]
                     [uri-userinfo-encode net/uri-codec:uri-userinfo-encode]
                     [uri-userinfo-decode net/uri-codec:uri-userinfo-decode]
                     [uri-unreserved-encode net/uri-codec:uri-unreserved-encode]
                     [uri-unreserved-decode net/uri-codec:uri-unreserved-decode]
                     [uri-path-segment-unreserved-encode net/uri-codec:uri-path-segment-unreserved-encode]
                     [uri-path-segment-unreserved-decode net/uri-codec:uri-path-segment-unreserved-decode]
                     [form-urlencoded-encode net/uri-codec:form-urlencoded-encode]
                     [form-urlencoded-decode net/uri-codec:form-urlencoded-decode]
                     [alist->form-urlencoded net/uri-codec:alist->form-urlencoded]
                     [form-urlencoded->alist net/uri-codec:form-urlencoded->alist]
                     [current-alist-separator-mode net/uri-codec:current-alist-separator-mode]
                     [uri-encode #%rkt-internal:uri-encode]
                     [uri-decode #%rkt-internal:uri-decode]
                     [uri-path-segment-encode #%rkt-internal:uri-path-segment-encode]
                     [uri-path-segment-decode #%rkt-internal:uri-path-segment-decode]
                     [uri-userinfo-encode #%rkt-internal:uri-userinfo-encode]
                     [uri-unreserved-encode #%rkt-internal:uri-unreserved-encode]
                     [uri-path-segment-unreserved-encode #%rkt-internal:uri-path-segment-unreserved-encode]
                     [alist->form-urlencoded #%rkt-internal:alist->form-urlencoded]
                     [form-urlencoded->alist #%rkt-internal:form-urlencoded->alist]))

(define codec-alphanumeric "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
(define codec-uri (string-append codec-alphanumeric "-_.!~*'()"))
(define codec-path-segment (string-append codec-uri "@+,=$&:"))
(define codec-unreserved (string-append codec-alphanumeric "-._~"))
(define codec-path-segment-unreserved (string-append codec-unreserved "@+,=$&:"))
(define codec-userinfo (string-append codec-unreserved "!$&'()*+,;=:"))
(define codec-form (string-append ".-*_" codec-alphanumeric))

(define (codec-hex b) (string #\% (string-ref "0123456789ABCDEF" (quotient b 16)) (string-ref "0123456789ABCDEF" (remainder b 16))))

(define (codec-kept? keep c)
  (let loop ([i 0])
    (and (< i (string-length keep)) (or (char=? c (string-ref keep i)) (loop (+ i 1))))))

;; `str` itself when every character is kept; else its UTF-8 bytes, each
;; kept ASCII byte as itself (a space as "+" in form data), the rest %XX.
(define (codec-encode keep form? str)
  (if (for/and ([c (in-string str)]) (codec-kept? keep c))
      str
      (let ([out (open-output-string)])
        (for ([b (in-bytes (string->bytes/utf-8 str))])
          (cond [(and form? (= b 32)) (write-char #\+ out)]
                [(and (< b 128) (codec-kept? keep (integer->char b))) (write-char (integer->char b) out)]
                [else (write-string (codec-hex b) out)]))
        (get-output-string out))))

;; %XX (any two characters that read as a hex number) gives a byte; other
;; characters stay (a "+" is a space in form data).
(define (codec-decode form? str)
  (let ([in (open-input-string str)] [out (open-output-bytes)])
    (let loop ()
      (let ([c (read-char in)])
        (unless (eof-object? c)
          (cond [(eqv? c #\%)
                 (let* ([hex (read-string 2 in)]
                        [n (and (string? hex) (string->number hex 16))])
                   (if (exact-nonnegative-integer? n)
                       (write-byte n out)
                       (begin (write-char #\% out) (when (string? hex) (write-string hex out)))))]
                [(and form? (eqv? c #\+)) (write-char #\space out)]
                [else (write-char c out)])
          (loop))))
    (get-output-string out)))

(define (uri-encode str) (codec-encode codec-uri #f str))
(define (uri-decode str) (codec-decode #f str))
(define (uri-path-segment-encode str) (codec-encode codec-path-segment #f str))
(define (uri-path-segment-decode str) (codec-decode #f str))
(define (uri-userinfo-encode str) (codec-encode codec-userinfo #f str))
(define (uri-userinfo-decode str) (codec-decode #f str))
(define (uri-unreserved-encode str) (codec-encode codec-unreserved #f str))
(define (uri-unreserved-decode str) (codec-decode #f str))
(define (uri-path-segment-unreserved-encode str) (codec-encode codec-path-segment-unreserved #f str))
(define (uri-path-segment-unreserved-decode str) (codec-decode #f str))
(define (form-urlencoded-encode str) (codec-encode codec-form #t str))
(define (form-urlencoded-decode str) (codec-decode #t str))

(define current-alist-separator-mode
  (make-parameter 'amp-or-semi
                  (lambda (s)
                    (unless (memq s '(amp semi amp-or-semi semi-or-amp))
                      (raise-type-error 'current-alist-separator-mode "'amp, 'semi, 'amp-or-semi, or 'semi-or-amp" s))
                    s)))

(define (alist->form-urlencoded args)
  (let ([parts (map (lambda (arg)
                      (let ([name (form-urlencoded-encode (symbol->string (car arg)))])
                        (if (cdr arg) (string-append name "=" (form-urlencoded-encode (cdr arg))) name)))
                    args)]
        [sep (if (memq (current-alist-separator-mode) '(semi semi-or-amp)) ";" "&")])
    (if (null? parts)
        ""
        (apply string-append (car parts) (map (lambda (p) (string-append sep p)) (cdr parts))))))

(define (form-urlencoded->alist str)
  (let ([sep (case (current-alist-separator-mode) [(semi) #rx"[;]"] [(amp) #rx"[&]"] [else #rx"[&;]"])])
    (if (equal? "" str)
        '()
        (map (lambda (kv)
               (let ([m (regexp-match-positions #rx"=" kv)])
                 (cons (string->symbol (form-urlencoded-decode (if m (substring kv 0 (caar m)) kv)))
                       (and m (form-urlencoded-decode (substring kv (cdar m)))))))
             (regexp-split sep str)))))
