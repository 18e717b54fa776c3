#lang racket/base
;; racket/pretty on long and deeply nested values (no stack overflow; the
;; lengths and a few lines of what is printed).
(require racket/pretty)

(define (printed-lines v [columns 79])
  (define o (open-output-string))
  (parameterize ([pretty-print-columns columns]) (pretty-print v o))
  (regexp-split #rx"\n" (get-output-string o)))
(define (summary v [columns 79])
  (define lines (printed-lines v columns))
  (list (length lines) (apply + (map string-length lines)) (car lines) (list-ref lines (quotient (length lines) 2))))

(summary (build-list 10000 values))
(summary (for/list ([i 2000]) (list i (number->string i) (vector i 'a))))
(summary (for/fold ([x '()]) ([i 50000]) (list x)) 'infinity)
(define deep-vector (for/fold ([x '()]) ([i 50000]) (vector x)))
(string-length (car (printed-lines deep-vector)))
(summary (for/fold ([x '()]) ([i 300]) (list x 1)))
(summary (for/fold ([x '()]) ([i 300]) `(let ((a ,i)) ,x)))
(summary (for/fold ([x 0]) ([i 20000]) (cons i x)))
(summary (for/fold ([x '()]) ([i 20000]) (box x)) 'infinity)
(summary (for/fold ([x '()]) ([i 1000]) (mcons x '())))
