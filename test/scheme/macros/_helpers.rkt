#lang racket/base
;; Compile-time helpers for for-syntax-helpers.rkt and phases.rkt.
(provide symbol-append id-append snake->kebab counter-next! helper-loads)

(define helper-loads 0)
(set! helper-loads (add1 helper-loads))
(printf "helpers instantiated\n")

(define (symbol-append . syms)
  (string->symbol (apply string-append (map symbol->string syms))))

(define (id-append ctx . parts)
  (datum->syntax ctx
                 (string->symbol
                  (apply string-append
                         (map (lambda (p)
                                (cond [(symbol? p) (symbol->string p)]
                                      [(string? p) p]
                                      [(identifier? p) (symbol->string (syntax-e p))]
                                      [else (format "~a" p)]))
                              parts)))))

(define (snake->kebab s)
  (list->string (for/list ([c (in-string s)]) (if (char=? c #\_) #\- c))))

(define counter 0)
(define (counter-next!)
  (set! counter (add1 counter))
  counter)
