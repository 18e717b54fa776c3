#lang racket/base
;; racket/trace's procedures: tracing a call (printing its arguments and its
;; results at their nesting depth), the printing parameters, and what the
;; forms of macros/trace-forms.ts expand into (%trace-install, %traced-original).

(provide (rename-out [trace-call racket/trace:trace-call]
                     [current-trace-notify racket/trace:current-trace-notify]
                     [current-trace-print-args racket/trace:current-trace-print-args]
                     [current-trace-print-results racket/trace:current-trace-print-results]
                     [current-prefix-in racket/trace:current-prefix-in]
                     [current-prefix-out racket/trace:current-prefix-out]
                     [trace-install #%rkt-internal:trace-install]
                     [traced-original #%rkt-internal:traced-original]
                     [do-traced #%rkt-internal:do-traced]))

(define current-prefix-out (make-parameter "<" #f 'current-prefix-out))
(define current-prefix-in (make-parameter ">" #f 'current-prefix-in))

(define current-trace-notify
  (make-parameter (lambda (s) (display s) (newline))
                  (lambda (p)
                    (unless (and (procedure? p) (procedure-arity-includes? p 1))
                      (raise-argument-error 'current-trace-notify "(any/c . -> . any)" p))
                    p)
                  'current-trace-notify))

;; Depths from 10 on are shown as a number after the bars of depth 6.
(define (trace-prefixes level label)
  (if (>= level 10)
      (let-values ([(first rest) (trace-prefixes 6 label)]
                   [(n) (number->string level)])
        (values (string-append first "[" n "] ")
                (string-append rest " " (make-string (string-length n) #\space) " ")))
      ;; Each two levels add " label" to the first line (and two spaces to
      ;; the others); an odd level adds a space.
      (let loop ([n level] [first label] [rest " "])
        (cond [(= n 0) (values first rest)]
              [(= n 1) (values (string-append first " ") (string-append rest " "))]
              [else (loop (- n 2) (string-append first " " label) (string-append rest "  "))]))))

;; pretty-print-print-line for lines that begin with `first` and then `rest`.
(define (trace-print-line first rest)
  (lambda (n port offset width)
    (display (cond [(not n) "\n"] [(zero? n) first] [else (string-append "\n" rest)]) port)
    (cond [(not n) 0] [(zero? n) (string-length first)] [else (string-length rest)])))

;; A value that writes as `v` is written, even in print mode (keywords).
(define trace-plain-maker (box #f))
(define (trace-plain v)
  (unless (unbox trace-plain-maker)
    (letrec-values ([(type make ? ref set) (make-struct-type 'plain #f 1 0 #f
                                                         (list (cons prop:custom-write
                                                                     (lambda (p port mode) (write (ref p 0) port)))))])
      (set-box! trace-plain-maker make)))
  ((unbox trace-plain-maker) v))

(define current-trace-print-args
  (make-parameter
   (lambda (name args kws kw-vals level)
     (let-values ([(first rest) (trace-prefixes level (current-prefix-in))])
       (parameterize ([%pretty-print-print-line (trace-print-line first rest)])
         (if (print-as-expression)
             ;; The call prints as an instance of a transparent structure
             ;; named after the procedure: as a constructor application.
             (let* ([all (append args (apply append (map (lambda (k v) (list (trace-plain k) v)) kws kw-vals)))])
               (let-values ([(type make ? ref set) (make-struct-type name #f (length all) 0 #f null #f #f null #f name)])
                 (%pretty-print 'pretty-print (apply make all) (current-output-port) 0 #t 'print)))
             (%pretty-print 'pretty-write (append (cons name args) (apply append (map list kws kw-vals))) (current-output-port) 0 #t 'write)))))
   #f
   'current-trace-print-args))

(define current-trace-print-results
  (make-parameter
   (lambda (name results level)
     (let-values ([(first rest) (trace-prefixes level (current-prefix-out))])
       (parameterize ([%pretty-print-print-line (trace-print-line first rest)])
         (cond [(null? results) (%pretty-print 'pretty-display "*** no values ***" (current-output-port) 0 #t 'display)]
               [else
                (%pretty-print 'pretty-print (car results) (current-output-port) 0 #t 'print)
                ;; Further results on lines of their own, under the first.
                (parameterize ([%pretty-print-print-line (trace-print-line rest rest)])
                  (for-each (lambda (r) (%pretty-print 'pretty-print r (current-output-port) 0 #t 'print)) (cdr results)))]))))
   #f
   'current-trace-print-results))

;; Runs `print` with output collected, and gives the text without its last
;; byte (the newline the printers end with) to current-trace-notify.
(define (trace-notify print)
  (let ([o (open-output-bytes)])
    (parameterize ([current-output-port o]) (print))
    ((current-trace-notify) (bytes->string/utf-8 (get-output-bytes o #t 0 (- (file-position o) 1))))))

(define trace-level-key (string->uninterned-symbol "trace-level"))

(define trace-call
  (%make-keyword-procedure
   ;; Racket 8.7 takes the keyword lists for the name and the procedure
   ;; here (so a call with keywords fails as Racket's does).
   (lambda (id f kws vals . args) (do-traced id args kws vals f))
   (lambda (id f . args) (do-traced id args '() '() f))))

(define (trace-apply f args kws vals)
  (if (null? kws) (apply f args) (keyword-apply f kws vals args)))

;; The depth is a continuation mark. A traced call in tail position of
;; another replaces that call's mark, which shows as two marks that are not
;; consecutive: such a call prints its arguments at the depth of the call it
;; replaces, and its results are that call's.
(define (do-traced id args kws vals f)
  (let* ([levels (continuation-mark-set->list (current-continuation-marks) trace-level-key)]
         [level (if (null? levels) 0 (car levels))])
    (with-continuation-mark trace-level-key (+ level 1)
      (let ([now (continuation-mark-set->list (current-continuation-marks) trace-level-key)])
        (if (and (pair? (cdr now)) (> (car now) (+ 1 (cadr now))))
            (begin
              (trace-notify (lambda () ((current-trace-print-args) id args kws vals (- level 1))))
              (with-continuation-mark trace-level-key (car levels) (trace-apply f args kws vals)))
            (begin
              (trace-notify (lambda () ((current-trace-print-args) id args kws vals level)))
              (with-continuation-mark trace-level-key level
                (call-with-values
                 (lambda () (with-continuation-mark trace-level-key (+ level 1) (trace-apply f args kws vals)))
                 (lambda results
                   (flush-output)
                   (trace-notify (lambda () ((current-trace-print-results) id results level)))
                   (apply values results))))))))))

;; Traced procedure -> the procedure it traces.
(define traced-originals (make-weak-hasheq))

(define (traced-original v) (and (procedure? v) (hash-ref traced-originals v #f)))

;; `(trace id ...)`: checks every value, then sets each variable that is
;; not traced already to a traced procedure made by `make` from its value.
(define (trace-install ids procs setters makers)
  (for-each (lambda (id p)
              (unless (procedure? p) (error 'trace "the value of ~s is not a procedure: ~e" id p)))
            ids procs)
  (for-each (lambda (p set make)
              (unless (hash-ref traced-originals p #f)
                (let-values ([(req allowed) (procedure-keywords p)])
                  (let ([t (procedure-reduce-keyword-arity (make p) (procedure-arity p) req allowed)])
                    (hash-set! traced-originals t p)
                    (set t)))))
            procs setters makers))
