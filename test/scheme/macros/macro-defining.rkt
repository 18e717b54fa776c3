#lang racket/base
;; Macros that define macros, with nested ellipses escaped by (... ...).
(require (for-syntax racket/base))

(define-syntax (define-alias-maker stx)
  (syntax-case stx ()
    [(_ maker-name target)
     #'(define-syntax (maker-name stx2)
         (syntax-case stx2 ()
           [(_ new-name) #'(define-syntax (new-name stx3)
                             (syntax-case stx3 ()
                               [(_ arg (... (... ...))) #'(target arg (... (... ...)))]))]))]))

(define-alias-maker make-adder-alias +)
(make-adder-alias plus)
(displayln (plus 1 2 3 4))

(define-alias-maker make-list-alias list)
(make-list-alias lst)
(displayln (lst 'a 'b (plus 1 1)))

;; A macro that defines a family of binary-op macros
(define-syntax-rule (define-ops (name op) ...)
  (begin
    (define-syntax (name stx)
      (syntax-case stx ()
        [(_ a) #'a]
        [(_ a b (... ...)) #'(op a (name b (... ...)))]))
    ...))

(define-ops (my+ +) (my* *) (my-cons cons))
(displayln (my+ 1 2 3))
(displayln (my* 2 3 4))
(write (my-cons 1 2 3 '()))
(newline)

;; a macro that generates a struct-like set of definitions via a generated macro
(define-syntax (define-getter-family stx)
  (syntax-case stx ()
    [(_ family (key val) ...)
     (with-syntax ([getter (datum->syntax #'family
                             (string->symbol (format "get-~a" (syntax-e #'family))))])
       #'(define-syntax (getter stx2)
           (syntax-case stx2 (key ...)
             [(_ key) #'val] ...
             [(_ other) (raise-syntax-error #f "unknown key" stx2 #'other)])))]))

(define-getter-family color (red "#f00") (green "#0f0") (blue "#00f"))
(displayln (list (get-color red) (get-color green) (get-color blue)))
(define-getter-family shape (circle 'round) (square 'boxy))
(printf "~s ~s\n" (get-shape circle) (get-shape square))
