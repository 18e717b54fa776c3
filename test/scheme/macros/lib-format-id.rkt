#lang racket/base
;; racket/syntax: format-id, format-symbol, generate-temporary, with-syntax*
;; used the way record/accessor-generating macros use them.
(require racket/syntax (for-syntax racket/base racket/syntax))

;; (define-record point (x y)) => point, point-x, point-y, point?, make-point
(define-syntax (define-record stx)
  (syntax-case stx ()
    [(_ name (field ...))
     (with-syntax* ([ctor (format-id #'name "make-~a" #'name)]
                    [pred (format-id #'name "~a?" (syntax-e #'name))]
                    [(acc ...) (for/list ([f (syntax->list #'(field ...))])
                                 (format-id #'name "~a-~a" #'name f))]
                    [(idx ...) (for/list ([i (in-naturals)]
                                          [f (syntax->list #'(field ...))])
                                 i)]
                    [n (length (syntax->list #'(field ...)))])
       #'(begin
           (define (ctor field ...) (vector 'name field ...))
           (define (pred v) (and (vector? v) (= (vector-length v) (add1 n))
                                 (eq? (vector-ref v 0) 'name)))
           (define (acc v) (vector-ref v (add1 idx))) ...))]))

(define-record point (x y))
(define p (make-point 3 4))
(printf "point? ~a ~a\n" (point? p) (point? 5))
(printf "x=~a y=~a\n" (point-x p) (point-y p))

;; format-symbol and format-id with #:source / numbers / strings
(define-syntax (show-names stx)
  (syntax-case stx ()
    [(_ a b)
     (with-syntax ([s1 (format-symbol "~a+~a" #'a 'b)]
                   [s2 (format-symbol "~a-~a-~a" "str" 12 #'b)]
                   [id (format-id #'a "~a~a" #'a 7 #:source #'b)])
       #'(list 's1 's2 'id))]))
(printf "~s\n" (show-names foo bar))

;; generate-temporary: fresh names that do not capture
(define-syntax (swap-via-temps stx)
  (syntax-case stx ()
    [(_ a b)
     (with-syntax ([tmp (generate-temporary #'a)]
                   [(t1 t2) (generate-temporaries #'(a b))])
       #'(let ([tmp a] [t1 1] [t2 2]) (set! a b) (set! b tmp) (list t1 t2)))]))
(define tmp 'outer-a)
(define other 'outer-b)
(printf "~s ~s ~s\n" (swap-via-temps tmp other) tmp other)

;; with-syntax* sees earlier bindings
(define-syntax (nest stx)
  (syntax-case stx ()
    [(_ e)
     (with-syntax* ([a #'(+ e 1)]
                    [b #'(* a 2)]
                    [c #'(list a b)])
       #'c)]))
(printf "~s\n" (nest 5))

;; format-id result binds at the use site (context = name)
(define-syntax (def-getter stx)
  (syntax-case stx ()
    [(_ base val) (with-syntax ([g (format-id #'base "get-~a" #'base)])
                    #'(define (g) val))]))
(def-getter color 'red)
(printf "~s\n" (get-color))
(printf "~s\n" (symbol? (syntax-e (generate-temporary))))
