#lang racket/base
;; mzlib/defmacro: non-hygienic macros from procedures on datums.
(require mzlib/defmacro (for-syntax racket/base))

(defmacro my-unless (test . body) `(if ,test (void) (begin ,@body)))
(my-unless #f (displayln "ran"))

(define-macro (twice e) `(begin ,e ,e))
(twice (display "hi "))
(newline)

;; Not hygienic: `it` is captured by the user's body.
(define-macro (aif c then else) `(let ([it ,c]) (if it ,then ,else)))
(displayln (aif (assq 'b '((a . 1) (b . 2))) (cdr it) 'none))

(define-macro ten (lambda () 10))
(displayln (+ (ten) 1))

(defmacro count-args args (length args))
(displayln (list (count-args) (count-args a b c)))
