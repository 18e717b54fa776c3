#lang racket/base
;; read-language: the `#lang` / `#!` line, the get-info procedure of
;; racket/base and racket, the fail thunk, and the errors without a #lang.

(define (show . xs)
  (for ([x xs]) (write x) (display " "))
  (newline))
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk show)))
(define (info s) (read-language (open-input-string s)))

(try (lambda () (info "#lang racket/base")))
(try (lambda () (procedure? (info "#lang racket/base"))))
(try (lambda () (procedure-arity (info "#lang racket"))))
(for ([key '(module-language some-key color-lexer drracket:indentation drracket:submit-predicate
             configure-runtime drracket:default-filters drracket:toolbar-buttons)])
  (try (lambda () (list key ((info "#lang racket/base") key 'dflt) ((info "#lang racket") key 'dflt)))))
(try (lambda () ((info "; c\n #| b |# #;(x) #lang racket") 'module-language #f)))
(try (lambda () ((info "#!racket/base") 'module-language #f)))
(try (lambda () ((info "#! /bin/sh\n#lang racket/base") 'module-language #f)))
(try (lambda () (let ([p (open-input-string "#lang racket/base (x)")]) (read-language p) (list (read-char p) (read p)))))

;; No #lang: the fail thunk, or an error
(try (lambda () (info "(foo)")))
(try (lambda () (read-language (open-input-string "(foo)") (lambda () 'failed))))
(try (lambda () (let ([p (open-input-string "  (foo)")]) (list (read-language p (lambda () 'failed)) (read-char p)))))
(try (lambda () (read-language (open-input-string "") (lambda () 'failed))))
(try (lambda () (read-language (open-input-string "#lang racket") (lambda () 'unused))))
(try (lambda () (info "")))
(try (lambda () (info "#")))
(try (lambda () (info "#x")))
(try (lambda () (info "#reader racket/base")))
(try (lambda () (info "#lang ")))
(try (lambda () (info "#lang  racket")))
(try (lambda () (info "#lang racket/")))
(try (lambda () (let ([p (open-input-string "\n\n  (x)")]) (port-count-lines! p) (read-language p))))

;; Bad arguments
(try (lambda () (read-language 5)))
(try (lambda () (read-language (open-input-string "") 5)))
(try (lambda () (read-language (open-input-string "") car)))
