#lang racket/base
;; The syntax-parse macros of parse-basics.rkt, for the err-parse programs.
(require (for-syntax racket/base syntax/parse))
(provide define-command my-cond kind pairs sum-positive dotted)

(define-syntax (define-command stx)
  (syntax-parse stx
    [(_ name:id (~optional (~seq #:help help:str)) (~optional (~seq #:port port:nat)) (arg:id ...) body:expr ...+)
     #:with usage (datum->syntax #'name (format "~a ~a" (syntax-e #'name) (map syntax-e (syntax->list #'(arg ...)))))
     #`(define (name arg ...)
         (list 'usage usage
               'help #,(if (attribute help) #'help #'"none")
               'port #,(or (attribute port) #'0)
               'result (let () body ...)))]))

(define-syntax (my-cond stx)
  (syntax-parse stx
    #:literals (else)
    [(_ [else e:expr]) #'e]
    [(_ [c:expr e:expr] rest ...) #'(if c e (my-cond rest ...))]
    [(_) #'(void)]))

(define-syntax (kind stx)
  (syntax-parse stx
    #:datum-literals (on off)
    [(_ on) #''switched-on]
    [(_ off) #''switched-off]
    [(_ (~or n:number s:str)) #`'#,(if (attribute n) 'number 'string)]
    [(_ (~and x:id (~not (~datum skip)))) #''identifier]
    [(_ (~datum skip)) #''skipped]))

(define-syntax (pairs stx)
  (syntax-parse stx
    [(_ (~seq k:keyword v:expr) ...)
     #:fail-unless (let loop ([ks (map syntax-e (syntax->list #'(k ...)))]) (or (null? ks) (and (not (memq (car ks) (cdr ks))) (loop (cdr ks)))))
     "duplicate keyword"
     #'(list (cons 'k v) ...)]))

(define-syntax (sum-positive stx)
  (syntax-parse stx
    [(_ n:exact-positive-integer ...+) #:when (< (length (syntax->list #'(n ...))) 5) #'(+ n ...)]
    [(_ n ...) #''too-many]))

(define-syntax (dotted stx)
  (syntax-parse stx [(_ a . rest) #''(a rest)]))
