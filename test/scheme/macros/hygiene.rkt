#lang racket/base
;; Hygiene: macro-introduced temporaries don't capture user names, and
;; user rebindings of if/list/let don't break macros defined elsewhere.
(require (for-syntax racket/base))

(define-syntax (my-or stx)
  (syntax-case stx ()
    [(_) #'#f]
    [(_ e) #'e]
    [(_ e rest ...) #'(let ([t e]) (if t t (my-or rest ...)))]))

(define t 5)
(displayln (my-or #f t))          ; 5, not #f
(displayln (let ([t 7]) (my-or #f t)))

(define-syntax-rule (swap! a b)
  (let ([tmp a]) (set! a b) (set! b tmp)))
(define tmp 1)
(define other 2)
(swap! tmp other)
(printf "tmp=~a other=~a\n" tmp other)

(define-syntax (make-pair stx)
  (syntax-case stx ()
    [(_ a b) #'(list a b)]))

(let ([list vector] [if (lambda (c x y) 'user-if)])
  (write (make-pair 1 2))
  (newline)
  (write (my-or #f 'ok))
  (newline)
  (write (list 1 2))
  (newline))

;; intentional capture via datum->syntax
(define-syntax (aif stx)
  (syntax-case stx ()
    [(_ c then else)
     (with-syntax ([it (datum->syntax stx 'it)])
       #'(let ([it c]) (if it then else)))]))
(displayln (aif (assq 'b '((a . 1) (b . 2))) (cdr it) 'none))

;; a macro-introduced definition is not visible to user code by that name
(define-syntax (define-hidden stx)
  (syntax-case stx ()
    [(_ getter v) #'(begin (define hidden v) (define (getter) hidden))]))
(define hidden 'user-hidden)
(define-hidden get-hidden 'macro-hidden)
(printf "~a ~a\n" hidden (get-hidden))

;; generate-temporaries for multiple fresh names
(define-syntax (let-values-seq stx)
  (syntax-case stx ()
    [(_ (e ...) body)
     (with-syntax ([(tmp ...) (generate-temporaries #'(e ...))])
       #'(let* ([tmp e] ...) (body tmp ...)))]))
(displayln (let-values-seq (1 2 3) list))
(define-syntax (count-temps stx)
  (syntax-case stx ()
    [(_ x ...)
     (let ([ts (generate-temporaries #'(x ...))])
       (datum->syntax stx (list 'quote (list (length ts)
                                              (andmap identifier? ts)
                                              (bound-identifier=? (car ts) (cadr ts))))))]))
(displayln (count-temps a b c))
