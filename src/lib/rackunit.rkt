#lang racket/base
;; rackunit: checks, test cases, test suites, their folds, the text
;; reporter (rackunit/text-ui's run-tests) and rackunit/log's counters. The
;; structures are prims/rackunit.ts; the forms (check-equal?, test-case,
;; test-suite, define-check, ...) are macros/rackunit-forms.ts, which expand
;; into calls of the procedures named #%rkt-internal here.

(provide (rename-out [current-check-info rackunit:current-check-info]
                     [with-check-info* rackunit:with-check-info*]
                     [with-default-check-info* rackunit:with-default-check-info*]
                     [make-check-name rackunit:make-check-name]
                     [make-check-params rackunit:make-check-params]
                     [make-check-location rackunit:make-check-location]
                     [make-check-expression rackunit:make-check-expression]
                     [make-check-message rackunit:make-check-message]
                     [make-check-actual rackunit:make-check-actual]
                     [make-check-expected rackunit:make-check-expected]
                     [check-name? rackunit:check-name?]
                     [check-params? rackunit:check-params?]
                     [check-location? rackunit:check-location?]
                     [check-expression? rackunit:check-expression?]
                     [check-message? rackunit:check-message?]
                     [check-actual? rackunit:check-actual?]
                     [check-expected? rackunit:check-expected?]
                     [fail-check rackunit:fail-check]
                     [current-check-handler rackunit:current-check-handler]
                     [current-check-around rackunit:current-check-around]
                     [current-test-name rackunit:current-test-name]
                     [current-test-case-around rackunit:current-test-case-around]
                     [test-suite-test-case-around rackunit:test-suite-test-case-around]
                     [test-suite-check-around rackunit:test-suite-check-around]
                     [make-test-suite rackunit:make-test-suite]
                     [foldts-test-suite rackunit:foldts-test-suite]
                     [fold-test-results rackunit:fold-test-results]
                     [run-test-case rackunit:run-test-case]
                     [run-test rackunit:run-test]
                     [dynamic-require/expose rackunit:dynamic-require/expose]
                     [run-tests rackunit/text-ui:run-tests]
                     [test-log! rackunit/log:test-log!]
                     [test-log rackunit/log:test-log]
                     [test-log-enabled? rackunit/log:test-log-enabled?]
                     [test-log-counts #%rkt-internal:test-log-counts]
                     [check-apply #%rkt-internal:check-apply]
                     [check-procedure #%rkt-internal:check-procedure]
                     [check-body #%rkt-internal:check-body]
                     [with-check-info* #%rkt-internal:with-check-info*]
                     [with-default-check-info* #%rkt-internal:with-default-check-info*]
                     [make-check-actual #%rkt-internal:make-check-actual]
                     [make-check-expected #%rkt-internal:make-check-expected]
                     [make-check-name #%rkt-internal:make-check-name]
                     [make-check-location #%rkt-internal:make-check-location]
                     [make-check-expression #%rkt-internal:make-check-expression]
                     [fail-check #%rkt-internal:fail-check]
                     [test-begin-now #%rkt-internal:test-begin]
                     [test-case-now #%rkt-internal:test-case]
                     [test-suite-now #%rkt-internal:test-suite]
                     [delay-test-now #%rkt-internal:delay-test]
                     [void-thunk #%rkt-internal:void-thunk]
                     [expose #%rkt-internal:rackunit-expose]))

;; ---------------------------------------------------------------- rackunit/log

;; Checks and test cases run, and those that failed: what `raco test` sums up.
(define test-log-counts (make-vector 2 0))
(define test-log-enabled? (make-parameter #t (lambda (v) (and v #t)) 'test-log-enabled?))

(define (test-log! result)
  (when (test-log-enabled?)
    (vector-set! test-log-counts 0 (add1 (vector-ref test-log-counts 0)))
    (unless result
      (vector-set! test-log-counts 1 (add1 (vector-ref test-log-counts 1))))))

(define (test-log #:display? [display? #f] #:exit? [exit? #f])
  (let ([total (vector-ref test-log-counts 0)]
        [failed (vector-ref test-log-counts 1)])
    (when (and display? (not (zero? total)))
      (if (zero? failed)
          (printf "~a test~a passed\n" total (if (= total 1) "" "s"))
          (eprintf "~a/~a test failures\n" failed total)))
    (when (and exit? (not (zero? failed)))
      (exit 1))
    (cons failed total)))

;; ---------------------------------------------------------------- check-info

(define current-check-info (make-parameter '() #f 'current-check-info))

(define (make-check-name v) (%make-check-info 'name v))
(define (make-check-params v) (%make-check-info 'params (%pretty-info v)))
(define (make-check-location v) (%make-check-info 'location (%location-info v)))
(define (make-check-expression v) (%make-check-info 'expression (%verbose-info v)))
(define (make-check-message v) (%make-check-info 'message v))
(define (make-check-actual v) (%make-check-info 'actual (%pretty-info v)))
(define (make-check-expected v) (%make-check-info 'expected (%pretty-info v)))

(define (info-named? name info) (eq? (%check-info-name info) name))
(define (check-name? info) (info-named? 'name info))
(define (check-params? info) (info-named? 'params info))
(define (check-location? info) (info-named? 'location info))
(define (check-expression? info) (info-named? 'expression info))
(define (check-message? info) (info-named? 'message info))
(define (check-actual? info) (info-named? 'actual info))
(define (check-expected? info) (info-named? 'expected info))

(define (check-infos-arg who infos)
  (unless (and (list? infos) (andmap %check-info? infos))
    (raise-argument-error who "(listof check-info?)" infos)))

;; The infos so far and `infos`; a later info of a name replaces an earlier one, where the later one is.
(define (with-check-info* infos thunk)
  (check-infos-arg 'with-check-info* infos)
  (let* ([all (append (current-check-info) infos)]
         [kept (let loop ([l all])
                 (cond [(null? l) '()]
                       [(ormap (lambda (later) (eq? (%check-info-name later) (%check-info-name (car l)))) (cdr l))
                        (loop (cdr l))]
                       [else (cons (car l) (loop (cdr l)))]))])
    (parameterize ([current-check-info kept]) (thunk))))

;; The infos so far and those of `infos` whose names are not among them.
(define (with-default-check-info* infos thunk)
  (check-infos-arg 'with-default-check-info* infos)
  (let* ([old (current-check-info)]
         [names (map %check-info-name old)]
         [new (filter (lambda (i) (not (memq (%check-info-name i) names))) infos)])
    (parameterize ([current-check-info (append old new)]) (thunk))))

;; ---------------------------------------------------------------- checks

(define (fail-check [message ""])
  (unless (string? message) (raise-argument-error 'fail-check "string?" message))
  (raise (%make-exn:test:check message (current-continuation-marks) (current-check-info))))

;; A check failure again, with the original's message, marks and infos.
(define (refail-check e)
  (raise (%make-exn:test:check (exn-message e) (exn-continuation-marks e) (%exn:test:check-stack e))))

(define (plain-check-around thunk) (thunk))

;; Outside test cases a check logs its result and reports its own failure.
(define (default-check-around thunk)
  (let ([handler (current-check-handler)])
    (parameterize ([current-check-around plain-check-around])
      (with-handlers ([(lambda (e) #t) (lambda (e) (test-log! #f) (handler e))])
        (thunk)
        (test-log! #t)))))

(define current-check-around
  (make-parameter default-check-around
                  (lambda (v)
                    (unless (and (procedure? v) (procedure-arity-includes? v 1))
                      (raise-argument-error 'current-check-around "(-> (-> any/c) any)" v))
                    v)
                  'current-check-around))

(define (thunk-arg who thunk)
  (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0))
    (raise-arguments-error who "thunk must be a procedure that accepts 0 arguments" "thunk" thunk)))

(define (check-exn-body raw-pred thunk)
  (let ([pred (cond [(regexp? raw-pred)
                     (lambda (x) (and (exn:fail? x) (regexp-match raw-pred (exn-message x))))]
                    [(and (procedure? raw-pred) (procedure-arity-includes? raw-pred 1)) raw-pred]
                    [else (raise-argument-error 'check-exn "(or/c (-> any/c any/c) regexp?)" raw-pred)])])
    (thunk-arg 'check-exn thunk)
    (let/ec succeed
      (with-handlers ([pred (lambda (e) (succeed #t))]
                      [%exn:test:check? refail-check]
                      [exn:fail?
                       (lambda (e)
                         (with-default-check-info*
                          (list (make-check-message "Wrong exception raised")
                                (%make-check-info 'exn-message (exn-message e))
                                (%make-check-info 'exn e))
                          (lambda () (fail-check))))])
        (thunk))
      (with-default-check-info* (list (make-check-message "No exception raised")) (lambda () (fail-check))))))

(define (check-not-exn-body thunk)
  (thunk-arg 'check-not-exn thunk)
  (with-handlers ([%exn:test:check? refail-check]
                  [exn?
                   (lambda (e)
                     (with-default-check-info*
                      (list (make-check-message "Exception raised")
                            (%make-check-info 'exception-message (exn-message e))
                            (%make-check-info 'exception e))
                      (lambda () (fail-check))))])
    (thunk)))

;; A check whose result says whether it passed.
(define (simple body)
  (procedure-reduce-arity (lambda args (or (apply body args) (fail-check))) (procedure-arity body)))

;; A check comparing an actual value with an expected one.
(define (binary same?)
  (lambda (actual expected)
    (with-default-check-info*
     (list (make-check-actual actual) (make-check-expected expected))
     (lambda () (or (same? actual expected) (fail-check))))))

(define (equal-within? a b delta)
  (let loop ([a a] [b b])
    (if (and (number? a) (number? b))
        (<= (magnitude (- a b)) delta)
        (equal?/recur a b loop))))

;; The procedure that checks what the built-in check `name` checks (made once per runtime).
(define check-bodies (make-hasheq))

(define (check-body name)
  (or (hash-ref check-bodies name #f)
      (let ([body (make-check-body name)])
        (hash-set! check-bodies name body)
        body)))

(define (make-check-body name)
  (case name
    [(check) (simple (lambda (op a b) (op a b)))]
    [(check-pred) (simple (lambda (pred v) (pred v)))]
    [(check-=) (simple (lambda (a b epsilon) (<= (magnitude (- a b)) epsilon)))]
    [(check-true) (simple (lambda (v) (eq? v #t)))]
    [(check-false) (simple (lambda (v) (eq? v #f)))]
    [(check-not-false) (simple (lambda (v) v))]
    [(check-not-eq?) (simple (lambda (a b) (not (eq? a b))))]
    [(check-not-eqv?) (simple (lambda (a b) (not (eqv? a b))))]
    [(check-not-equal?) (simple (lambda (a b) (not (equal? a b))))]
    [(fail) (simple (lambda () #f))]
    [(check-regexp-match) (simple (lambda (rx s) (and (string? s) (regexp-match rx s))))]
    [(check-eq?) (binary eq?)]
    [(check-eqv?) (binary eqv?)]
    [(check-equal?) (binary equal?)]
    [(check-within)
     (lambda (a b epsilon)
       (with-check-info*
        (list (make-check-actual a) (make-check-expected b))
        (lambda () (unless (equal-within? a b epsilon) (fail-check)))))]
    [(check-exn) check-exn-body]
    [(check-not-exn) check-not-exn-body]))

(define (arity-of body)
  (let ([a (procedure-arity body)])
    (if (exact-integer? a) a (arity-at-least-value (if (arity-at-least? a) a (car a))))))

;; Check `name` of `args` (its body's arguments and perhaps a message), by
;; `body` inside `around`'s result (current-check-around's when #f).
(define (run-check name body n location expression around args)
  (let* ([formals (if (= (length args) n) args (reverse (cdr (reverse args))))]
         [message (if (= (length args) n) #f (car (reverse args)))])
    (when (and message (not (string? message)))
      (raise-argument-error name "(or/c #f string?)" message))
    (with-default-check-info*
     (filter values
             (list (make-check-name name)
                   (make-check-location location)
                   (make-check-expression expression)
                   (make-check-params formals)
                   (and message (make-check-message message))))
     (lambda () ((if around (around) (current-check-around)) (lambda () (apply body formals) (void)))))))

;; The check `name` as a procedure: its arguments and an optional message.
(define (check-procedure name body location expression [around #f])
  (let ([n (arity-of body)])
    (procedure-rename
     (procedure-reduce-arity (lambda args (run-check name body n location expression around args)) (list n (add1 n)))
     name)))

(define (no-around) plain-check-around)

;; `(check arg ...)` written out: the arguments are evaluated inside the check.
(define (check-apply name body location expression args-thunk)
  (with-default-check-info*
   (list (make-check-name name) (make-check-location location) (make-check-expression expression))
   (lambda ()
     ((current-check-around)
      (lambda ()
        (let ([args (args-thunk)] [n (arity-of body)])
          (if (or (= (length args) n) (= (length args) (add1 n)))
              (run-check name body n location expression no-around args)
              ;; The check procedure raises the arity error, named as the check.
              (apply (check-procedure name body location expression no-around) args))))))))

;; ---------------------------------------------------------------- reporting failures

(define (location->string loc)
  (let ([source (car loc)] [line (cadr loc)] [column (caddr loc)])
    (string-append (cond [(string? source) source]
                         [(path? source) (path->string source)]
                         [(not source) "unknown"]
                         [else (format "~a" source)])
                   ":" (if (number? line) (number->string line) "?")
                   ":" (if (number? column) (number->string column) "?"))))

(define (trim-current-directory s)
  (regexp-replace (regexp-quote (path->string (current-directory))) s ""))

;; `multi-line?`: the value does not fit on its line, and a pretty-info is laid out over several.
(define (print-info-value v [multi-line? #f])
  (cond [(%string-info? v) (display (%string-info-value v))]
        [(%location-info? v) (display (trim-current-directory (location->string (%location-info-value v))))]
        [(%pretty-info? v) (if multi-line? (display (pretty-text (%pretty-info-value v))) (print (%pretty-info-value v)))]
        [(%verbose-info? v) (print-info-value (%verbose-info-value v) multi-line?)]
        [else (write v)]))

;; How racket/pretty's pretty-print lays out a quoted list or vector that
;; does not fit in 79 columns: the first element after the opening
;; parenthesis, each other one on a line of its own under it. Other values
;; (hash tables, structures printed as constructor calls) stay on one line.
(define pretty-width 79)

(define (pretty-text v)
  (let ([printed (format "~v" v)])
    (if (and (or (pair? v) (vector? v) (hash? v)) (equal? printed (string-append "'" (format "~s" v))))
        (string-append "'" (pretty-layout v 1 0))
        printed)))

;; A hash table's entries one under the other, when its written form is
;; the entries in hash-map's sorted order (otherwise #f).
(define (pretty-hash h flat col)
  (let* ([m (regexp-match #rx"^#hash[a-z]*[(]" flat)]
         [entries (map (lambda (e) (format "(~s . ~s)" (car e) (cdr e))) (hash-map h cons #t))])
    (and m
         (pair? entries)
         (equal? flat (string-append (car m) (apply string-append (car entries) (map (lambda (e) (string-append " " e)) (cdr entries))) ")"))
         (let ([newline-indent (string-append "\n" (make-string (+ col (string-length (car m))) #\space))])
           (string-append (car m) (car entries) (apply string-append (map (lambda (e) (string-append newline-indent e)) (cdr entries))) ")")))))

(define (quote-form? v)
  (and (pair? v) (memq (car v) '(quote quasiquote unquote unquote-splicing syntax quasisyntax unsyntax unsyntax-splicing))
       (pair? (cdr v)) (null? (cddr v))))

;; Datum `v` written from column `col`, `closers` parentheses following it on its last line.
(define (pretty-layout v col closers)
  (let ([flat (format "~s" v)])
    (cond
      [(<= (+ col (string-length flat) closers) pretty-width) flat]
      [(hash? v) (or (pretty-hash v flat col) flat)]
      [(or (not (or (pair? v) (vector? v))) (quote-form? v)) flat]
      [else
        (let*-values ([(open) (if (pair? v) "(" "#(")]
                      [(indent) (+ col (string-length open))]
                      [(elements tail) (if (pair? v)
                                           (let loop ([l v] [acc '()])
                                             (if (pair? l) (loop (cdr l) (cons (car l) acc)) (values (reverse acc) l)))
                                           (values (vector->list v) '()))]
                      [(newline-indent) (string-append "\n" (make-string indent #\space))])
          (let loop ([es elements] [out open] [first? #t])
            (if (null? es)
                (string-append out
                               (if (null? tail)
                                   ""
                                   (string-append newline-indent "." newline-indent (pretty-layout tail indent (add1 closers))))
                               ")")
                (let ([text (pretty-layout (car es) indent (if (and (null? (cdr es)) (null? tail)) (add1 closers) 0))])
                  (loop (cdr es) (string-append out (if first? "" newline-indent) text) #f)))))])))

(define (string-padding s width) (make-string (max 0 (- width (string-length s))) #\space))

(define (print-name level name width)
  (printf "~a~a:~a" (make-string (* 2 level) #\space) name
          (if width (string-append "  " (string-padding name width)) "")))

(define (lines-of s)
  (let ([in (open-input-string s)])
    (let loop ()
      (let ([l (read-line in)])
        (if (eof-object? l) '() (cons l (loop)))))))

(define (join-lines ls)
  (if (null? ls) "" (apply string-append (car ls) (map (lambda (l) (string-append "\n" l)) (cdr ls)))))

(define (print-check-info info verbose? width level)
  (let ([name (symbol->string (%check-info-name info))]
        [value (%check-info-value info)])
    (cond
      [(and (equal? name "exception") (exn? value))
       (print-name level name #f)
       (newline)
       (let ([indent (make-string (* 2 (add1 level)) #\space)]
             [text (let ([o (open-output-string)])
                     (parameterize ([current-error-port o])
                       ((error-display-handler) (exn-message value) value))
                     (get-output-string o))])
         (displayln (join-lines (map (lambda (l) (string-append indent l)) (lines-of text)))))]
      [(%dynamic-info? value)
       (print-check-info (%make-check-info (%check-info-name info) ((%dynamic-info-proc value))) verbose? width level)]
      [(%nested-info? value)
       (print-name level name #f)
       (newline)
       (print-check-info-stack (%nested-info-values value) verbose? width (add1 level))]
      [else
       (let ([one-line (let ([o (open-output-string)])
                         (parameterize ([current-output-port o])
                           (print-name level name width)
                           (print-info-value value))
                         (get-output-string o))])
         (if (and (<= (string-length one-line) 79)
                  (not (regexp-match? #rx"\n" one-line)))
             (begin (display one-line) (newline))
             (begin (print-name level name #f)
                    (newline)
                    (display "  ")
                    (print-info-value value #t)
                    (newline))))])))

;; Without 'verbose, expressions are left out, and params where there is an actual value.
(define (print-check-info-stack stack verbose? min-width level)
  (let* ([has-actual? (ormap check-actual? stack)]
         [shown (if verbose?
                    stack
                    (filter (lambda (i) (not (or (%verbose-info? (%check-info-value i))
                                                 (and has-actual? (check-params? i)))))
                            stack))]
         [width (apply max min-width (map (lambda (i) (string-length (symbol->string (%check-info-name i)))) shown))])
    (for-each (lambda (i) (print-check-info i verbose? width level)) shown)))

(define (exn-check-info e)
  (call-with-parameterization
   (%mark->parameterization (continuation-mark-set-first (exn-continuation-marks e) %parameterization-key))
   current-check-info))

(define (display-raised-summary what v)
  (if (exn? v)
      (parameterize ([error-print-context-length 0])
        ((error-display-handler) what v))
      (displayln what)))

(define (display-raised-message v)
  (if (exn? v)
      (unless (equal? (exn-message v) "")
        (newline)
        (displayln (exn-message v)))
      (printf "\nA value other than an exception was raised: ~e\n" v)))

(define (display-test-failure/error e [name #f] #:verbose? [verbose? #f])
  (parameterize ([current-output-port (current-error-port)])
    (displayln "--------------------")
    (when name (displayln name))
    (cond [(%exn:test:check? e)
           (display-raised-summary "FAILURE" e)
           (print-check-info-stack (%exn:test:check-stack e) verbose? 9 0)]
          [(exn? e)
           (display-raised-summary "ERROR" e)
           (print-check-info-stack (exn-check-info e) verbose? 9 0)]
          [else
           (display-raised-summary "ERROR" e)
           (print-check-info-stack (current-check-info) verbose? 9 0)])
    (display-raised-message e)
    (displayln "--------------------")
    ;; Racket's error port is unbuffered: the report comes out before later output.
    (flush-output)))

(define current-check-handler
  (make-parameter display-test-failure/error
                  (lambda (v)
                    (unless (and (procedure? v) (procedure-arity-includes? v 1))
                      (raise-argument-error 'current-check-handler "(-> any/c any)" v))
                    v)
                  'current-check-handler))

;; ---------------------------------------------------------------- test cases

(define current-test-name
  (make-parameter #f
                  (lambda (v)
                    (unless (or (string? v) (not v))
                      (raise-argument-error 'current-test-name "(or/c string? #f)" v))
                    v)
                  'current-test-name))

;; Outside a test suite a test case runs at once, logs its result and reports its failure.
(define (default-test-case-around thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e)
                     (test-log! #f)
                     (when (exn:break? e) (raise e))
                     (display-test-failure/error e (current-test-name)))])
    (begin0
      (parameterize ([current-custodian (make-custodian)]) (thunk))
      (test-log! #t))))

(define current-test-case-around
  (make-parameter default-test-case-around
                  (lambda (v)
                    (unless (and (procedure? v) (procedure-arity-includes? v 1))
                      (raise-argument-error 'current-test-case-around "(-> (-> any) any)" v))
                    v)
                  'current-test-case-around))

(define (run-test-case-now thunk name)
  (parameterize ([current-test-name name])
    ((current-test-case-around)
     (lambda () (parameterize ([current-check-around plain-check-around]) (thunk))))))

(define (test-begin-now thunk) (run-test-case-now thunk (current-test-name)))

(define (test-case-now name thunk)
  (unless (string? name) (raise-argument-error 'test-case "string?" name))
  (run-test-case-now thunk name))

;; ---------------------------------------------------------------- test suites

(define (void-thunk) (void))

(define current-seed (make-parameter #f))

(define (test-suite-test-case-around fhere)
  (lambda (thunk)
    (let ([name (current-test-name)])
      (current-seed (fhere (%make-rackunit-test-case name thunk) name thunk (current-seed))))))

(define (test-suite-check-around fhere)
  (lambda (thunk)
    (current-seed (fhere (%make-rackunit-test-case #f thunk) #f thunk (current-seed)))))

(define (delay-test-now thunk)
  (parameterize ([current-test-case-around
                  (lambda (thunk)
                    (let ([name (current-test-name)])
                      (%make-rackunit-test-case name (lambda () (parameterize ([test-log-enabled? #f]) (thunk))))))]
                 [current-check-around (lambda (thunk) (%make-rackunit-test-case #f thunk))])
    (thunk)))

(define (apply-test-suite suite fdown fup fhere seed)
  (let* ([name (%rackunit-test-suite-name suite)]
         [before (%rackunit-test-suite-before suite)]
         [after (%rackunit-test-suite-after suite)]
         [kid-seed (fdown suite name before after seed)]
         [kid-seed ((%rackunit-test-suite-tests suite) fdown fup fhere kid-seed)])
    (fup suite name before after seed kid-seed)))

;; What `(test-suite name test ...)` makes: each test expression is evaluated
;; when the suite is run, test cases and checks in it going to `fhere`.
(define (test-suite-now name before after tests)
  (unless (string? name) (raise-type-error 'test-suite "test-suite name as string" name))
  (%make-rackunit-test-suite
   name
   (lambda (fdown fup fhere seed)
     (parameterize ([current-seed seed]
                    [current-test-case-around (test-suite-test-case-around fhere)]
                    [current-check-around (test-suite-check-around fhere)])
       (for-each (lambda (test)
                   (let run ([x (test)])
                     (cond [(%rackunit-test-suite? x)
                            (current-seed (apply-test-suite x fdown fup fhere (current-seed)))]
                           [(list? x) (for-each run x)]
                           [else (void)])))
                 tests)
       (current-seed)))
   before
   after))

(define (make-test-suite name tests #:before [before void-thunk] #:after [after void-thunk])
  (%make-rackunit-test-suite
   name
   (lambda (fdown fup fhere seed)
     (parameterize ([current-seed seed])
       (for-each
        (lambda (t)
          (cond [(%rackunit-test-suite? t)
                 (current-seed (apply-test-suite t fdown fup fhere (current-seed)))]
                [(%rackunit-test-case? t)
                 (current-seed (fhere t (%rackunit-test-case-name t) (%rackunit-test-case-action t) (current-seed)))]
                [else
                 (raise (%make-exn:test
                         (format "tests->test-suite-action received ~a in list of tests ~a, which is not a test." t tests)
                         (current-continuation-marks)))]))
        tests)
       (current-seed)))
   before
   after))

(define (foldts-test-suite fdown fup fhere seed test)
  (cond [(%rackunit-test-case? test)
         (fhere test (%rackunit-test-case-name test) (%rackunit-test-case-action test) seed)]
        [(%rackunit-test-suite? test) (apply-test-suite test fdown fup fhere seed)]
        [else
         (raise (%make-exn:test
                 (format "foldts-test-suite: Don't know what to do with ~a.  It isn't a test case or test suite." test)
                 (current-continuation-marks)))]))

(define (second-arg a b) b)

(define (fold-test-results result-fn seed test
                           #:run [run run-test-case]
                           #:fdown [fdown second-arg]
                           #:fup [fup second-arg])
  (foldts-test-suite
   (lambda (suite name before after seed) (before) (fdown name seed))
   (lambda (suite name before after seed kid-seed) (after) (fup name kid-seed))
   (lambda (case name action seed)
     (apply result-fn (append (call-with-values (lambda () (run name action)) list) (list seed))))
   seed
   test))

(define (run-test-case name action)
  (with-handlers ([%exn:test:check? (lambda (e) (%make-test-failure name e))]
                  [(lambda (e) #t) (lambda (e) (%make-test-error name e))])
    (%make-test-success name (action))))

(define (run-test test)
  (reverse (fold-test-results cons '() test)))

;; ---------------------------------------------------------------- rackunit/text-ui

(define (run-tests test [mode 'normal])
  (unless (or (%rackunit-test-case? test) (%rackunit-test-suite? test))
    (raise-argument-error 'run-tests "(or/c rackunit-test-case? rackunit-test-suite?)" test))
  (unless (memq mode '(quiet normal verbose))
    (raise-argument-error 'run-tests "(or/c 'quiet 'normal 'verbose)" mode))
  (let* ([counts (vector 0 0 0)]
         [count! (lambda (i) (vector-set! counts i (add1 (vector-ref counts i))))]
         [report (lambda (result names)
                   (unless (eq? mode 'quiet)
                     (let* ([test-name (%test-result-test-case-name result)]
                            [shown (and (or test-name (pair? names))
                                        (let ([parts (append names (list (or test-name "Unnamed test")))])
                                          (apply string-append (car parts)
                                                 (map (lambda (p) (string-append " > " p)) (cdr parts)))))]
                            [verbose? (eq? mode 'verbose)])
                       (cond [(%test-failure? result)
                              (display-test-failure/error (%test-failure-result result) shown #:verbose? verbose?)]
                             [(%test-error? result)
                              (display-test-failure/error (%test-error-result result) shown #:verbose? verbose?)]
                             [else (void)])))
                   (count! (cond [(%test-success? result) 0] [(%test-failure? result) 1] [else 2]))
                   names)])
    (parameterize ([current-custodian (make-custodian)])
      (fold-test-results report '() test
                         #:fdown (lambda (name names) (cons name names))
                         #:fup (lambda (name names) (cdr names))))
    (let* ([s (vector-ref counts 0)] [f (vector-ref counts 1)] [e (vector-ref counts 2)])
      (for ([i (in-range s)]) (test-log! #t))
      (for ([i (in-range (+ f e))]) (test-log! #f))
      (unless (eq? mode 'quiet)
        (let ([line (format "~a success(es) ~a failure(s) ~a error(s) ~a test(s) run\n" s f e (+ s f e))])
          (if (and (zero? f) (zero? e))
              (display line)
              (display line (current-error-port)))))
      (+ f e))))

;; ---------------------------------------------------------------- require/expose

(define (dynamic-require/expose mod name)
  (unless (or (path? mod) (module-path? mod) (module-path-index? mod) (resolved-module-path? mod))
    (raise-argument-error 'dynamic-require/expose "(or/c module-path? module-path-index? resolved-module-path?)" 0 mod name))
  (unless (symbol? name) (raise-argument-error 'dynamic-require/expose "symbol?" 1 mod name))
  (dynamic-require mod #f)
  (parameterize ([current-namespace (module->namespace mod)])
    (eval name)))
;; require/expose: the names, defined or not provided, of module `mod`
;; (a relative path is the requiring module's neighbour).
(define (expose vr mod names)
  (let ([mod (if (string? mod)
                 (let-values ([(dir name dir?) (split-path (variable-reference->module-source vr))])
                   (if (path? dir) (build-path dir mod) mod))
                 mod)])
    (dynamic-require mod #f)
    (parameterize ([current-namespace (module->namespace mod)])
      (apply values (map eval names)))))
