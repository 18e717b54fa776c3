#lang racket/base
;; The REPL's ,time command (cli/repl-commands.ts), as xrepl times: the
;; thunk runs `times` times after garbage collections; with more than one
;; run, each run's results are shown, the best and worst 2/7ths of the
;; runs (by cpu time) are left out and the rest averaged. The results are
;; those of the last run.

(provide (rename-out [time-runs #%rkt-internal:repl-time]))

(define (time-runs thunk times)
  (unless (and (exact-integer? times) (> times 0))
    (error 'time "bad count: ~e" times))
  (define dropped (floor (* times 2/7)))
  (collect-garbage)
  (collect-garbage)
  (collect-garbage)
  (let loop ([n 1] [timings '()] [results '()])
    (if (> n times)
        (let* ([sorted (sort timings < #:key car)]
               [kept (list-tail sorted dropped)]
               [kept (let take ([l kept] [k (- (length kept) dropped)])
                       (if (= k 0) '() (cons (car l) (take (cdr l) (- k 1)))))]
               [count (length kept)]
               [average (lambda (column) (round (/ (apply + (map column kept)) count)))]
               [cpu (average car)]
               [real (average cadr)]
               [gc (average caddr)])
          (when (> times 1)
            (printf "; ~a runs, ~a best/worst removed, ~a left for average:\n" times dropped count))
          (printf "; cpu time: ~sms = ~sms + ~sms gc; real time: ~sms\n" cpu (- cpu gc) gc real)
          (apply values results))
        (begin
          (when (> times 1)
            (printf "; run #~a..." n)
            (flush-output))
          (let-values ([(rs cpu real gc) (time-apply thunk '())])
            (when (> times 1)
              (printf " ->")
              (if (null? rs)
                  (printf " (0 values returned)")
                  (begin (printf " ~.s" (car rs))
                         (for-each (lambda (r) (printf ", ~s" r)) (cdr rs))
                         (newline))))
            (loop (+ n 1) (cons (list cpu real gc) timings) rs))))))
