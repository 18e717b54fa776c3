#lang racket
;; racket/include: the file's forms are read at expansion time, relative to
;; this file, and spliced in with the include form's lexical context.
(require racket/include)
(include "_include-data.rktd")
(list included-x (included-double 4))
(let ()
  (include "_include-data.rktd")
  (list 'inner included-x))
(let () (include (file "_include-data.rktd")) (included-double 100))
;; with a reader of its own: here one that upcases the included- names
(define-for-syntax (upcase-reader src in)
  (define v (read-syntax src in))
  (if (eof-object? v)
      v
      (let loop ([s v])
        (define e (syntax-e s))
        (datum->syntax s
                       (cond [(and (symbol? e) (regexp-match? #rx"^included" (symbol->string e)))
                              (string->symbol (string-upcase (symbol->string e)))]
                             [(pair? e) (map loop (syntax->list s))]
                             [else e])
                       s))))
(include/reader "_include-data.rktd" upcase-reader)
(list INCLUDED-X (INCLUDED-DOUBLE 1))
;; include-at/relative-to: a macro gives the forms the use site's context,
;; so the definitions are visible where the macro is used
(define-syntax (include-here stx)
  (syntax-case stx ()
    [(_ ctx) #'(include-at/relative-to ctx ctx "_include-data.rktd")]))
(let () (include-here here) (list 'at included-x))
(define-syntax (include-here/reader stx)
  (syntax-case stx ()
    [(_ ctx) #'(include-at/relative-to/reader ctx ctx "_include-data.rktd" upcase-reader)]))
(let () (include-here/reader here) (list 'at/reader INCLUDED-X))
;; errors, as Racket words them
(define ns (make-base-namespace))
(parameterize ([current-namespace ns]) (namespace-require 'racket/include))
(define (try form)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (eval form ns)))
(try '(include "no-such-file.rktd"))
(try '(include 5))
(try '(include "a" "b"))
(try '(include/reader "_include-data.rktd" 7))
(try '(include/reader "_include-data.rktd" (lambda (a) a)))
(parameterize ([current-namespace ns]) (namespace-require '(for-syntax racket/base)))
(try '(include/reader "_include-data.rktd" 7))
(try '(include/reader "library/_include-data.rktd" (lambda (src in) (error 'my-reader "cannot read"))))
