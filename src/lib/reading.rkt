#lang racket/base
;; Reading with the default reader parameters.

(provide call-with-default-reading-parameterization)

(define (call-with-default-reading-parameterization thunk)
  (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0))
    (raise-argument-error 'call-with-default-reading-parameterization "(procedure-arity-includes/c 0)" thunk))
  (parameterize ([read-case-sensitive #t]
                 [read-square-bracket-as-paren #t]
                 [read-curly-brace-as-paren #t]
                 [read-square-bracket-with-tag #f]
                 [read-curly-brace-with-tag #f]
                 [read-accept-box #t]
                 [read-accept-dot #t]
                 [read-accept-infix-dot #t]
                 [read-accept-quasiquote #t]
                 [read-decimal-as-inexact #t]
                 [read-single-flonum #f]
                 [read-accept-bar-quote #t]
                 [read-accept-graph #t]
                 [read-syntax-accept-graph #f]
                 [read-accept-compiled #f]
                 [read-accept-reader #f]
                 [read-accept-lang #t]
                 [read-cdot #f])
    (thunk)))
