#lang racket/base
;; extract-struct-info from racket/struct-info in user macros.
(require (for-syntax racket/base racket/struct-info))

(struct animal (name legs))
(struct dog animal (breed))

;; (struct-fields->list s v): list of all field values, via the accessors in the struct info
(define-syntax (struct->list stx)
  (syntax-case stx ()
    [(_ s v)
     (let* ([info (extract-struct-info (syntax-local-value #'s))]
            [accs (reverse (list-ref info 3))])
       (with-syntax ([(acc ...) accs])
         #'(let ([x v]) (list (acc x) ...))))]))
(printf "~s\n" (struct->list animal (animal "cat" 4)))
(printf "~s\n" (struct->list dog (dog "rex" 4 'lab)))

;; inspect the info list itself
(define-syntax (describe stx)
  (syntax-case stx ()
    [(_ s)
     (let ([info (extract-struct-info (syntax-local-value #'s))])
       (with-syntax ([desc (syntax-e (list-ref info 0))]
                     [ctor (syntax-e (list-ref info 1))]
                     [pred (syntax-e (list-ref info 2))]
                     [accs (map syntax-e (list-ref info 3))]
                     [super (let ([sup (list-ref info 5)])
                              (if (identifier? sup) (syntax-e sup) sup))]
                     [ok (struct-info? (syntax-local-value #'s))])
         #''(desc ctor pred accs super ok)))]))
(printf "~s\n" (describe animal))
(printf "~s\n" (describe dog))

;; checked constructor: count fields at compile time
(define-syntax (make-checked stx)
  (syntax-case stx ()
    [(_ s arg ...)
     (let* ([info (extract-struct-info (syntax-local-value #'s))]
            [n (length (list-ref info 3))]
            [given (length (syntax->list #'(arg ...)))])
       (if (= n given)
           (with-syntax ([ctor (list-ref info 1)]) #'(ctor arg ...))
           (raise-syntax-error #f (format "expected ~a fields, got ~a" n given) stx)))]))
(printf "~s\n" (animal-name (make-checked animal "ant" 6)))

;; struct-info? on non-struct bindings
(define-syntax not-a-struct 5)
(define-syntax (is-struct? stx)
  (syntax-case stx ()
    [(_ id) (if (struct-info? (syntax-local-value #'id (lambda () #f))) #''yes #''no)]))
(printf "~s ~s ~s\n" (is-struct? animal) (is-struct? not-a-struct) (is-struct? printf))

;; struct info for a struct defined in a local scope
(define (local)
  (struct tmp (a b c))
  (define-syntax (nfields stx)
    (syntax-case stx ()
      [(_ s) #`#,(length (list-ref (extract-struct-info (syntax-local-value #'s)) 3))]))
  (list (nfields tmp) (struct->list tmp (tmp 1 2 3))))
(printf "~s\n" (local))

;; extract-struct-info on a non-struct-info value: contract error, caught at compile time
(define-syntax not-struct-info (list 1 2))
(define-syntax (try-fields stx)
  (syntax-case stx ()
    [(_ s) (with-handlers ([exn:fail:contract?
                            (lambda (e) #`'(error #,(car (regexp-split #rx"\n" (exn-message e)))))])
             #`#,(length (list-ref (extract-struct-info (syntax-local-value #'s)) 3)))]))
(printf "~s ~s\n" (try-fields dog) (try-fields not-struct-info))
