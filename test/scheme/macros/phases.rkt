#lang racket/base
;; A module required both normally and for-syntax is instantiated once per
;; phase, with separate state. begin-for-syntax side effects happen at
;; expansion time.
(require (for-syntax racket/base "_helpers.rkt") "_helpers.rkt")

(begin-for-syntax
  (printf "phase 1: begin-for-syntax, counter ~a\n" (counter-next!)))

(define-for-syntax table (make-hasheq))
(define-for-syntax (remember! k v) (hash-set! table k v))

(define-syntax (record stx)
  (syntax-case stx ()
    [(_ k v) (begin (remember! (syntax-e #'k) (syntax->datum #'v))
                    #'(void))]))
(define-syntax (recall stx)
  (syntax-case stx ()
    [(_ k) #`'#,(hash-ref table (syntax-e #'k) 'missing)]))

(record a (1 2 3))
(record b "bee")
(write (list (recall a) (recall b) (recall c)))
(newline)

(define-syntax (phase1-count stx)
  (datum->syntax stx (counter-next!)))
(printf "phase 0 counter: ~a ~a\n" (counter-next!) (counter-next!))
(printf "phase 1 counter at expansion: ~a\n" (phase1-count))
(printf "helper-loads at phase 0: ~a\n" helper-loads)
(printf "symbol-append at phase 0: ~a\n" (symbol-append 'x 'y))

(define-for-syntax phase1-only 'only-at-phase-1)
(define-syntax (get-phase1-only stx) #`'#,phase1-only)
(displayln (get-phase1-only))
(displayln "end of module body")
