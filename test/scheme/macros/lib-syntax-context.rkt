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

;; compile-time errors caught at run time via eval of the form
(define ns (make-base-namespace))
(parameterize ([current-namespace ns])
  (eval '(require (for-syntax racket/base racket/syntax)))
  (eval '(define-syntax (checked stx)
           (parameterize ([current-syntax-context stx])
             (syntax-case stx ()
               [(_ a) (if (number? (syntax-e #'a)) #'a (wrong-syntax #'a "bad operand ~a" 'here))]))))
  (printf "~a\n" (eval '(checked 10)))
  (with-handlers ([exn:fail:syntax? (lambda (e) (printf "caught: ~a\n" (exn-message e))
                                      (printf "exprs: ~s\n" (map syntax->datum (exn:fail:syntax-exprs e))))])
    (eval '(checked "nope"))))

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
