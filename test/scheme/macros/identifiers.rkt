#lang racket/base
;; Identifier comparison, introducers, duplicate checking.
(require (for-syntax racket/base))

(define a-id #'a)
(define-syntax (make-a stx) #'#'a)
(define macro-a (make-a))
(write (list (free-identifier=? a-id #'a)
             (bound-identifier=? a-id #'a)
             (bound-identifier=? a-id macro-a)
             (free-identifier=? a-id macro-a)
             (free-identifier=? #'car #'cdr)
             (free-identifier=? #'car #'car)))
(newline)

(define intro (make-syntax-introducer))
(define a2 (intro #'a))
(write (list (bound-identifier=? a2 #'a) (bound-identifier=? (intro a2) #'a)
             (syntax-e a2)))
(newline)

(define dup (check-duplicate-identifier (list #'x #'y #'x #'z)))
(write (and dup (syntax-e dup)))
(write (check-duplicate-identifier (list #'x #'y #'z)))
(newline)

;; a macro checks for duplicate bindings at compile time
(define-syntax (distinct-let stx)
  (syntax-case stx ()
    [(_ ([x v] ...) body)
     (let ([d (check-duplicate-identifier (syntax->list #'(x ...)))])
       (if d
           #`'(duplicate #,d)
           #'(let ([x v] ...) body)))]))
(write (distinct-let ([a 1] [b 2]) (+ a b)))
(write (distinct-let ([a 1] [a 2]) a))
(newline)

;; macro compares literal identifiers with free-identifier=?
(define-syntax (which-op stx)
  (syntax-case stx ()
    [(_ op) (cond [(free-identifier=? #'op #'+) #''plus]
                  [(free-identifier=? #'op #'-) #''minus]
                  [else #''unknown])]))
(define-syntax plus-alias (make-rename-transformer #'+))
(write (list (which-op +) (which-op -) (which-op plus-alias) (which-op *)
             (let ([+ 0]) (which-op +))))
(newline)

;; syntax-local-introduce: a definition introduced "as if by the user"
(define-syntax (define-visible stx)
  (syntax-case stx ()
    [(_ v) (with-syntax ([name (syntax-local-introduce #'visible-name)])
             #'(define name v))]))
(define-visible 'seen)
(define-syntax (get-visible stx)
  #'visible-name)
(write (get-visible))
(newline)

;; introducer in a macro makes a binding the user can't see
(define-syntax (define-two stx)
  (syntax-case stx ()
    [(_ n get v1 v2)
     (let ([i (make-syntax-introducer)])
       (with-syntax ([n2 (i #'n)])
         #'(begin (define n v1) (define n2 v2) (define (get) n2))))]))
(define-two zed get-n2 'outer 'inner)
(write (list zed (get-n2)))
(newline)
