#lang racket/base
;; Helpers for writing macros: racket/syntax (format-id and friends) and
;; syntax/stx (taking apart syntax lists and plain lists alike).

(provide (rename-out [format-id racket/syntax:format-id]
                     [format-symbol racket/syntax:format-symbol]
                     [generate-temporary racket/syntax:generate-temporary]
                     [syntax-local-eval racket/syntax:syntax-local-eval]
                     [current-syntax-context racket/syntax:current-syntax-context]
                     [wrong-syntax racket/syntax:wrong-syntax]
                     [stx-null? syntax/stx:stx-null?]
                     [stx-pair? syntax/stx:stx-pair?]
                     [stx-list? syntax/stx:stx-list?]
                     [stx-car syntax/stx:stx-car]
                     [stx-cdr syntax/stx:stx-cdr]
                     [stx->list syntax/stx:stx->list]
                     [stx-map syntax/stx:stx-map]
                     [module-or-top-identifier=? syntax/stx:module-or-top-identifier=?]))

;; What format-id and format-symbol accept as a format argument, as format sees it.
(define (format-argument who v)
  (cond [(identifier? v) (syntax-e v)]
        [(or (string? v) (symbol? v) (char? v) (number? v)) v]
        [(keyword? v) (keyword->string v)]
        [else (raise-argument-error who "(or/c string? symbol? identifier? keyword? char? number?)" v)]))

(define (format-id lctx fmt #:source [src #f] #:props [props #f] #:cert [cert #f] #:subs? [subs? #f] #:subs-intro [subs-intro #f] . args)
  (unless (or (not lctx) (syntax? lctx)) (raise-argument-error 'format-id "(or/c syntax? #f)" lctx))
  (unless (string? fmt) (raise-argument-error 'format-id "string?" fmt))
  (datum->syntax lctx (string->symbol (apply format fmt (map (lambda (a) (format-argument 'format-id a)) args))) src props))

(define (format-symbol fmt . args)
  (unless (string? fmt) (raise-argument-error 'format-symbol "string?" fmt))
  (string->symbol (apply format fmt (map (lambda (a) (format-argument 'format-symbol a)) args))))

(define (generate-temporary [name-base 'g])
  (car (generate-temporaries (list name-base))))

(define (syntax-local-eval stx [intdef #f])
  (%syntax-local-eval stx))

(define current-syntax-context (make-parameter #f))

(define (wrong-syntax stx fmt . args)
  (raise-syntax-error (let ([ctx (current-syntax-context)])
                        (and (syntax? ctx) (let ([e (syntax-e ctx)])
                                             (cond [(symbol? e) e]
                                                   [(and (pair? e) (identifier? (car e))) (syntax-e (car e))]
                                                   [else #f]))))
                      (apply format fmt args) (current-syntax-context) stx))

(define (stx-null? v) (or (null? v) (and (syntax? v) (null? (syntax-e v)))))
(define (stx-pair? v) (or (pair? v) (and (syntax? v) (pair? (syntax-e v)))))
(define (stx-list? v)
  (cond [(list? v) #t]
        [(syntax? v) (stx-list? (syntax-e v))]
        [(pair? v) (stx-list? (cdr v))]
        [else #f]))
(define (stx-car p) (car (if (syntax? p) (syntax-e p) p)))
(define (stx-cdr p) (cdr (if (syntax? p) (syntax-e p) p)))
(define (stx->list v)
  (cond [(syntax? v) (syntax->list v)]
        [(list? v) v]
        [(pair? v) (let ([rest (stx->list (cdr v))]) (and rest (cons (car v) rest)))]
        [else #f]))
(define (stx-map f . ls) (apply map f (map stx->list ls)))
(define (module-or-top-identifier=? a b) (free-identifier=? a b))
