#lang racket/base
;; syntax-case, with-syntax and syntax errors used at run time (phase 0),
;; caught with with-handlers.
(require (for-syntax racket/base))

(define (describe stx)
  (syntax-case stx (define lambda)
    [(define (name arg ...) body ...)
     (format "function ~a/~a" (syntax-e #'name) (length (syntax->list #'(arg ...))))]
    [(define name val) (format "variable ~a" (syntax-e #'name))]
    [(lambda args . _) "anonymous function"]
    [(head . _) (identifier? #'head) (format "call to ~a" (syntax-e #'head))]
    [_ "something else"]))
(for-each (lambda (s) (displayln (describe s)))
          (list #'(define (f x y) (+ x y)) #'(define z 3) #'(lambda (q) q)
                #'(printf "hi") #'42 #'((f) 1)))

(define (rewrite stx)
  (syntax-case stx ()
    [(op a b) (with-syntax ([(x y) (list #'b #'a)]) #'(op x y))]))
(write (syntax->datum (rewrite #'(- 1 10))))
(newline)

(define (try thunk)
  (with-handlers ([exn:fail:syntax?
                   (lambda (e)
                     (printf "syntax error: ~a\n" (exn-message e))
                     (printf "  exprs: ~s\n" (map syntax->datum (exn:fail:syntax-exprs e))))]
                  [exn:fail? (lambda (e) (printf "error: ~a\n" (exn-message e)))])
    (thunk)))

(try (lambda () (raise-syntax-error 'my-form "something is wrong")))
(try (lambda () (raise-syntax-error 'my-form "bad part" #'(my-form 1 2) #'2)))
(try (lambda () (raise-syntax-error #f "no name" #'(widget 1))))
(try (lambda () (raise-syntax-error #f "no name, sub" #'(widget 1) #'1)))
(try (lambda () (syntax-case #'(1 2 3) () [(a b) 'two])))
(try (lambda () (syntax-case #'(frob 1 2 3) () [(_ a) 'one])))
(try (lambda () (syntax-e 5)))
(try (lambda () (datum->syntax 'not-syntax 'x)))
(try (lambda () (with-syntax ([(a b) #'(1 2 3)]) #'a)))

(define temps (generate-temporaries '(a b c)))
(write (list (length temps) (andmap identifier? temps)
             (check-duplicate-identifier temps)))
(newline)
(define dup-check (check-duplicate-identifier (list #'p #'q #'p)))
(write (syntax-e dup-check))
(newline)
(write (syntax->datum (with-syntax ([(n ...) '(1 2 3)] [f #'+]) #'(f n ... (n) ...))))
(newline)
(write (syntax->datum #`(begin #,@(map (lambda (i) #`(show #,i)) '(1 2)))))
(newline)
