#lang racket/base
;; The reader parameters rkt adds to read-params: their values, guards and
;; arity errors, and their effect on read (bar quotes, graph and `#~`,
;; `#lang`/`#reader` when not enabled), and
;; call-with-default-reading-parameterization resetting them.
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (println (thunk))))
(for ([p (list read-accept-bar-quote read-accept-compiled read-accept-graph read-accept-lang
               read-accept-reader read-cdot read-syntax-accept-graph read-on-demand-source
               print-value-columns current-reader-guard)])
  (println p)
  (try (lambda () (parameterize ([p 5]) (p))))
  (try (lambda () (parameterize ([p 'x]) (p))))
  (try (lambda () (p 1 2))))
(list (read-accept-bar-quote) (read-accept-compiled) (read-accept-graph) (read-accept-lang)
      (read-accept-reader) (read-cdot) (read-syntax-accept-graph) (print-value-columns))
(try (lambda () (parameterize ([read-on-demand-source "x"]) (read-on-demand-source))))
(try (lambda () (parameterize ([read-on-demand-source (string->path "/tmp")]) (read-on-demand-source))))
(try (lambda () (parameterize ([read-on-demand-source (string->path "tmp")]) (read-on-demand-source))))
(try (lambda () (parameterize ([read-on-demand-source #t]) (read-on-demand-source))))
(try (lambda () (parameterize ([print-value-columns +inf.0]) (print-value-columns))))
(try (lambda () (parameterize ([print-value-columns 6]) (print-value-columns))))
(try (lambda () (parameterize ([print-value-columns (expt 10 20)]) (print-value-columns))))
(try (lambda () (parameterize ([print-value-columns 0]) (print-value-columns))))
(try (lambda () (parameterize ([print-value-columns 5.0]) (print-value-columns))))
(try (lambda () (parameterize ([print-value-columns -inf.0]) (print-value-columns))))
(try (lambda () (parameterize ([current-reader-guard (lambda (a b) a)]) (current-reader-guard))))
(try (lambda () (let ([g (lambda (x) x)]) (parameterize ([current-reader-guard g]) (eq? g (current-reader-guard))))))
(try (lambda () ((current-reader-guard) 'racket/base)))

(define (rd s) (read (open-input-string s)))
(define (rd-all s) (let ([p (open-input-string s)]) (let loop () (let ([v (read p)]) (if (eof-object? v) '() (cons v (loop)))))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd-all "|a b| c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd-all "a|b c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd "#:a|b| c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd-all "#\\| c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd "#|x|# c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd "(1 |.| 2)"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd "#%a|b c"))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (symbol->string (rd "a\\|b c")))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (symbol->string (rd "|")))))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (rd "|1|"))))
(try (lambda () (parameterize ([read-accept-bar-quote #t]) (rd-all "|a b| c"))))
(try (lambda () (rd "|abc")))
(try (lambda () (parameterize ([read-accept-bar-quote #f]) (syntax->datum (read-syntax (quote src) (open-input-string "(|x y|)"))))))
(try (lambda () (rd "#~abc")))
(try (lambda () (parameterize ([read-accept-graph #f]) (rd "#0=(a . #0#)"))))
(try (lambda () (parameterize ([read-accept-graph #f]) (rd "(#0# 1)"))))
(try (lambda () (read-syntax 's (open-input-string "#0=(a . #0#)"))))
(try (lambda () (rd "#lang racket/base 1")))
(try (lambda () (rd "#reader racket/base 1")))
(try (lambda () (parameterize ([read-accept-lang #f]) (rd "#lang racket/base 1"))))

(define g (lambda (x) x))
(parameterize ([read-accept-bar-quote #f] [read-accept-compiled #t] [read-accept-graph #f] [read-accept-lang #f]
               [read-accept-reader #t] [read-cdot #t] [read-syntax-accept-graph #t] [read-on-demand-source #t]
               [print-value-columns 10] [current-reader-guard g])
  (call-with-default-reading-parameterization
   (lambda ()
     (list (read-accept-bar-quote) (read-accept-compiled) (read-accept-graph) (read-accept-lang)
           (read-accept-reader) (read-cdot) (read-syntax-accept-graph) (read-on-demand-source)
           (print-value-columns) (eq? g (current-reader-guard))))))
