#lang racket/base
;; syntax/stx helpers, at compile time (walking macro input) and at run time.
(require syntax/stx (for-syntax racket/base syntax/stx))

;; a macro that walks its argument list with stx-car/stx-cdr
(define-syntax (count-args stx)
  (let loop ([s (stx-cdr stx)] [n 0])
    (cond [(stx-null? s) #`#,n]
          [(stx-pair? s) (loop (stx-cdr s) (add1 n))]
          [else (raise-syntax-error #f "improper argument list" stx)])))
(printf "~a ~a\n" (count-args) (count-args a b c))

;; stx-map to wrap every subform
(define-syntax (quote-each stx)
  (syntax-case stx ()
    [(_ e ...) #`(list #,@(stx-map (lambda (e) #`(quote #,e)) #'(e ...)))]))
(printf "~s\n" (quote-each x (y z) 3))

;; stx->list / stx-list? distinguish proper and improper forms
(define-syntax (shape stx)
  (syntax-case stx ()
    [(_ e) (cond [(stx-null? #'e) #''empty]
                 [(stx-list? #'e) #`'(list #,(length (stx->list #'e)))]
                 [(stx-pair? #'e) #''improper]
                 [else #''atom])]))
(printf "~s ~s ~s ~s\n" (shape ()) (shape (1 2 3)) (shape (1 . 2)) (shape x))

;; run-time use on syntax objects and on plain data
(define s #'(a b c))
(printf "~s ~s\n" (stx-null? #'()) (stx-null? '()))
(printf "~s ~s\n" (stx-pair? s) (stx-pair? '(1)))
(printf "~s\n" (syntax->datum (stx-car s)))
(printf "~s\n" (map syntax->datum (stx->list (stx-cdr s))))
(printf "~s\n" (stx->list '(1 2)))
(printf "~s\n" (stx->list #'(1 . 2)))
(printf "~s ~s\n" (stx-list? #'(1 2)) (stx-list? #'(1 . 2)))
(printf "~s\n" (stx-map (lambda (a b) (list (syntax-e a) (syntax-e b))) #'(1 2) #'(x y)))
(printf "~s\n" (stx-car '(q r)))
(with-handlers ([exn:fail? (lambda (e) (printf "error: ~a\n" (car (regexp-split #rx"\n" (exn-message e)))))])
  (stx-car #'x))
