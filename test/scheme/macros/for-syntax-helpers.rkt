#lang racket/base
;; Uses a helper module at phase 1 to build identifiers.
(require (for-syntax racket/base "_helpers.rkt"))

(define-syntax (define-getters stx)
  (syntax-case stx ()
    [(_ prefix (name idx) ...)
     (with-syntax ([(getter ...)
                    (map (lambda (n) (id-append #'prefix #'prefix "-" n))
                         (syntax->list #'(name ...)))])
       #'(begin (define (getter v) (vector-ref v idx)) ...))]))

(define-getters point (x 0) (y 1) (z 2))
(define p (vector 3 4 5))
(printf "~a ~a ~a\n" (point-x p) (point-y p) (point-z p))

(define-syntax (kebab stx)
  (syntax-case stx ()
    [(_ s) (string? (syntax-e #'s))
     (datum->syntax #'s (snake->kebab (syntax-e #'s)))]))
(displayln (kebab "hello_big_world"))

;; counter-next! runs at expansion time: each use site gets a distinct number
(define-syntax (unique-id stx)
  (datum->syntax stx (counter-next!)))
(displayln (list (unique-id) (unique-id) (unique-id)))

(define-syntax (sym stx)
  (syntax-case stx ()
    [(_ a b) #`'#,(symbol-append (syntax-e #'a) (syntax-e #'b))]))
(write (sym foo bar))
(newline)
(displayln "done")
