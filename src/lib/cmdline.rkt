#lang racket/base
;; racket/cmdline's parse-command-line: a command line's flags and arguments
;; parsed against a table of flag specs, with Racket's help text, errors and
;; exit. The command-line form (macros/cmdline.ts) expands into a call of it.
;;
;; A table is a list of spec sets: (once-each line ...), (once-any line ...),
;; (multi line ...), (final line ...), each line (flags handler help), or
;; (help-labels string ...), (usage-help string ...), (ps string ...).

(provide (rename-out [parse-command-line racket/cmdline:parse-command-line]))

(define spec-set-kinds '(once-any once-each multi final help-labels usage-help ps))

(define (text-only-set? kind) (memq kind '(help-labels usage-help ps)))

;; The name errors are reported under: a string, or a path's last element.
(define (program-name program)
  (string->symbol
   (if (path? program)
       (let-values ([(base name dir?) (split-path program)])
         (if (path? name) (path-element->string name) (path->string program)))
       program)))

(define (bad-table table fmt . args)
  (raise-type-error 'parse-command-line
                    (format "table as a list of flag-list/procedure pairs (~a)" (apply format fmt args))
                    table))

(define (accepts-at-least? proc n)
  (let check ([a (procedure-arity proc)])
    (cond [(exact-nonnegative-integer? a) (>= a n)]
          [(arity-at-least? a) #t]
          [else (ormap check a)])))

;; A flag is -x or +x (one character), or --name or ++name; not a number, not -h or --help.
(define (check-flag table flag)
  (unless (string? flag) (bad-table table "flag must be a string: ~e" flag))
  (unless (regexp-match? #rx"^([-+][^-+]$|(--|[+][+])[^-+])" flag)
    (bad-table table "no ill-formed flags: ~e" flag))
  (when (regexp-match? #rx"^[-+][0-9]*([.][0-9]*)?$" flag)
    (bad-table table "no ill-formed flags: ~e" flag))
  (when (regexp-match? #rx"^(-h|--help)$" flag)
    (bad-table table "no pre-defined flags: ~e" flag)))

(define (check-spec-line table line)
  (unless (and (list? line) (= (length line) 3))
    (bad-table table "spec-line must be a list of three items: ~e" line))
  (unless (list? (car line))
    (bad-table table "flags part of a spec-line must be a list: ~e" (car line)))
  (for-each (lambda (flag) (check-flag table flag)) (car line))
  (define handler (cadr line))
  (unless (procedure? handler)
    (bad-table table "second item in a spec-line must be a procedure: ~e" handler))
  (define a (procedure-arity handler))
  (define help (caddr line))
  (cond [(exact-nonnegative-integer? a)
         (unless (>= a 1)
           (bad-table table "flag handler procedure must take at least 1 argument: ~e" handler))]
        [(not (arity-at-least? a))
         (bad-table table "flag handler procedure cannot have multiple cases: ~e" handler)])
  (unless (and (pair? help)
               (or (string? (car help)) (andmap string? (car help)))
               (andmap string? (cdr help)))
    (bad-table table "spec-line help section must be ~a" "a list of string-or-string-list and strings"))
  (unless (if (exact-nonnegative-integer? a)
              (= a (length help))
              (and (>= (length help) 1) (>= (length help) (arity-at-least-value a))))
    (bad-table table "spec-line help list strings must match procedure arguments")))

(define (check-table table)
  (unless (list? table) (raise-type-error 'parse-command-line "table of spec sets" table))
  (for-each
   (lambda (set)
     (unless (and (list? set) (pair? set))
       (bad-table table "spec-set must be a non-empty list: ~a" set))
     (unless (memq (car set) spec-set-kinds)
       (bad-table table "spec-set type must be 'once-any, 'once-each, 'multi, 'final, 'help-labels, 'usage-help, or 'ps: ~a"
                  (car set)))
     (for-each
      (lambda (line)
        (if (text-only-set? (car set))
            (unless (string? line) (bad-table table "~a line must be a string: ~e" (car set) line))
            (check-spec-line table line)))
      (cdr set)))
   table))

;; " <a> <b>", " [<opt>]", " [<rest>] ...": the names of what `proc` takes
;; after its first argument, optional where it accepts fewer.
(define (argument-names names proc)
  (let loop ([names names] [n 1] [out '()])
    (if (null? names)
        (apply string-append (reverse out))
        (let* ([optional? (procedure-arity-includes? proc n)]
               [shown (if optional? (format " [<~a>]" (car names)) (format " <~a>" (car names)))]
               [more (if (and (null? (cdr names)) (procedure-arity-includes? proc (+ n 2))) " ..." "")])
          (loop (cdr names) (add1 n) (cons more (cons shown out)))))))

(define (help-lines line)
  (let ([h (car (caddr line))]) (if (string? h) (list h) h)))

;; One spec line of the help text. `set` is its spec set; a once-any set of
;; several lines is drawn with a bracket down its left side.
(define (spec-line-help out set line)
  (define kind (car set))
  (define lines (cdr set))
  (define bracketed? (and (eq? kind 'once-any) (pair? (cdr lines))))
  (define first-line? (eq? line (car lines)))
  (define last-line? (eq? line (list-ref lines (sub1 (length lines)))))
  (define helps (help-lines line))
  (for ([help (in-list helps)] [i (in-naturals)])
    (define first-help? (= i 0))
    (define last-help? (= i (sub1 (length helps))))
    (write-string
     (cond [bracketed?
            (cond [(and first-line? first-help?) "/"]
                  [(and last-line? last-help? (> (length helps) 1)) "\\"]
                  [else "|"])]
           [(and (memq kind '(multi final)) first-help?) "*"]
           [else " "])
     out)
    (cond
      [first-help?
       (write-string
        (apply string-append
               (let join ([flags (car line)])
                 (cons (string-append " " (car flags) (argument-names (cdr (caddr line)) (cadr line)))
                       (if (null? (cdr flags)) '() (cons "," (join (cdr flags)))))))
        out)
       (write-string (cond [(not bracketed?) "\n    "]
                           [(and last-line? last-help?) "\n\\   "]
                           [else "\n|   "])
                     out)]
      [else (write-string "   " out)])
    (fprintf out " ~a\n" help)))

(define (help-text program table finish finish-help)
  (define out (open-output-string))
  (define (has? kind) (assq kind table))
  (fprintf out "usage: ~a [ <option> ... ]~a" (program-name program) (argument-names finish-help finish))
  (for ([set (in-list table)] #:when (eq? (car set) 'usage-help))
    (for ([line (in-list (cdr set))]) (fprintf out "\n  ~a" line)))
  (write-string "\n\n<option> is one of\n\n" out)
  (for ([set (in-list table)] #:unless (memq (car set) '(ps usage-help)))
    (if (eq? (car set) 'help-labels)
        (for ([line (in-list (cdr set))]) (fprintf out " ~a\n" line))
        (for ([line (in-list (cdr set))]) (spec-line-help out set line))))
  (write-string "  --help, -h\n     Show this help\n" out)
  (write-string "  --\n     Do not treat any remaining argument as a switch (at this level)\n" out)
  (write-string "\n" out)
  (when (or (has? 'multi) (has? 'final))
    (write-string " *   Asterisks indicate options allowed multiple times.\n" out))
  (when (has? 'once-any)
    (write-string " /|\\ Brackets indicate mutually exclusive options.\n" out))
  (when (or (has? 'multi) (has? 'final) (has? 'once-any))
    (write-string "\n" out))
  (write-string " Multiple single-letter switches can be combined after\n" out)
  (write-string " one `-`. For example, `-h-` is the same as `-h --`.\n" out)
  (for ([set (in-list table)] #:when (eq? (car set) 'ps))
    (for ([line (in-list (cdr set))]) (fprintf out " ~a\n" line)))
  (get-output-string out))

;; The flags a parse knows: each a vector of the flags, the handler, and what
;; limits its use: 'any (multi, help), 'final, or a box (once-each, once-any)
;; shared by the flags that exclude each other, set once one is used.
(define (flag-entries table help-entry)
  (cons help-entry
        (apply append
               (for/list ([set (in-list table)])
                 (case (car set)
                   [(once-each)
                    (for/list ([line (in-list (cdr set))])
                      (vector (car line) (cadr line) (box #f) (car line)))]
                   [(once-any)
                    (let ([used (box #f)] [all (apply append (map car (cdr set)))])
                      (for/list ([line (in-list (cdr set))])
                        (vector (car line) (cadr line) used all)))]
                   [(multi) (for/list ([line (in-list (cdr set))]) (vector (car line) (cadr line) 'any #f))]
                   [(final) (for/list ([line (in-list (cdr set))]) (vector (car line) (cadr line) 'final #f))]
                   [else '()])))))

;; "-v -p" for "-vp": how a combined flag was read.
(define (spelled-out combined)
  (let ([prefix (string (string-ref combined 0))])
    (let loop ([chars (string->list (substring combined 1))] [sep ""])
      (if (null? chars)
          ""
          (string-append sep prefix (string (car chars)) (loop (cdr chars) " "))))))

(define (parse-command-line program argv table finish finish-help
                            [help (lambda (s) (display s) (exit 0))]
                            [unknown-flag (lambda (flag)
                                            (raise-user-error (program-name program) "unknown switch: ~a" flag))])
  (define arguments (if (vector? argv) (vector->list argv) argv))
  (unless (or (string? program) (path? program))
    (raise-type-error 'parse-command-line "program name string" program))
  (unless (and (list? arguments) (andmap string? arguments))
    (raise-type-error 'parse-command-line "argument vector/list of strings" argv))
  (check-table table)
  (unless (and (procedure? finish) (accepts-at-least? finish 1))
    (raise-type-error 'parse-command-line "finish procedure accepting at least 1 argument" finish))
  (unless (and (list? finish-help) (andmap string? finish-help))
    (raise-type-error 'parse-command-line "argument help list of strings" finish-help))
  (unless (and (procedure? help) (procedure-arity-includes? help 1))
    (raise-type-error 'parse-command-line "help procedure of arity 1" help))
  (unless (and (procedure? unknown-flag) (procedure-arity-includes? unknown-flag 1)
               (let ([a (procedure-arity unknown-flag)])
                 (or (exact-nonnegative-integer? a) (arity-at-least? a))))
    (raise-type-error 'parse-command-line
                      "unknown-flag procedure of simple arity, accepting 1 argument (an perhaps more)"
                      unknown-flag))
  (unless (procedure-arity-includes? finish (add1 (length finish-help)))
    (raise-arguments-error 'parse-command-line
                           "mismatch in length of argument help string and finish procedure arity"
                           "argument help string" finish-help
                           "finish procedure" finish))
  (define name (program-name program))
  (define entries
    (flag-entries table
                  (vector '("--help" "-h")
                          (lambda (flag) (help (help-text program table finish finish-help)))
                          'any
                          #f)))
  (define finalled? #f)
  ;; The positional arguments go to `finish`, after the handlers' non-void results.
  (define (done args results)
    (define c (length args))
    (if (procedure-arity-includes? finish (add1 c))
        (apply finish (reverse results) args)
        (raise-user-error
         name
         "expects~a on the command line, given ~a argument~a~a"
         (cond [(null? finish-help) " no arguments"]
               [(equal? (procedure-arity finish) 2) (format " 1~a" (argument-names finish-help finish))]
               [else (argument-names finish-help finish)])
         c
         (cond [(zero? c) "s"] [(= c 1) ": "] [else "s: "])
         (apply string-append (map (lambda (a) (string-append a " ")) args)))))
  ;; Calls `handler` with `flag` and the arguments it takes from `args`, then `k` with the rest.
  (define (call-handler handler flag args results k)
    (define a (procedure-arity handler))
    (define available (length args))
    (define needed (sub1 (if (arity-at-least? a) (arity-at-least-value a) a)))
    (define taken (if (arity-at-least? a) available needed))
    (when (< available needed)
      (raise-user-error name "the ~s option needs ~a argument~a, but ~a~a provided"
                        flag needed (if (> needed 1) "s" "") (if (zero? available) "" "only ") available))
    (let loop ([n taken] [rest args] [used '()])
      (if (zero? n)
          (let ([v (apply handler flag (reverse used))])
            (k rest (if (void? v) results (cons v results))))
          (loop (sub1 n) (cdr rest) (cons (car rest) used)))))
  (define (handle-flag flag args results combined k)
    (define entry (for/first ([e (in-list entries)] #:when (member flag (vector-ref e 0))) e))
    (cond
      [(not entry) (call-handler unknown-flag flag args results k)]
      [else
       (define limit (vector-ref entry 2))
       (when (eq? limit 'final) (set! finalled? #t))
       (when (box? limit)
         (when (unbox limit)
           (define flags (vector-ref entry 3))
           (define why (if (= 1 (length flags))
                           (format "the ~a option can only be specified once" (car flags))
                           (format "only one instance of one option from ~a is allowed" flags)))
           (raise-user-error
            name
            (if (and combined (not (equal? flag combined)))
                (format "~a; note that ~s is shorthand for ~s, in contrast to ~s"
                        why combined (spelled-out combined) (string-append (substring combined 0 1) combined))
                why)))
         (set-box! limit #t))
       (call-handler (vector-ref entry 1) flag args results k)]))
  (let loop ([args arguments] [results '()])
    (cond
      [(null? args) (done args results)]
      [finalled? (done args results)]
      [else
       (define arg (car args))
       (cond
         ;; A number, or `-` or `+` alone, is an argument and ends the flags.
         [(regexp-match? #rx"^[-+][0-9]*(|[.][0-9]*)$" arg) (done args results)]
         [(equal? arg "--") (done (cdr args) results)]
         [(regexp-match? #rx"^[-+][-+]" arg) (handle-flag arg (cdr args) results #f loop)]
         ;; Single-letter flags combined after one `-` or `+`.
         [(regexp-match? #rx"^[-+]." arg)
          (let each ([chars (string->list (substring arg 1))] [rest (cdr args)] [results results])
            (if (null? chars)
                (loop rest results)
                (handle-flag (string (string-ref arg 0) (car chars)) rest results arg
                             (lambda (rest results) (each (cdr chars) rest results)))))]
         [else (done args results)])])))
