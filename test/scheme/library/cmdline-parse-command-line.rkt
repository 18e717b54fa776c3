#lang racket/base
;; parse-command-line called directly: tables, handlers' results, the help
;; and unknown-flag procedures, and the errors for a bad table. The last
;; command line is bad and not caught: the program ends as Racket's does.
(require racket/cmdline)

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e) (printf "~a: ~a\n" (if (exn:fail:user? e) "user" "contract") (exn-message e)))])
    (thunk)))

(parse-command-line "prog" (vector "-a" "1" "z")
                    `((once-each [("-a") ,(lambda (flag v) (list flag v)) ("Set a" "val")]))
                    (lambda (results x) (list results x))
                    '("x"))
(parse-command-line "prog" '("-b" "-c" "rest")
                    `((multi [("-b") ,(lambda (flag) 'b) ("b")] [("-c") ,(lambda (flag) (void)) ("c")]))
                    (lambda (results . xs) (list results xs))
                    '("x"))
;; A help procedure and an unknown-flag procedure of one's own.
(parse-command-line "prog" (vector "--help") '((usage-help "Usage line") (ps "ps"))
                    (lambda (results) 'done) '()
                    (lambda (text) (printf "help is ~a lines\n" (length (regexp-split #rx"\n" text)))))
(parse-command-line "prog" (vector "--what" "now") '()
                    (lambda (results) 'done) '()
                    void
                    (lambda (flag . more) (printf "unknown ~a with ~a\n" flag more)))
(parse-command-line (string->path "/usr/bin/tool") (vector "x") '() (lambda (r x) x) '("x"))
(try (lambda () (parse-command-line (string->path "/usr/bin/tool") (vector "--nope") '() void '())))

;; Bad tables and arguments.
(try (lambda () (parse-command-line 'prog (vector) '() void '())))
(try (lambda () (parse-command-line "prog" 5 '() void '())))
(try (lambda () (parse-command-line "prog" (vector 1) '() void '())))
(try (lambda () (parse-command-line "prog" (vector) 'table void '())))
(try (lambda () (parse-command-line "prog" (vector) '((bogus)) void '())))
(try (lambda () (parse-command-line "prog" (vector) '(()) void '())))
(try (lambda () (parse-command-line "prog" (vector) '((ps 5)) void '())))
(try (lambda () (parse-command-line "prog" (vector) '((once-each ("-a"))) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-ab") ,void ("x")])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-5") ,void ("x")])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-h") ,void ("x")])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-a") 5 ("x")])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-a") ,(lambda () 1) ()])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-a") ,(lambda (f) 1) ("x" "y")])) void '())))
(try (lambda () (parse-command-line "prog" (vector) `((once-each [("-a") ,(lambda (f) 1) (5)])) void '())))
(try (lambda () (parse-command-line "prog" (vector) '() 5 '())))
(try (lambda () (parse-command-line "prog" (vector) '() void '(5))))
(try (lambda () (parse-command-line "prog" (vector) '() (lambda (r) r) '("extra"))))
(try (lambda () (parse-command-line "prog" (vector) '() void '() 5)))

(displayln "now a bad command line, not caught")
(parse-command-line "prog" (vector "--bogus") '() void '())
(displayln "not reached")
