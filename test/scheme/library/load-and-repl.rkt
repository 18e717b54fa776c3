#lang racket/base
;; load, the load handler, read-syntax and read-eval-print-loop with its parameters.
(define (try thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e) (printf "error: ~a\n" (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

(define ns (make-base-namespace))
(parameterize ([current-namespace ns])
  (try (lambda () (load "library/_loaded-defs.rktl")))
  (try (lambda () (eval '(square 5))))
  (try (lambda () (eval 'loaded-value))))
(try (lambda () (load 5)))
(try (lambda () (load "library/_no-such-file.rktl")))
(try (lambda () (procedure? (current-load))))
(try (lambda () (current-load (lambda (x) x))))
;; A load handler of one's own.
(parameterize ([current-load (lambda (path expected) (printf "would load ~a ~a\n" (path? path) expected) 'handled)])
  (try (lambda () (load "library/_loaded-defs.rktl"))))
(try (lambda () (current-load-relative-directory)))
(try (lambda () (current-load-relative-directory "relative")))

;; read-syntax keeps source names and positions.
(define stx (read-syntax 'my-source (open-input-string "  (a b\n (c))")))
(try (lambda () (syntax-source stx)))
(try (lambda () (syntax-position stx)))
(try (lambda () (syntax->datum stx)))
(try (lambda () (read-syntax 'src (open-input-string ""))))
(try (lambda () (read-syntax 'src (open-input-string "(unclosed"))))

;; The REPL: prompts, evaluation in the current namespace, printing, errors.
(define (run-repl input)
  (define errors (open-output-string))
  (parameterize ([current-namespace (make-base-namespace)]
                 [current-input-port (open-input-string input)]
                 [current-error-port errors])
    (read-eval-print-loop))
  (newline)
  ;; The error messages, without the context lines that follow them.
  (for ([line (in-list (regexp-split #rx"\n" (get-output-string errors)))]
        #:unless (regexp-match? #rx"^(  context[.][.][.]:|   )" line))
    (printf "stderr: ~a\n" line)))
(run-repl "(+ 1 2)\n(values 'a \"b\")\n(define x 4)\n(* x x)\n(car 5)\n(void)\n'after-error\n")
(parameterize ([current-print (lambda (v) (printf "[~s]\n" v))])
  (run-repl "1 2 (list 3)"))
(parameterize ([current-prompt-read (let ([n 0])
                                      (lambda ()
                                        (set! n (add1 n))
                                        (if (> n 3) eof (datum->syntax #f (list '* n 10)))))])
  (run-repl ""))
(try (lambda () (current-print 5)))
(define (one-argument x) x)
(try (lambda () (current-prompt-read one-argument)))
