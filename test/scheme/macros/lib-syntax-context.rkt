#lang racket/base
;; racket/syntax: wrong-syntax with current-syntax-context, syntax-local-eval.
(require (for-syntax racket/base racket/syntax))

(define-syntax (checked-add stx)
  (parameterize ([current-syntax-context stx])
    (syntax-case stx ()
      [(_ a b)
       (begin
         (unless (number? (syntax-e #'a)) (wrong-syntax #'a "expected a number literal"))
         (unless (number? (syntax-e #'b)) (wrong-syntax #'b "expected a number, got ~s" (syntax->datum #'b)))
         #`#,(+ (syntax-e #'a) (syntax-e #'b)))])))

(printf "~a\n" (checked-add 1 2))

;; wrong-syntax errors caught at compile time; the message and exprs come back as data
(define-syntax (try-checked stx)
  (syntax-case stx ()
    [(_ a)
     (with-handlers ([exn:fail:syntax?
                      (lambda (e) #`'(caught #,(exn-message e)
                                             #,(map syntax->datum (exn:fail:syntax-exprs e))))])
       (parameterize ([current-syntax-context #'(checked a)])
         (if (number? (syntax-e #'a)) #'a (wrong-syntax #'a "bad operand ~a" 'here))))]))
(printf "~s\n" (try-checked 10))
(define caught (try-checked "nope"))
(printf "~a\n~s\n" (cadr caught) (caddr caught))

;; wrong-syntax with no current-syntax-context names no form
(define-syntax (no-ctx stx)
  (with-handlers ([exn:fail:syntax? (lambda (e) #`#,(exn-message e))])
    (wrong-syntax (syntax-case stx () [(_ x) #'x]) "oops")))
(printf "~a\n" (no-ctx 5))

;; syntax-local-eval: evaluate a compile-time expression from a macro
(define-syntax (const-fold stx)
  (syntax-case stx ()
    [(_ e) (with-syntax ([v (syntax-local-eval #'e)]) #''v)]))
(printf "~s\n" (const-fold (+ 1 2 3)))
(printf "~s\n" (const-fold (map (lambda (x) (* x x)) '(1 2 3))))
(printf "~s\n" (const-fold (string-append "a" "b")))

;; current-syntax-context defaults to #f
(define-syntax (ctx-default stx) (if (current-syntax-context) #''set #''unset))
(printf "~s\n" (ctx-default))
