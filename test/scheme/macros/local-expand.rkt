#lang racket/base
;; local-expand: full expansion to core forms, head expansion with stop
;; lists, bodies converted to let-values/letrec-values, and macros that
;; analyze what their argument expands to.
(require (for-syntax racket/base))

(define-syntax (show stx)
  (syntax-case stx ()
    [(_ e) (let ([x (local-expand #'e 'expression '())])
             (printf "~s\n" (syntax->datum x))
             x)]))

(define-syntax (head stx)
  (syntax-case stx ()
    [(_ e stop ...) (let ([x (local-expand #'e 'expression (syntax->list #'(stop ...)))])
                      (printf "head: ~s\n" (syntax->datum x))
                      x)]))

(show 5)
(show "text")
(show 'sym)
(show #(1 2))
(show (+ 1 2))
(show (let ([x 1]) (* x 2)))
(show (let* ([a 1] [b a]) b))
(show (letrec ([ev? (lambda (n) (if (zero? n) #t (od? (sub1 n))))]
               [od? (lambda (n) (if (zero? n) #f (ev? (sub1 n))))])
        (ev? 4)))
(show (lambda (x) x))
(show (case-lambda [(a) a] [(a b) b]))
(show (let loop ([i 0]) (if (< i 3) (loop (add1 i)) i)))
(show (when #t 1))
(show (unless #f 1))
(show (cond [#f 1] [else 2]))
(show (and 1 2 3))
(show (or 1 2))
(show (begin 1 2))
(show (begin0 1 2))
(show (#%expression 5))
(show (let-values ([(a b) (values 1 2)]) a))
(show (with-continuation-mark 'k 1 2))
(show (quote-syntax x))
(define q 1)
(show (set! q 2))
(define (f) 10)
(show (f))

;; Internal definitions: independent ones nest as let-values, mutually
;; recursive ones share a letrec-values, and expressions between them bind
;; nothing.
(show (let () (define a 1) (define b 2) (+ a b)))
(show (let () (define a 1) (display a) (define b 2) b))
(show (let () (define (count n) (if (zero? n) 0 (count (sub1 n)))) (count 3)))
(show (let () (define a 1) (define (g) (h)) (define (h) a) (g)))
(show (let () (define-syntax-rule (seven) 7) (seven)))
(show (letrec-syntaxes+values ([(eight) (lambda (s) #'8)]) ([(z) 1]) (eight)))
(show (let () 1 2))

;; Head expansion stops at the listed forms and at every core form.
(head (+ 1 2) #%app)
(head (let ([x 1]) x) #%app)
(head 5 #%app)
(head (when #t 1) #%app)
(head (unless #f 1) if)
(head (cond [else 3]) cond)

(define-syntax (context-of stx)
  (printf "~s\n" (syntax-local-context))
  #'(void))
(show (let () (context-of)))
(show (lambda () (context-of)))

;; A macro that inspects its argument's expansion: it reports whether the
;; expression is a literal constant after expansion.
(define-syntax (constant? stx)
  (syntax-case stx ()
    [(_ e)
     (syntax-case (local-expand #'e 'expression '()) (quote)
       [(quote d) #'#t]
       [_ #'#f])]))
(list (constant? 5) (constant? (let () 5)) (constant? (when #t 5)) (constant? (+ 1 2)) (constant? 'x))

;; A macro that counts applications in the fully expanded form. Expanded
;; code is made of the kernel's forms: an application is #%plain-app (it
;; prints as #%app), a procedure #%plain-lambda; racket/base's #%app and
;; lambda are other bindings and do not match.
(define-syntax (count-apps stx)
  (syntax-case stx ()
    [(_ e)
     (let loop ([x (local-expand #'e 'expression '())])
       (syntax-case x (#%plain-app quote #%plain-lambda)
         [(quote _) #'0]
         [(#%plain-app f arg ...)
          #`(+ 1 #,(loop #'f) #,@(map loop (syntax->list #'(arg ...))))]
         [(#%plain-lambda formals body) (loop #'body)]
         [(form part ...) #`(+ #,@(map loop (syntax->list #'(part ...))))]
         [_ #'0]))]))
(count-apps (+ (* 2 3) (- 4)))
(count-apps (lambda (x) (list (car x) (cdr x))))
(count-apps (let loop ([i 3]) (if (zero? i) 'done (loop (sub1 i)))))
(define-syntax (app-is-plain? stx)
  (syntax-case (local-expand #'(f 1) 'expression '()) ()
    [(app . _) #`(list #,(free-identifier=? #'app #'#%plain-app) #,(free-identifier=? #'app #'#%app))]))
(app-is-plain?)
(define-syntax (lambda-is-plain? stx)
  (syntax-case (local-expand #'(λ (x) x) 'expression '()) ()
    [(lam . _) #`(list #,(free-identifier=? #'lam #'#%plain-lambda) #,(free-identifier=? #'lam #'lambda)
                       #,(free-identifier=? #'λ #'lambda))]))
(lambda-is-plain?)

;; The expansion, handed back as the macro's result, runs as it would have.
(define-syntax (twice-expanded stx)
  (syntax-case stx ()
    [(_ e) (local-expand (local-expand #'e 'expression '()) 'expression '())]))
(twice-expanded (let loop ([i 0] [acc '()]) (if (= i 3) (reverse acc) (loop (add1 i) (cons i acc)))))
(twice-expanded (let () (define x 4) (define (sq y) (* y y)) (sq x)))

;; Hygiene survives: the macro's own binding of tmp does not capture the user's.
(define-syntax (swap! stx)
  (syntax-case stx ()
    [(_ a b) (local-expand #'(let ([tmp a]) (set! a b) (set! b tmp)) 'expression '())]))
(define tmp 1)
(define other 2)
(swap! tmp other)
(list tmp other)
