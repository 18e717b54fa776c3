#lang racket/base
;; syntax/parse: attributes of syntax classes at ellipsis depth (from
;; patterns, #:with and #:attr), nested class attributes, the static,
;; string and bytes classes, and this-syntax.
(require (for-syntax racket/base syntax/parse racket/struct-info))

(begin-for-syntax
  (define-syntax-class pairs
    (pattern ((a b) ...)))
  (define-syntax-class names
    #:attributes ([name 1] count)
    (pattern (x:id ...)
             #:attr [name 1] (syntax->list #'(x ...))
             #:with count (datum->syntax #'here (length (syntax->list #'(x ...))))))
  (define-syntax-class swapped
    (pattern (x y) #:with (flipped ...) #'(y x)))
  (define-syntax-class field
    (pattern [name:id default:expr]))
  (define-syntax-class record
    #:auto-nested-attributes
    (pattern (rname:id f:field ...))))

(define-syntax (firsts stx)
  (syntax-parse stx
    [(_ p:pairs) #''(p.a ...)]))
(firsts ((1 2) (3 4) (5 6)))

(define-syntax (table stx)
  (syntax-parse stx
    [(_ p:pairs ...) #''((p.b ...) ...)]))
(table ((1 2) (3 4)) ((5 6)))

(define-syntax (listed stx)
  (syntax-parse stx
    [(_ n:names) #''(n.count n.name ...)]))
(listed (a b c))

(define-syntax (flip stx)
  (syntax-parse stx
    [(_ s:swapped) #''(s.flipped ...)]))
(flip (1 2))

(define-syntax (defaults stx)
  (syntax-parse stx
    [(_ r:record) #''(r.rname (r.f.name r.f.default) ...)]))
(defaults (point [x 0] [y 1]))

(struct pt (x y z))
(define-syntax (field-count stx)
  (syntax-parse stx
    [(_ (~var s (static struct-info? "structure name")))
     #`'#,(length (list-ref (extract-struct-info (attribute s.value)) 3))]))
(field-count pt)

(define-syntax (texts stx)
  (syntax-parse stx
    [(_ s:string b:bytes) #''(s b)]))
(texts "a" #"b")

(define-syntax (whole stx)
  (syntax-parse stx
    [(_ x) #`'#,(syntax->datum this-syntax)]))
(whole 42)

(begin-for-syntax
  (define-syntax-class self-aware
    (pattern (a b) #:with all this-syntax)))
(define-syntax (aware stx)
  (syntax-parse stx
    [(_ s:self-aware) #''s.all]))
(aware (1 2))
