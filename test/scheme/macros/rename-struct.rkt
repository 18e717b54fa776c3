#lang racket/base
;; Structs with prop:rename-transformer: the binding acts as an alias for
;; its target, whether that is a variable, a function or a macro, while
;; the struct still carries extra compile-time data.
(require (for-syntax racket/base))

(begin-for-syntax
  (struct alias (target doc) #:property prop:rename-transformer 0))

(define-syntax first-elem (alias #'car "first element of a pair"))
(displayln (first-elem '(x y z)))
(displayln (map first-elem '((1 2) (3 4))))

(define total 0)
(define-syntax running-total (alias #'total "the running total"))
(set! running-total (+ running-total 10))
(printf "total ~a alias ~a\n" total running-total)

(define-syntax-rule (unless-zero n e) (if (zero? n) 'zero e))
(define-syntax guard (alias #'unless-zero "macro alias"))
(write (list (guard 0 'never) (guard 1 'ran)))
(newline)

(define-syntax (doc-of stx)
  (syntax-case stx ()
    [(_ id) (let-values ([(v target) (syntax-local-value/immediate #'id)])
              #`'(#,(alias-doc v) #,(syntax-e target)))]))
(write (list (doc-of first-elem) (doc-of guard)))
(newline)
