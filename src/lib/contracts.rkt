#lang racket/base
;; racket/contract: contracts as values, the combinators, the function
;; contracts' run-time half, blame and its message. The records are
;; prims/contracts.ts; the forms (`->`, `contract`, `contract-out`, ...)
;; are macros/contracts.ts, which expand into calls of the definitions
;; here. A contract's projection is `(lambda (blame) (lambda (v) ...))`.

(provide (rename-out [contract? racket/contract:contract?]
                     [flat-contract? racket/contract:flat-contract?]
                     [chaperone-contract? racket/contract:chaperone-contract?]
                     [impersonator-contract? racket/contract:impersonator-contract?]
                     [contract-name racket/contract:contract-name]
                     [coerce-contract racket/contract:coerce-contract]
                     [coerce-contracts racket/contract:coerce-contracts]
                     [coerce-flat-contract racket/contract:coerce-flat-contract]
                     [coerce-flat-contracts racket/contract:coerce-flat-contracts]
                     [coerce-chaperone-contract racket/contract:coerce-chaperone-contract]
                     [coerce-chaperone-contracts racket/contract:coerce-chaperone-contracts]
                     [coerce-contract/f racket/contract:coerce-contract/f]
                     [flat-contract-predicate racket/contract:flat-contract-predicate]
                     [flat-contract racket/contract:flat-contract]
                     [flat-named-contract racket/contract:flat-named-contract]
                     [is-a?/c racket/class:is-a?/c]
                     [make-class/c #%rkt-internal:class-make-class/c]
                     [instanceof/c racket/class:instanceof/c]
                     [dynamic-object/c racket/class:dynamic-object/c]
                     [implementation?/c racket/class:implementation?/c]
                     [subclass?/c racket/class:subclass?/c]
                     [mixin-contract #%rkt-internal:contract-mixin-contract]
                     [make-mixin-contract racket/class:make-mixin-contract]
                     [make-method-dependent-arrow #%rkt-internal:contract-make-method-dependent-arrow]
                     [method-contract-named #%rkt-internal:contract-method-contract-named]
                     [make-unit/c #%rkt-internal:contract-make-unit/c]
                     [contract-first-order racket/contract:contract-first-order]
                     [contract-first-order-passes? racket/contract:contract-first-order-passes?]
                     [contract-projection racket/contract:contract-projection]
                     [contract-late-neg-projection racket/contract:contract-late-neg-projection]
                     [contract-val-first-projection racket/contract:contract-val-first-projection]
                     [get/build-late-neg-projection racket/contract:get/build-late-neg-projection]
                     [get/build-val-first-projection racket/contract:get/build-val-first-projection]
                     [make-contract racket/contract:make-contract]
                     [make-chaperone-contract racket/contract:make-chaperone-contract]
                     [make-flat-contract racket/contract:make-flat-contract]
                     [rename-contract racket/contract:rename-contract]
                     [any/c racket/contract:any/c]
                     [none/c racket/contract:none/c]
                     [make-none/c racket/contract:make-none/c]
                     [natural-number/c racket/contract:natural-number/c]
                     [false/c racket/contract:false/c]
                     [printable/c racket/contract:printable/c]
                     [or/c racket/contract:or/c]
                     [first-or/c racket/contract:first-or/c]
                     [and/c racket/contract:and/c]
                     [not/c racket/contract:not/c]
                     [one-of/c racket/contract:one-of/c]
                     [symbols racket/contract:symbols]
                     [=/c racket/contract:=/c]
                     [</c racket/contract:</c]
                     [>/c racket/contract:>/c]
                     [<=/c racket/contract:<=/c]
                     [>=/c racket/contract:>=/c]
                     [between/c racket/contract:between/c]
                     [integer-in racket/contract:integer-in]
                     [real-in racket/contract:real-in]
                     [char-in racket/contract:char-in]
                     [string-len/c racket/contract:string-len/c]
                     [listof racket/contract:listof]
                     [non-empty-listof racket/contract:non-empty-listof]
                     [list*of racket/contract:list*of]
                     [cons/c racket/contract:cons/c]
                     [list/c racket/contract:list/c]
                     [*list/c racket/contract:*list/c]
                     [vectorof racket/contract:vectorof]
                     [vector-immutableof racket/contract:vector-immutableof]
                     [vector/c racket/contract:vector/c]
                     [vector-immutable/c racket/contract:vector-immutable/c]
                     [box/c racket/contract:box/c]
                     [box-immutable/c racket/contract:box-immutable/c]
                     [hash/c racket/contract:hash/c]
                     [parameter/c racket/contract:parameter/c]
                     [procedure-arity-includes/c racket/contract:procedure-arity-includes/c]
                     [predicate/c racket/contract:predicate/c]
                     [if/c racket/contract:if/c]
                     [failure-result/c racket/contract:failure-result/c]
                     [syntax/c racket/contract:syntax/c]
                     [n->th racket/contract:n->th]
                     [blame? racket/contract:blame?]
                     [blame-positive racket/contract:blame-positive]
                     [blame-negative racket/contract:blame-negative]
                     [blame-contract racket/contract:blame-contract]
                     [blame-value racket/contract:blame-value]
                     [blame-source racket/contract:blame-source]
                     [blame-context racket/contract:blame-context]
                     [blame-original? racket/contract:blame-original?]
                     [blame-swapped? racket/contract:blame-swapped?]
                     [blame-swap racket/contract:blame-swap]
                     [blame-replace-negative racket/contract:blame-replace-negative]
                     [blame-replaced-negative? racket/contract:blame-replaced-negative?]
                     [blame-update racket/contract:blame-update]
                     [blame-add-context racket/contract:blame-add-context]
                     [blame-add-car-context racket/contract:blame-add-car-context]
                     [blame-add-cdr-context racket/contract:blame-add-cdr-context]
                     [blame-add-nth-arg-context racket/contract:blame-add-nth-arg-context]
                     [blame-add-range-context racket/contract:blame-add-range-context]
                     [blame-add-unknown-context racket/contract:blame-add-unknown-context]
                     [blame-missing-party? racket/contract:blame-missing-party?]
                     [blame-add-missing-party racket/contract:blame-add-missing-party]
                     [blame-fmt->-string racket/contract:blame-fmt->-string]
                     [raise-blame-error racket/contract:raise-blame-error]
                     [raise-contract-error racket/contract:raise-contract-error]
                     [current-blame-format racket/contract:current-blame-format]
                     [value-contract racket/contract:value-contract]
                     [has-contract? racket/contract:has-contract?]
                     [value-blame racket/contract:value-blame]
                     [has-blame? racket/contract:has-blame?]
                     [contract-equivalent? racket/contract:contract-equivalent?]
                     [contract-stronger? racket/contract:contract-stronger?]
                     [eq-contract? racket/contract:eq-contract?]
                     [equal-contract? racket/contract:equal-contract?]
                     [eq-contract-val racket/contract:eq-contract-val]
                     [equal-contract-val racket/contract:equal-contract-val]
                     [list-contract? racket/contract:list-contract?]
                     [matches-arity-exactly? racket/contract:matches-arity-exactly?]
                     [keywords-match racket/contract:keywords-match]
                     [build-compound-type-name racket/contract:build-compound-type-name]
                     [apply-contract #%rkt-internal:contract-apply-contract]
                     [make-arrow-contract #%rkt-internal:contract-make-arrow-contract]
                     [make-struct/c #%rkt-internal:contract-make-struct/c]
                     [make-recursive-contract #%rkt-internal:contract-make-recursive-contract]
                     [make-case-arrow #%rkt-internal:contract-make-case-arrow]
                     [make-dependent-arrow #%rkt-internal:contract-make-dependent-arrow]
                     [contract-out-value #%rkt-internal:contract-contract-out-value]
                     [invariant-assertion #%rkt-internal:contract-invariant-assertion]
                     [make-unconstrained-domain #%rkt-internal:contract-make-unconstrained-domain]
                     [flat-contract-with-explanation racket/contract:flat-contract-with-explanation]
                     [build-contract-property racket/contract:build-contract-property]
                     [build-chaperone-contract-property racket/contract:build-chaperone-contract-property]
                     [build-flat-contract-property racket/contract:build-flat-contract-property]
                     [channel/c racket/contract:channel/c]
                     [dynamic->* racket/contract:dynamic->*]
                     [promise/c racket/contract:promise/c]
                     [sequence/c racket/sequence:sequence/c]
                     [stream/c racket/stream:stream/c]
                     [evt/c racket/contract:evt/c]
                     [set/c racket/set:set/c]
                     [base->? racket/contract:base->?]
                     [base->-doms/c racket/contract:base->-doms/c]
                     [base->-rngs/c racket/contract:base->-rngs/c]
                     [char-in/c racket/contract:char-in/c]
                     [bad-number-of-results racket/contract:bad-number-of-results]
                     [raise-not-cons-blame-error racket/contract:raise-not-cons-blame-error]
                     [tail-marks-match? racket/contract:tail-marks-match?]
                     [arity-checking-wrapper racket/contract:arity-checking-wrapper]
                     [contract-custom-write-property-proc racket/contract:contract-custom-write-property-proc]
                     [contract-custom-write-property-proc racket/contract:custom-write-property-proc]
                     [contract-struct-late-neg-projection racket/contract:contract-struct-late-neg-projection]
                     [contract-struct-list-contract? racket/contract:contract-struct-list-contract?]
                     [contract-struct-exercise racket/contract:contract-struct-exercise]
                     [make-proj-contract racket/contract:make-proj-contract]
                     [contract-proc racket/contract:contract-proc]
                     [contract-pos/neg-doubling/proc #%rkt-internal:contract-pos/neg-doubling]
                     [property/c racket/contract:property/c]
                     [suggest/c racket/contract:suggest/c]
                     [make-struct-guard #%rkt-internal:contract-make-struct-guard]))

;; ---------------------------------------------------------------- records

(define (contract-record? v) (%contract-record? v))

;; The projection of a flat contract: the value when it passes, else blame.
(define (flat-projection name pred)
  (lambda (blame)
    (lambda (v)
      (if (pred v)
          v
          (raise-blame-error blame v '(expected: "~a" given: "~e") (%name-text name) v)))))

;; How a contract's name appears after `expected:` (as `display` shows it).
(define (%name-text name) (format "~a" name))

(define (make-flat name pred) (%make-contract-record 'flat name pred (flat-projection name pred) #f))

;; class/c: the class must have the methods and fields named (and not the
;; absent ones); its objects' contracted methods are checked, through a
;; subclass-like wrapper of the class (prims/classes.ts) holding the
;; contracted methods. Method contracts take the object first (->m).
(define (make-class/c name methods method-cs fields absents for-object?)
  (let ([cs (map (lambda (c) (and c (coerce-contract (if for-object? 'object/c 'class/c) c))) method-cs)])
    (%make-contract-record
     'impersonator
     (cons (car name)
           (map (lambda (part)
                  (if (exact-integer? part)
                      (list (list-ref methods part) (%contract-record-name (list-ref cs part)))
                      part))
                (cdr name)))
     (if for-object? %class:object? %class:class?)
     (lambda (b)
       (let ([projs (map (lambda (m c)
                           (and c ((%contract-record-projection c)
                                   (blame-with (blame-add-context b (format "the ~a method in" m))
                                               #:value (cons m (%blame-value b))))))
                         methods cs)])
         (lambda (v)
           (when for-object?
             (unless (%class:object? v) (raise-blame-error b v '(expected: "an object" given: "~e") v)))
           (unless (or for-object? (%class:class? v)) (raise-blame-error b v '(expected: "a class" given: "~e") v))
           (define cls (if for-object? (%class:object-class v) v))
           (for-each (lambda (m) (unless (%class:has-method? cls m) (raise-blame-error b v "no public method ~a" m))) methods)
           (for-each (lambda (f) (unless (%class:has-field? cls f) (raise-blame-error b v "no public field ~a" f))) fields)
           (for-each (lambda (m) (when (%class:has-method? cls m) (raise-blame-error b v "class already contains public method ~a" m)))
                     absents)
           (define wrapped
             (%class:wrap cls (let loop ([ms methods] [ps projs])
                              (cond
                                [(null? ms) '()]
                                [(car ps) (cons (cons (car ms) ((car ps) (procedure-rename (%class:method-of cls (car ms)) (car ms))))
                                                (loop (cdr ms) (cdr ps)))]
                                [else (loop (cdr ms) (cdr ps))]))))
           (if for-object? (%class:wrap-object v wrapped) wrapped))))
     #f)))

;; instanceof/c: an object whose class meets a class contract, seen through the contracted class.
(define (instanceof/c c)
  (let ([c (coerce-contract 'instanceof/c c)])
    (%make-contract-record
     'impersonator (list 'instanceof/c (%contract-record-name c))
     (lambda (v) (and (%class:object? v) ((%contract-record-first-order c) (%class:object-class v))))
     (lambda (b)
       (let ([proj ((%contract-record-projection c) b)])
         (lambda (v)
           (unless (%class:object? v) (raise-blame-error b v '(expected: "an object" given: "~e") v))
           (%class:wrap-object v (proj (%class:object-class v))))))
     #f)))

;; object/c from lists of names and contracts.
(define (dynamic-object/c methods method-cs fields field-cs)
  (let ([mcs (map (lambda (c) (coerce-contract 'dynamic-object/c c)) method-cs)]
        [fcs (map (lambda (c) (coerce-contract 'dynamic-object/c c)) field-cs)])
    (make-class/c (cons 'object/c
                        (append (build-list (length methods) values)
                                (if (null? fields)
                                    '()
                                    (list (cons 'field (map (lambda (f c) (list f (%contract-record-name c))) fields fcs))))))
                  methods mcs fields '() #t)))

;; racket/class's flat contracts, named by the class or interface they take.
(define (is-a?/c c)
  (unless (or (%class:class? c) (%class:interface? c)) (raise-argument-error 'is-a?/c "(or/c interface? class?)" c))
  (make-flat (list 'is-a?/c (%class:name c)) (lambda (v) (%class:instance-of? v c))))

(define (implementation?/c i)
  (unless (%class:interface? i) (raise-argument-error 'implementation?/c "interface?" i))
  (make-flat (list 'implementation?/c (%class:name i)) (lambda (v) (%class:implements? v i))))

(define (subclass?/c c)
  (unless (%class:class? c) (raise-argument-error 'subclass?/c "class?" c))
  (make-flat (list 'subclass?/c (%class:name c)) (lambda (v) (%class:subclass? v c))))

(define (make-flat/projection name pred projection)
  (%make-contract-record 'flat name pred projection #f))

;; How a predicate is named as a contract: null? is '(), and
;; exact-nonnegative-integer? natural? (its name in Racket CS).
(define (predicate-name p)
  (cond
    [(eq? p null?) ''()]
    [(eq? p exact-nonnegative-integer?) 'natural?]
    [else (or (object-name p) '???)]))

;; Any value that works as a contract, as a record, or #f.
(define (coerce-contract/f v [name #f])
  (cond
    [(%contract-record? v) v]
    [(%contract-property-of v) => (lambda (p) (property-contract v p))]
    [(procedure? v)
     (and (procedure-arity-includes? v 1)
          (make-flat (or name (predicate-name v)) v))]
    [(or (symbol? v) (boolean? v) (char? v) (null? v) (keyword? v) (void? v))
     (let ([shown (if (or (symbol? v) (null? v)) (list 'quote v) v)])
       (%make-contract-record 'flat (or name shown) (lambda (x) (eq? x v))
                              (flat-projection (or name shown) (lambda (x) (eq? x v)))
                              (list 'eq v)))]
    [(or (string? v) (bytes? v))
     (%make-contract-record 'flat (or name v) (lambda (x) (equal? x v))
                            (flat-projection (or name (format "~s" v)) (lambda (x) (equal? x v)))
                            (list 'equal v))]
    [(number? v)
     (let ([pred (lambda (x) (and (number? x) (= x v)))])
       (%make-contract-record 'flat (or name v) pred (flat-projection (or name v) pred) (list 'equal v)))]
    [(or (regexp? v) (byte-regexp? v))
     (let ([pred (lambda (x) (and (or (string? x) (bytes? x)) (regexp-match? v x)))])
       (make-flat/projection (or name v) pred (flat-projection (or name (format "~s" v)) pred)))]
    [else #f]))

(define (coerce-contract who v)
  (or (coerce-contract/f v)
      (raise-argument-error who "contract?" v)))

;; Coerces each of `vs`, as the arguments of `who`: a bad one is reported
;; with its position and the other arguments.
(define (coerce-contracts who vs)
  (let loop ([l vs] [i 0] [acc '()])
    (cond
      [(null? l) (reverse acc)]
      [else
       (let ([c (coerce-contract/f (car l))])
         (unless c (apply raise-argument-error who "contract?" i vs))
         (loop (cdr l) (add1 i) (cons c acc)))])))

(define (coerce-flat-contract who v)
  (let ([c (coerce-contract/f v)])
    (unless (and c (eq? (%contract-record-kind c) 'flat)) (raise-argument-error who "flat-contract?" v))
    c))

(define (coerce-flat-contracts who vs)
  (let loop ([l vs] [i 0] [acc '()])
    (cond
      [(null? l) (reverse acc)]
      [else
       (let ([c (coerce-contract/f (car l))])
         (unless (and c (eq? (%contract-record-kind c) 'flat)) (apply raise-argument-error who "flat-contract?" i vs))
         (loop (cdr l) (add1 i) (cons c acc)))])))

(define (coerce-chaperone-contract who v)
  (let ([c (coerce-contract/f v)])
    (unless (and c (not (eq? (%contract-record-kind c) 'impersonator))) (raise-argument-error who "chaperone-contract?" v))
    c))

(define (coerce-chaperone-contracts who vs)
  (map (lambda (v) (coerce-chaperone-contract who v)) vs))

(define (contract? v) (and (coerce-contract/f v) #t))

(define (flat-contract? v)
  (let ([c (coerce-contract/f v)]) (and c (eq? (%contract-record-kind c) 'flat))))

(define (chaperone-contract? v)
  (let ([c (coerce-contract/f v)]) (and c (not (eq? (%contract-record-kind c) 'impersonator)))))

(define (impersonator-contract? v)
  (let ([c (coerce-contract/f v)]) (and c (eq? (%contract-record-kind c) 'impersonator))))

(define (contract-name c) (%contract-record-name (coerce-contract 'contract-name c)))

(define (flat-contract-predicate c)
  (%contract-record-first-order (coerce-flat-contract 'flat-contract-predicate c)))

(define (flat-contract pred)
  (unless (and (procedure? pred) (procedure-arity-includes? pred 1))
    (raise-argument-error 'flat-contract "(procedure-arity-includes/c 1)" pred))
  (make-flat (or (object-name pred) '???) pred))

(define (flat-named-contract name c [generate #f])
  (let ([c (coerce-flat-contract 'flat-named-contract c)])
    (make-flat name (%contract-record-first-order c))))

(define (rename-contract c name)
  (let ([c (coerce-contract 'rename-contract c)])
    (%make-contract-record (%contract-record-kind c) name (%contract-record-first-order c)
                           (%contract-record-projection c) (%contract-record-data c))))

(define (contract-first-order c) (%contract-record-first-order (coerce-contract 'contract-first-order c)))

(define (contract-first-order-passes? c v)
  ((%contract-record-first-order (coerce-contract 'contract-first-order-passes? c)) v))

(define (contract-projection c) (%contract-record-projection (coerce-contract 'contract-projection c)))

(define (contract-late-neg-projection c)
  (let ([proj (%contract-record-projection (coerce-contract 'contract-late-neg-projection c))])
    (lambda (blame)
      (lambda (v neg-party)
        ((proj (if (%blame-missing blame) (blame-add-missing-party blame neg-party) blame)) v)))))

(define (get/build-late-neg-projection c) (contract-late-neg-projection c))

(define (contract-val-first-projection c)
  (let ([proj (%contract-record-projection (coerce-contract 'contract-val-first-projection c))])
    (lambda (blame)
      (lambda (v)
        (lambda (neg-party)
          ((proj (if (%blame-missing blame) (blame-add-missing-party blame neg-party) blame)) v))))))

(define (get/build-val-first-projection c) (contract-val-first-projection c))

;; A struct instance with prop:contract (or its flat or chaperone form),
;; as a record made from its property's procedures.
(define (property-contract v p)
  (let* ([proc (lambda (i) (let ([f (%contract-property-proc p i)]) (and f (f v))))]
         [name (or (proc 0) 'anonymous-contract)])
    (build-contract 'prop:contract (%contract-property-kind p) name (proc 1) (proc 2) (proc 3) (proc 4))))

;; build-contract-property and its chaperone and flat forms.
(define (build-contract-property #:name [name #f] #:first-order [first-order #f] #:projection [projection #f]
                                 #:val-first-projection [val-first #f] #:late-neg-projection [late-neg #f]
                                 #:collapsible-late-neg-projection [collapsible #f] #:stronger [stronger #f]
                                 #:equivalent [equivalent #f] #:generate [generate #f] #:exercise [exercise #f]
                                 #:list-contract? [list? #f] #:trusted [trusted #f])
  (%make-contract-property 'impersonator (list name first-order projection val-first late-neg stronger)))

(define (build-chaperone-contract-property #:name [name #f] #:first-order [first-order #f] #:projection [projection #f]
                                           #:val-first-projection [val-first #f] #:late-neg-projection [late-neg #f]
                                           #:collapsible-late-neg-projection [collapsible #f] #:stronger [stronger #f]
                                           #:equivalent [equivalent #f] #:generate [generate #f] #:exercise [exercise #f]
                                           #:list-contract? [list? #f])
  (%make-contract-property 'chaperone (list name first-order projection val-first late-neg stronger)))

(define (build-flat-contract-property #:name [name #f] #:first-order [first-order #f] #:projection [projection #f]
                                      #:val-first-projection [val-first #f] #:late-neg-projection [late-neg #f]
                                      #:collapsible-late-neg-projection [collapsible #f] #:stronger [stronger #f]
                                      #:equivalent [equivalent #f] #:generate [generate #f] #:list-contract? [list? #f])
  (%make-contract-property 'flat (list name first-order projection val-first late-neg stronger)))

;; make-contract and its relatives: a contract from its parts, as a library
;; writes one. A late-neg projection wins over a val-first one, which wins
;; over a plain projection; a flat contract without one blames with its name.
(define (build-contract who kind name first-order projection val-first late-neg [generate #f])
  (let* ([first-order (or first-order (lambda (x) #t))]
         [proj (cond
                 [late-neg (lambda (blame) (let ([p (late-neg blame)]) (lambda (v) (p v (%blame-negative blame)))))]
                 [val-first (lambda (blame) (let ([p (val-first blame)]) (lambda (v) ((p v) (blame-negative blame)))))]
                 [projection projection]
                 [(eq? kind 'flat) (flat-projection name first-order)]
                 [else (lambda (blame)
                         (lambda (v)
                           (if (first-order v)
                               v
                               (raise-blame-error blame v '(expected: "~a" given: "~e") (%name-text name) v))))])])
    ;; Printed opaque in every mode, as Racket's make-contract structs are.
    (let ([c (%make-contract-record kind name first-order proj '(opaque))])
      (if generate (with-generator c 'custom (list generate)) c))))

(define (make-contract #:name [name 'anonymous-contract] #:first-order [first-order #f]
                       #:projection [projection #f] #:val-first-projection [val-first #f]
                       #:late-neg-projection [late-neg #f] #:collapsible-late-neg-projection [collapsible #f]
                       #:stronger [stronger #f] #:equivalent [equivalent #f]
                       #:generate [generate #f] #:exercise [exercise #f] #:list-contract? [list? #f])
  (build-contract 'make-contract 'impersonator name first-order projection val-first late-neg generate))

(define (make-chaperone-contract #:name [name 'anonymous-chaperone-contract] #:first-order [first-order #f]
                                 #:projection [projection #f] #:val-first-projection [val-first #f]
                                 #:late-neg-projection [late-neg #f] #:collapsible-late-neg-projection [collapsible #f]
                                 #:stronger [stronger #f] #:equivalent [equivalent #f] #:list-contract? [list? #f])
  (build-contract 'make-chaperone-contract 'chaperone name first-order projection val-first late-neg))

(define (make-flat-contract #:name [name 'anonymous-flat-contract] #:first-order [first-order #f]
                            #:projection [projection #f] #:val-first-projection [val-first #f]
                            #:late-neg-projection [late-neg #f] #:collapsible-late-neg-projection [collapsible #f]
                            #:stronger [stronger #f] #:equivalent [equivalent #f] #:list-contract? [list? #f])
  (build-contract 'make-flat-contract 'flat name first-order projection val-first late-neg))

(define (build-compound-type-name . parts)
  (map (lambda (p) (if (%contract-record? p) (%contract-record-name p) p)) parts))

(define (contract-equivalent? a b) (equal? (contract-name a) (contract-name b)))

;; Only what is plainly so: the same contract, or anything stronger than any/c.
(define (contract-stronger? a b)
  (or (eq? a b)
      (equal? (contract-name b) 'any/c)
      (equal? (contract-name a) 'none/c)
      (contract-equivalent? a b)))

(define (eq-contract? c) (let ([d (and (%contract-record? c) (%contract-record-data c))]) (and (pair? d) (eq? (car d) 'eq))))
(define (equal-contract? c) (let ([d (and (%contract-record? c) (%contract-record-data c))]) (and (pair? d) (eq? (car d) 'equal))))
(define (eq-contract-val c) (cadr (%contract-record-data c)))
(define (equal-contract-val c) (cadr (%contract-record-data c)))
(define (list-contract? c)
  (let ([c (coerce-contract/f c)])
    (and c (let ([d (%contract-record-data c)]) (and (pair? d) (eq? (car d) 'list))))))

;; Does `proc` take exactly the arguments a function contract describes:
;; `min`..`max` positional ones (max #f: any number more), these
;; required keywords, and no keywords but these optional ones?
(define (matches-arity-exactly? proc min max required-kws optional-kws)
  (let-values ([(ar) (procedure-arity proc)]
               [(req all) (procedure-keywords proc)])
    (and all
         (equal? req required-kws)
         (equal? all (sort (append required-kws optional-kws) keyword<?))
         (equal? (%normalize-arity ar)
                 (%normalize-arity (if max (build-list (add1 (- max min)) (lambda (i) (+ min i))) (arity-at-least min)))))))

;; Does `proc` fit a contract's keywords: it accepts all of them, and
;; requires only the contract's mandatory ones?
(define (keywords-match mandatory optional proc)
  (let-values ([(req all) (procedure-keywords proc)])
    (and (or (not all) (andmap (lambda (k) (memq k all)) (append mandatory optional)))
         (andmap (lambda (k) (memq k mandatory)) req)
         #t)))

;; ---------------------------------------------------------------- blame

(define (blame? v) (%blame? v))

(define (check-blame who b) (unless (%blame? b) (raise-argument-error who "blame?" b)))

(define (blame-positive b) (check-blame 'blame-positive b) (%blame-positive b))
(define (blame-negative b) (check-blame 'blame-negative b) (%blame-negative b))
(define (blame-contract b) (check-blame 'blame-contract b) (%blame-contract b))
(define (blame-value b) (check-blame 'blame-value b) (%blame-value b))
(define (blame-source b) (check-blame 'blame-source b) (%blame-source b))
(define (blame-context b) (check-blame 'blame-context b) (%blame-context b))
(define (blame-original? b) (check-blame 'blame-original? b) (%blame-original b))
(define (blame-swapped? b) (check-blame 'blame-swapped? b) (not (%blame-original b)))
(define (blame-missing-party? b) (check-blame 'blame-missing-party? b) (%blame-missing b))
(define (blame-replaced-negative? b) (check-blame 'blame-replaced-negative? b) #f)

(define (blame-with b #:positive [pos (%blame-positive b)] #:negative [neg (%blame-negative b)]
                    #:context [context (%blame-context b)] #:original [original (%blame-original b)]
                    #:missing [missing (%blame-missing b)] #:value [value (%blame-value b)])
  (%make-blame-record pos neg (%blame-contract b) value (%blame-source b) context original missing))

(define (blame-swap b)
  (check-blame 'blame-swap b)
  (blame-with b #:positive (%blame-negative b) #:negative (%blame-positive b) #:original (not (%blame-original b))))

(define (blame-add-context b s #:important [important #f] #:swap? [swap? #f])
  (check-blame 'blame-add-context b)
  (unless (or (string? s) (not s)) (raise-argument-error 'blame-add-context "(or/c string? #f)" s))
  (let ([b (if swap? (blame-swap b) b)])
    (if s (blame-with b #:context (cons s (%blame-context b))) b)))

(define (blame-add-car-context b) (blame-add-context b "the car of"))
(define (blame-add-cdr-context b) (blame-add-context b "the cdr of"))
(define (blame-add-nth-arg-context b n) (blame-add-context b (format "the ~a argument of" (n->th n)) #:swap? #t))
(define (blame-add-range-context b) (blame-add-context b "the range of"))
(define (blame-add-unknown-context b) (blame-add-context b #f))

(define (blame-replace-negative b party)
  (check-blame 'blame-replace-negative b)
  (blame-with b #:negative party #:missing #f))

(define (blame-update b pos neg)
  (check-blame 'blame-update b)
  (blame-with b #:positive pos #:negative neg))

(define (blame-add-missing-party b party)
  (check-blame 'blame-add-missing-party b)
  (cond
    [(not (%blame-missing b)) b]
    [(%blame-original b) (blame-with b #:negative party #:missing #f)]
    [else (blame-with b #:positive party #:missing #f)]))

(define (n->th n)
  (string-append
   (number->string n)
   (let ([last-two (modulo n 100)])
     (if (and (>= last-two 11) (<= last-two 13))
         "th"
         (case (modulo n 10) [(1) "st"] [(2) "nd"] [(3) "rd"] [else "th"])))))

;; Is this the party that made the promise, being blamed for breaking it?
(define (promise-broken? b)
  (and (%blame-original b) (not (equal? (%blame-positive b) (%blame-negative b)))))

;; A raise-blame-error format: a string, or a list of strings and the
;; symbols that become field names ("expected:" or, when the party that
;; promised broke it, "promised:").
(define (blame-fmt->-string b fmt)
  (if (string? fmt)
      fmt
      (let loop ([l fmt] [out '()] [after-space? #t])
        (if (null? l)
            (apply string-append (reverse out))
            (let* ([x (car l)]
                   [broken? (promise-broken? b)]
                   [field (lambda (s) (if (null? out) s (string-append "\n  " s)))]
                   [text (case x
                           [(given:) (field (if broken? "produced:" "given:"))]
                           [(given) (if broken? "produced" "given")]
                           [(expected:) (field (if broken? "promised:" "expected:"))]
                           [(expected) (if broken? "promised" "expected")]
                           [(received:) (field (if broken? "supplied:" "received:"))]
                           [else x])])
              (loop (cdr l)
                    (if (or after-space? (regexp-match? #rx"^[\n ]" text)) (cons text out) (list* text " " out))
                    (regexp-match? #rx" $" text)))))))

(define (raise-blame-error b v #:missing-party [missing-party #f] fmt . args)
  (unless (%blame? b) (apply raise-argument-error 'raise-blame-error "blame?" 0 b v fmt args))
  (unless (or (string? fmt) (and (list? fmt) (andmap (lambda (x) (or (symbol? x) (string? x))) fmt)))
    (apply raise-argument-error 'raise-blame-error "(or/c string? (listof (or/c string? symbol?)))" 2 b v fmt args))
  (let ([b (if missing-party (blame-add-missing-party b missing-party) b)])
    (raise (%make-exn:fail:contract:blame
            ((current-blame-format) b v (apply format (blame-fmt->-string b fmt) args))
            (current-continuation-marks)
            b))))

(define (raise-contract-error v src pos name fmt . args)
  (raise (make-exn:fail:contract
          (format "~a: contract violation ~a\n  blaming: ~a" name (apply format fmt args) pos)
          (current-continuation-marks))))

;; A value laid out as the blame message shows parts: on one line when
;; short, else pretty-printed 50 wide with every line under the spacer.
(define (contract-show write? v alone?)
  (let* ([render (lambda ()
                   (let ([out (open-output-string)])
                     (%pretty-print (if write? 'pretty-write 'pretty-display) v out 0 #t (if write? 'write 'display))
                     (get-output-string out)))]
         [line (parameterize ([%pretty-print-columns 'infinity]) (render))])
    (if (< (string-length line) 30)
        (if alone? (string-append "      " line) line)
        (parameterize ([%pretty-print-print-line
                        (lambda (n port len cols)
                          (if alone? (unless (equal? n 0) (newline port)) (newline port))
                          (if n (begin (display "      " port) 6) 0))]
                       [%pretty-print-columns 50])
          (render)))))

(define (party-text p) (if (path? p) (path->string p) p))

(define (srcloc-text loc)
  (cond
    [(srcloc? loc) (or (srcloc->string loc) "")]
    [else ""]))

;; Racket's message: what happened, the fields, where in the contract, the
;; contract, the parties and where the contract was made.
(define (default-blame-format b v message)
  (let* ([context (%blame-context b)]
         [context-lines
          (and (pair? context)
               (let loop ([l context] [first? #t])
                 (if (null? l)
                     ""
                     (string-append (format (if first? "  in: ~a\n" "      ~a\n") (car l)) (loop (cdr l) #f)))))]
         [contract-line (contract-show #t (%blame-contract b) #t)]
         [at (srcloc-text (%blame-source b))]
         [assertion? (eq? (%blame-positive b) %invariant-assertion-party)]
         [what (cond [assertion? "assertion violation"]
                     [(promise-broken? b) "broke its own contract"]
                     [else "contract violation"])]
         ;; A method's blame (class/c) names the method and, as `contract on`, the class.
         [value (%blame-value b)]
         [on (and (pair? value) (cdr value))]
         [start (if value (format "~a: ~a" (if (pair? value) (car value) value) what) what)]
         [fields? (regexp-match? #rx"^[^\n]*:" message)]
         [from (party-text (if (%blame-original b) (%blame-positive b) (%blame-negative b)))])
    (combine-lines
     (if fields? start (string-append start ";"))
     (format (if fields? "  ~a" " ~a") message)
     context-lines
     (if context-lines contract-line (string-append "  in:" (substring contract-line 5)))
     (format "  contract from: ~a" (contract-show #f from #f))
     (and on (format "  contract on: ~a" on))
     (and (not assertion?) (format "  blaming: ~a" (party-text (%blame-positive b))))
     (and (not assertion?) "   (assuming the contract is correct)")
     (and (not (string=? at "")) (format "  at: ~a" at)))))

(define (combine-lines . lines)
  (let ([text (apply string-append
                     (map (lambda (l) (if (regexp-match? #rx"\n$" l) l (string-append l "\n")))
                          (filter string? lines)))])
    (regexp-replace #rx"\n$" text "")))

(define current-blame-format
  (make-parameter default-blame-format
                  (lambda (f)
                    (unless (and (procedure? f) (procedure-arity-includes? f 3))
                      (raise-argument-error 'current-blame-format "(-> blame? any/c string? string?)" f))
                    f)))

(define (value-contract v) (%value-contract v))
(define (has-contract? v) (and (%value-contract v) #t))
(define (value-blame v) (%value-blame v))
(define (has-blame? v) (and (%value-blame v) #t))

;; `(contract c v pos neg name source)`: `v` checked against `c`.
(define (apply-contract c v pos neg name source)
  (let* ([c (coerce-contract 'contract c)]
         [b (%make-blame-record pos neg (%contract-record-name c) name source '() #t #f)])
    (((%contract-record-projection c) b) v)))

;; `(invariant-assertion c v)`: `v` checked, blaming the assertion itself.
(define (invariant-assertion c v name source)
  (apply-contract c v %invariant-assertion-party %invariant-assertion-party name source))

;; An export of contract-out, for the module `neg` that uses it: the value
;; with its contract, made once per using module.
(define (contract-out-value cache raw c name pos neg source)
  (or (hash-ref cache neg #f)
      (let ([v (apply-contract c raw pos neg name source)])
        (hash-set! cache neg v)
        v)))

;; ---------------------------------------------------------------- flat combinators

(define any/c (%make-contract-record 'flat 'any/c (lambda (x) #t) (lambda (b) (lambda (v) v)) #f))

(define none/c
  (%make-contract-record
   'flat 'none/c (lambda (x) #f)
   (lambda (b) (lambda (v) (raise-blame-error b v '("~a allows no values" given: "~e") 'none/c v)))
   #f))

(define (make-none/c name)
  (%make-contract-record
   'flat name (lambda (x) #f)
   (lambda (b) (lambda (v) (raise-blame-error b v '("~a allows no values" given: "~e") name v)))
   #f))

;; Plain predicates in Racket too (flat contracts that are procedures).
(define (natural-number/c x) (and (exact-integer? x) (>= x 0)))

(define false/c
  (%make-contract-record 'flat #f not (lambda (b) ((flat-projection #f not) b)) (list 'eq #f)))

(define (printable/c x) #t)

(define (all-flat? cs) (andmap (lambda (c) (eq? (%contract-record-kind c) 'flat)) cs))

(define (kind-of cs)
  (cond
    [(all-flat? cs) 'flat]
    [(ormap (lambda (c) (eq? (%contract-record-kind c) 'impersonator)) cs) 'impersonator]
    [else 'chaperone]))

(define (names-of cs) (map %contract-record-name cs))

(define (or/c . args)
  (let* ([cs (coerce-contracts 'or/c args)]
         [name (cons 'or/c (names-of cs))])
    (cond
      [(null? cs) (make-none/c '(or/c))]
      [(null? (cdr cs)) (car cs)]
      [(all-flat? cs)
       (let* ([preds (map %contract-record-first-order cs)]
              [pred (lambda (x) (ormap (lambda (p) (p x)) preds))])
         (%make-contract-record 'flat name pred (flat-projection name pred) (cons 'or cs)))]
      [else (higher-order-or name cs)])))

(define (first-or/c . args) (apply or/c args))

;; An or/c with higher-order parts: a value a flat part accepts passes as
;; is; otherwise the first higher-order part whose first-order test the
;; value passes checks it.
(define (higher-order-or name cs)
  (let* ([flats (filter (lambda (c) (eq? (%contract-record-kind c) 'flat)) cs)]
         [others (filter (lambda (c) (not (eq? (%contract-record-kind c) 'flat))) cs)]
         [flat-preds (map %contract-record-first-order flats)])
    (%make-contract-record
     (kind-of cs) name
     (lambda (x) (ormap (lambda (c) ((%contract-record-first-order c) x)) cs))
     (lambda (b)
       (let ([projs (map (lambda (c) ((%contract-record-projection c) (blame-add-context b "a part of the or/c of"))) others)])
         (lambda (v)
           (cond
             [(ormap (lambda (p) (p v)) flat-preds) v]
             [else
              (let loop ([os others] [ps projs])
                (cond
                  [(null? os)
                   (if (null? (cdr others))
                       ((car projs) v)
                       (raise-blame-error b v '(expected: "~a" given: "~e") (%name-text name) v))]
                  [((%contract-record-first-order (car os)) v) ((car ps) v)]
                  [else (loop (cdr os) (cdr ps))]))]))))
     (cons 'or cs))))

(define (and/c . args)
  (let* ([cs (coerce-contracts 'and/c args)]
         [name (cons 'and/c (names-of cs))])
    (cond
      [(null? cs) any/c]
      [(all-flat? cs)
       (let ([preds (map %contract-record-first-order cs)])
         (with-generator
          (make-flat/projection
          name
          (lambda (x) (andmap (lambda (p) (p x)) preds))
          (lambda (b)
            (let ([inner (blame-add-context b "an and/c case of")])
              (lambda (v)
                (let loop ([cs cs])
                  (cond
                    [(null? cs) v]
                    [((%contract-record-first-order (car cs)) v) (loop (cdr cs))]
                    ;; The failing case's own projection reports it (a nested and/c adds its context).
                    [else (((%contract-record-projection (car cs)) inner) v)]))))))
         'and cs))]
      [else
       (%make-contract-record
        (kind-of cs) name
        (lambda (x) (andmap (lambda (c) ((%contract-record-first-order c) x)) cs))
        (lambda (b)
          ;; A higher-order and/c names its conjuncts by position, as Racket's does.
          (let ([projs (for/list ([c (in-list cs)] [i (in-naturals 1)])
                         ((%contract-record-projection c) (blame-add-context b (format "the ~a conjunct of" (n->th i)))))])
            (lambda (v) (for/fold ([v v]) ([p (in-list projs)]) (p v)))))
        #f)])))

(define (not/c c)
  (let* ([c (coerce-flat-contract 'not/c c)]
         [pred (%contract-record-first-order c)])
    (make-flat (list 'not/c (%contract-record-name c)) (lambda (x) (not (pred x))))))

(define (one-of/c . vs)
  (for ([v (in-list vs)] [i (in-naturals)])
    (unless (or (symbol? v) (boolean? v) (char? v) (null? v) (keyword? v) (number? v) (void? v))
      (apply raise-argument-error 'one-of/c "(or/c symbol? boolean? char? null? keyword? number?)" i vs)))
  (with-generator
   (make-flat (cons 'or/c (map (lambda (v) (if (or (symbol? v) (null? v)) (list 'quote v) v)) vs))
              (lambda (x) (and (memv x vs) #t)))
   'one-of vs))

(define (symbols . ss)
  (for ([s (in-list ss)] [i (in-naturals)])
    (unless (symbol? s) (apply raise-argument-error 'symbols "symbol?" i ss)))
  (apply one-of/c ss))

(define (check-real who v) (unless (real? v) (raise-argument-error who "real?" v)))

(define (comparison-contract who n pred described)
  (check-real who n)
  (let ([name (list who n)]
        [test (lambda (x) (and (real? x) (pred x n)))])
    (with-generator
     (if described
        (make-flat/projection
         name test
         (lambda (b)
           (lambda (v)
             (if (test v) v (raise-blame-error b v '(expected: "a number ~a ~a" given: "~e") described n v)))))
        (make-flat name test))
     'compare (list n (case who [(=/c) '=] [(</c) '<] [(>/c) '>] [(<=/c) '<=] [else '>=])))))

(define (=/c n) (comparison-contract '=/c n = #f))
(define (</c n) (comparison-contract '</c n < "strictly less than"))
(define (>/c n) (comparison-contract '>/c n > "strictly greater than"))
(define (<=/c n) (comparison-contract '<=/c n <= #f))
(define (>=/c n) (comparison-contract '>=/c n >= #f))

(define (between/c lo hi)
  (check-real 'between/c lo)
  (check-real 'between/c hi)
  (with-generator (make-flat (list 'between/c lo hi) (lambda (x) (and (real? x) (<= lo x hi)))) 'real-range (list lo hi)))

(define (real-in lo hi)
  (check-real 'real-in lo)
  (check-real 'real-in hi)
  (with-generator (make-flat (list 'real-in lo hi) (lambda (x) (and (real? x) (<= lo x hi)))) 'real-range (list lo hi)))

(define (integer-in lo hi)
  (unless (or (not lo) (exact-integer? lo)) (raise-argument-error 'integer-in "(or/c exact-integer? #f)" lo))
  (unless (or (not hi) (exact-integer? hi)) (raise-argument-error 'integer-in "(or/c exact-integer? #f)" hi))
  (with-generator
   (make-flat (list 'integer-in lo hi)
              (lambda (x) (and (exact-integer? x) (or (not lo) (<= lo x)) (or (not hi) (<= x hi)))))
   'integer-range (list lo hi)))

(define (char-in lo hi)
  (unless (char? lo) (raise-argument-error 'char-in "char?" lo))
  (unless (char? hi) (raise-argument-error 'char-in "char?" hi))
  (with-generator
   (make-flat/projection
    (list 'char-in lo hi)
    (lambda (x) (and (char? x) (char<=? lo x hi)))
    (flat-projection (format "~s" (list 'char-in lo hi)) (lambda (x) (and (char? x) (char<=? lo x hi)))))
   'chars (list lo hi)))

(define (string-len/c n)
  (check-real 'string-len/c n)
  (make-flat (list 'string-len/c n) (lambda (x) (and (string? x) (< (string-length x) n)))))

(define (procedure-arity-includes/c n)
  (unless (exact-nonnegative-integer? n) (raise-argument-error 'procedure-arity-includes/c "exact-nonnegative-integer?" n))
  (make-flat (list 'procedure-arity-includes/c n) (lambda (x) (and (procedure? x) (procedure-arity-includes? x n)))))

(define (if/c test then else)
  (let ([then (coerce-contract 'if/c then)]
        [else (coerce-contract 'if/c else)])
    (%make-contract-record
     (kind-of (list then else))
     (list 'if/c (or (object-name test) '???) (%contract-record-name then) (%contract-record-name else))
     (lambda (x) (if (test x) ((%contract-record-first-order then) x) ((%contract-record-first-order else) x)))
     (lambda (b)
       (let ([pt ((%contract-record-projection then) b)]
             [pe ((%contract-record-projection else) b)])
         (lambda (v) (if (test v) (pt v) (pe v)))))
     #f)))

(define failure-result/c
  (%make-contract-record 'flat '(if/c procedure? (-> any) any/c) (lambda (x) #t) (lambda (b) (lambda (v) v)) #f))

(define (syntax/c c)
  (let* ([c (coerce-flat-contract 'syntax/c c)]
         [pred (%contract-record-first-order c)])
    (make-flat (list 'syntax/c (%contract-record-name c))
               (lambda (x) (and (syntax? x) (pred (syntax-e x)))))))

;; ---------------------------------------------------------------- data structures

;; Checks each element of `l` with `proj`, keeping the list when every
;; element comes back unchanged.
(define (map/same proj l)
  (let ([out (map proj l)])
    (if (andmap eq? out l) l out)))

(define (listof c)
  (let* ([c (coerce-contract 'listof c)]
         [name (list 'listof (%contract-record-name c))])
    (with-generator (sequence-contract name c list? "list?") 'listof (list c))))

(define (non-empty-listof c)
  (let* ([c (coerce-contract 'non-empty-listof c)]
         [name (list 'non-empty-listof (%contract-record-name c))])
    (with-generator (sequence-contract name c (lambda (x) (and (pair? x) (list? x))) "(and/c list? pair?)")
                    'non-empty-listof (list c))))

;; listof and non-empty-listof: the shape first, then each element.
(define (sequence-contract name c shape? shape-text)
  (let ([pred (%contract-record-first-order c)])
    (%make-contract-record
     (%contract-record-kind c)
     name
     (if (eq? (%contract-record-kind c) 'flat)
         (lambda (x) (and (shape? x) (andmap pred x)))
         shape?)
     (lambda (b)
       (let ([elem ((%contract-record-projection c) (blame-add-context b "an element of"))])
         (lambda (v)
           (unless (shape? v) (raise-blame-error b v '(expected: "~a" given: "~e") shape-text v))
           (map/same elem v))))
     (list 'list))))

(define (list*of c)
  (let* ([c (coerce-contract 'list*of c)]
         [pred (%contract-record-first-order c)])
    (%make-contract-record
     (%contract-record-kind c) (list 'list*of (%contract-record-name c))
     (lambda (x) (let loop ([x x]) (if (pair? x) (and (pred (car x)) (loop (cdr x))) (pred x))))
     (lambda (b)
       (let ([elem ((%contract-record-projection c) (blame-add-context b "an element of"))])
         (lambda (v)
           (let loop ([x v])
             (if (pair? x) (cons (elem (car x)) (loop (cdr x))) (elem x))))))
     #f)))

(define (cons/c a d)
  (let* ([a (coerce-contract 'cons/c a)]
         [d (coerce-contract 'cons/c d)]
         [pa (%contract-record-first-order a)]
         [pd (%contract-record-first-order d)])
    (with-generator
     (%make-contract-record
     (kind-of (list a d)) (list 'cons/c (%contract-record-name a) (%contract-record-name d))
     (lambda (x) (and (pair? x) (pa (car x)) (pd (cdr x))))
     (lambda (b)
       (let ([ja ((%contract-record-projection a) (blame-add-car-context b))]
             [jd ((%contract-record-projection d) (blame-add-cdr-context b))])
         (lambda (v)
           (unless (pair? v) (raise-blame-error b v '(expected: "pair?" given: "~e") v))
           (let ([x (ja (car v))] [y (jd (cdr v))])
             (if (and (eq? x (car v)) (eq? y (cdr v))) v (cons x y))))))
     #f)
    'cons (list a d))))

(define (list/c . args)
  (let* ([cs (coerce-contracts 'list/c args)]
         [n (length cs)]
         [preds (map %contract-record-first-order cs)])
    (with-generator
     (%make-contract-record
     (kind-of cs) (cons 'list/c (names-of cs))
     (lambda (x) (and (list? x) (= (length x) n) (andmap (lambda (p e) (p e)) preds x)))
     (lambda (b)
       (let ([projs (for/list ([c (in-list cs)] [i (in-naturals 1)])
                      ((%contract-record-projection c) (blame-add-context b (format "the ~a element of" (n->th i)))))])
         (lambda (v)
           (unless (list? v) (raise-blame-error b v '(expected: "a list" given: "~e") v))
           (unless (= (length v) n)
             (raise-blame-error b v '(expected: "a list of ~a element~a" given: "~a element~a\n  complete list: ~e")
                                n (if (= n 1) "" "s") (length v) (if (= (length v) 1) "" "s") v))
           (let ([out (map (lambda (p e) (p e)) projs v)])
             (if (andmap eq? out v) v out)))))
     (list 'list))
    'list cs)))

(define (*list/c prefix . suffix)
  (let* ([p (coerce-contract '*list/c prefix)]
         [cs (coerce-contracts '*list/c suffix)]
         [n (length cs)])
    (%make-contract-record
     (kind-of (cons p cs)) (list* '*list/c (%contract-record-name p) (names-of cs))
     (lambda (x) (and (list? x) (>= (length x) n)))
     (lambda (b)
       (let ([pp ((%contract-record-projection p) (blame-add-context b "an element of"))]
             [projs (map (lambda (c) ((%contract-record-projection c) (blame-add-context b "an element of"))) cs)])
         (lambda (v)
           (unless (and (list? v) (>= (length v) n))
             (raise-blame-error b v '(expected: "a list of at least ~a elements" given: "~e") n v))
           (let-values ([(front back) (split-at* v (- (length v) n))])
             (append (map pp front) (map (lambda (pr e) (pr e)) projs back))))))
     (list 'list))))

(define (split-at* l k)
  (let loop ([l l] [k k] [acc '()])
    (if (zero? k) (values (reverse acc) l) (loop (cdr l) (sub1 k) (cons (car l) acc)))))

;; vectorof and vector/c: an immutable vector is checked at once; a mutable
;; one is chaperoned, its elements checked as they are read and written.
(define (vectorof c #:immutable [immutable 'dont-care] #:flat? [flat? #f] #:eager [eager #t])
  (let* ([c (coerce-contract 'vectorof c)]
         [pred (%contract-record-first-order c)]
         [name (list 'vectorof (%contract-record-name c))])
    (%make-contract-record
     (if flat? 'flat 'chaperone) name
     (lambda (x) (and (vector? x) (vector-shape-ok? x immutable)))
     (lambda (b)
       (let* ([inner (blame-add-context b "an element of")]
              [elem ((%contract-record-projection c) inner)]
              [swapped ((%contract-record-projection c) (blame-swap inner))])
         (lambda (v)
           (unless (vector? v) (raise-blame-error b v '("promised a vector" given: "~e") v))
           (check-vector-mutability b v immutable)
           (if (or flat? (immutable? v))
               (begin (for ([e (in-vector v)]) (elem e)) v)
               (chaperone-vector v (lambda (vec i e) (elem e)) (lambda (vec i e) (swapped e))
                                 %impersonator-prop:contracted (vectorof-record name)
                                 %impersonator-prop:blame b)))))
     #f)))

(define (vectorof-record name) (%make-contract-record 'chaperone name vector? #f #f))

(define (vector-shape-ok? v immutable)
  (case immutable [(#t) (immutable? v)] [(#f) (not (immutable? v))] [else #t]))

(define (check-vector-mutability b v immutable)
  (case immutable
    [(#t) (unless (immutable? v) (raise-blame-error b v '(expected: "an immutable vector" given: "~e") v))]
    [(#f) (when (immutable? v) (raise-blame-error b v '(expected: "a mutable vector" given: "~e") v))]
    [else (void)]))

(define (vector-immutableof c) (vectorof c #:immutable #t))

(define (vector/c #:immutable [immutable 'dont-care] #:flat? [flat? #f] . args)
  (let* ([cs (coerce-contracts 'vector/c args)]
         [n (length cs)]
         [name (cons 'vector/c (names-of cs))])
    (%make-contract-record
     (if flat? 'flat 'chaperone) name
     (lambda (x) (and (vector? x) (= (vector-length x) n)))
     (lambda (b)
       (let* ([blames (for/list ([i (in-range n)]) (blame-add-context b (format "the ~a element of" (n->th i))))]
              [projs (map (lambda (c bl) ((%contract-record-projection c) bl)) cs blames)]
              [swapped (map (lambda (c bl) ((%contract-record-projection c) (blame-swap bl))) cs blames)])
         (lambda (v)
           (unless (vector? v) (raise-blame-error b v '("promised a vector" given: "~e") v))
           (unless (= (vector-length v) n)
             (raise-blame-error b v '(expected: "a vector of ~a element~a" given: "~e") n (if (= n 1) "" "s") v))
           (check-vector-mutability b v immutable)
           (if (or flat? (immutable? v))
               (begin (for ([e (in-vector v)] [p (in-list projs)]) (p e)) v)
               (chaperone-vector v (lambda (vec i e) ((list-ref projs i) e)) (lambda (vec i e) ((list-ref swapped i) e))
                                 %impersonator-prop:contracted (vectorof-record name)
                                 %impersonator-prop:blame b)))))
     #f)))

(define (vector-immutable/c . args) (apply vector/c #:immutable #t args))

(define (box/c c #:immutable [immutable 'dont-care] #:flat? [flat? #f])
  (let* ([c (coerce-contract 'box/c c)]
         [name (list 'box/c (%contract-record-name c))])
    (%make-contract-record
     (if flat? 'flat 'chaperone) name
     box?
     (lambda (b)
       (let* ([inner (blame-add-context b "the content of")]
              [proj ((%contract-record-projection c) inner)]
              [swapped ((%contract-record-projection c) (blame-swap inner))])
         (lambda (v)
           (unless (box? v) (raise-blame-error b v '("promised a box" given: "~e") v))
           (if (or flat? (immutable? v))
               (begin (proj (unbox v)) v)
               (chaperone-box v (lambda (bx e) (proj e)) (lambda (bx e) (swapped e))
                              %impersonator-prop:contracted (vectorof-record name)
                              %impersonator-prop:blame b)))))
     #f)))

(define (box-immutable/c c) (box/c c #:immutable #t))

;; hash/c checks every key and value when the table is checked.
(define (hash/c k v #:immutable [immutable 'dont-care] #:flat? [flat? #f])
  (let* ([k (coerce-contract 'hash/c k)]
         [v (coerce-contract 'hash/c v)]
         [name (list 'hash/c (%contract-record-name k) (%contract-record-name v))])
    (%make-contract-record
     (if flat? 'flat 'chaperone) name
     hash?
     (lambda (b)
       (let ([pk ((%contract-record-projection k) (blame-add-context b "the keys of"))]
             [pv ((%contract-record-projection v) (blame-add-context b "the values of"))])
         (lambda (h)
           (unless (hash? h) (raise-blame-error b h '("promised a hash" given: "~e") h))
           (for ([(key val) (in-hash h)]) (pk key) (pv val))
           h)))
     #f)))

(define (parameter/c in [out #f])
  (let* ([same? (not out)]
         [in (coerce-contract 'parameter/c in)]
         [out (if out (coerce-contract 'parameter/c out) in)])
    (%make-contract-record
     'impersonator
     (if same? (list 'parameter/c (%contract-record-name in)) (list 'parameter/c (%contract-record-name in) (%contract-record-name out)))
     parameter?
     (lambda (b)
       (let ([pin ((%contract-record-projection in) (blame-swap (blame-add-context b "the parameter of")))]
             [pout ((%contract-record-projection out) (blame-add-context b "the parameter of"))])
         (lambda (p)
           (unless (parameter? p) (raise-blame-error b p '("promised a parameter")))
           (make-derived-parameter p pin pout))))
     #f)))

(define (promise/c c)
  (let ([c (coerce-contract 'promise/c c)])
    (%make-contract-record
     'chaperone (list 'promise/c (%contract-record-name c)) %promise?
     (lambda (b)
       (let ([proj ((%contract-record-projection c) (blame-add-context b "the promised value of"))])
         (lambda (p)
           (unless (%promise? p) (raise-blame-error b p '(expected: "a promise" given: "~e") p))
           (%make-promise (lambda () (proj (%force p))) 'delay))))
     #f)))

;; `(unconstrained-domain-> range ...)`: any arguments, these results.
(define (make-unconstrained-domain rngs)
  (let* ([cs (coerce-contracts 'unconstrained-domain-> rngs)]
         [self #f])
    (set! self
          (%make-contract-record
           'chaperone (cons 'unconstrained-domain-> (names-of cs)) procedure?
           (lambda (b)
             (let* ([rb (blame-add-range-context b)]
                    [projs (map (lambda (c) ((%contract-record-projection c) rb)) cs)]
                    [n (length cs)]
                    [check-results
                     (lambda rs
                       (unless (= (length rs) n) (result-count-error rb n (length rs)))
                       (apply values (map (lambda (p r) (p r)) projs rs)))])
               (lambda (f)
                 (unless (procedure? f) (raise-blame-error b f '(expected: "a procedure" given: "~e") f))
                 (let-values ([(required accepted) (procedure-keywords f)])
                   (chaperone-procedure
                    f
                    (if (null? accepted)
                        (lambda args (apply values check-results args))
                        (make-keyword-procedure
                         (lambda (kws kw-vals . args)
                           (if (null? kws)
                               (apply values check-results args)
                               (apply values check-results kw-vals args)))))
                    %impersonator-prop:contracted self
                    %impersonator-prop:blame b)))))
           #f))
    self))

;; A flat contract whose predicate returns #t, #f, or a procedure that
;; takes the blame and raises the error it explains.
(define (flat-contract-with-explanation pred #:name [name (object-name pred)])
  (unless (and (procedure? pred) (procedure-arity-includes? pred 1))
    (raise-argument-error 'flat-contract-with-explanation "(procedure-arity-includes/c 1)" pred))
  (make-flat/projection
   (or name '???)
   (lambda (x) (eq? (pred x) #t))
   (lambda (b)
     (lambda (v)
       (let ([r (pred v)])
         (cond
           [(eq? r #t) v]
           [(procedure? r) (r b) (raise-blame-error b v '(expected: "~a" given: "~e") (%name-text name) v)]
           [else (raise-blame-error b v '(expected: "~a" given: "~e") (%name-text name) v)]))))))

(define (predicate/c)
  (make-arrow-contract '-> (list any/c) '() '() '() '() '() #f (list boolean?)))

;; set/c: a set of the given kind and comparison whose elements pass.
;; Its elements are checked when the set is.
(define (set/c elem #:cmp [cmp 'dont-care] #:kind [kind 'immutable] #:lazy? [lazy? 'default] #:equal-key/c [key/c #f])
  (unless (memq cmp '(dont-care equal equal-always eqv eq))
    (raise-argument-error 'set/c "(or/c 'dont-care 'equal 'equal-always 'eqv 'eq)" cmp))
  (unless (memq kind '(dont-care immutable mutable weak mutable-or-weak))
    (raise-argument-error 'set/c "(or/c 'dont-care 'immutable 'mutable 'weak 'mutable-or-weak)" kind))
  (let* ([c (coerce-contract 'set/c elem)]
         [pred (%contract-record-first-order c)]
         ;; As Racket's: lazy unless the set is immutable and the element contract flat.
         [lazy-default (not (and (eq? kind 'immutable) (eq? (%contract-record-kind c) 'flat)))]
         [lazy? (if (eq? lazy? 'default) lazy-default (and lazy? #t))]
         [name (append (list 'set/c (%contract-record-name c))
                       (if (eq? cmp 'dont-care) '() (list '#:cmp (list 'quote cmp)))
                       (if (eq? kind 'immutable) '() (list '#:kind (list 'quote kind)))
                       (if (eq? lazy? lazy-default) '() (list '#:lazy? lazy?)))]
         [shape-problem
          (lambda (v)
            (let ([shape (%set-shape v)])
              (cond
                [(not shape) "expected a set"]
                [(and (not (eq? cmp 'dont-care)) (not (eq? (car shape) cmp))) (format "expected an ~a?-based set" cmp)]
                [(and (eq? kind 'immutable) (or (cadr shape) (caddr shape))) "expected an immutable set"]
                [(and (eq? kind 'mutable) (not (cadr shape))) "expected a mutable set"]
                [(and (eq? kind 'weak) (not (caddr shape))) "expected a weak set"]
                [(and (eq? kind 'mutable-or-weak) (not (or (cadr shape) (caddr shape)))) "expected a mutable or weak set"]
                [else #f])))])
    (%make-contract-record
     (if (and (eq? kind 'immutable) (eq? (%contract-record-kind c) 'flat)) 'flat 'chaperone)
     name
     ;; As Racket's, only a flat set/c looks at the elements to answer.
     (lambda (v)
       (and (not (shape-problem v))
            (or (not (eq? kind 'immutable)) lazy? (not (eq? (%contract-record-kind c) 'flat))
                (%custom-set-kind v)
                (andmap pred (%set-elements 'set/c v)))))
     (lambda (b)
       (let* ([inner (blame-add-context b "an element of")]
              [elem ((%contract-record-projection c) inner)]
              [swapped ((%contract-record-projection c) (blame-swap inner))]
              [self (%make-contract-record 'chaperone name (lambda (v) (not (shape-problem v))) #f #f)])
         (lambda (v)
           (let ([problem (shape-problem v)])
             (when problem (raise-blame-error b v problem)))
           (if (or (and (eq? kind 'immutable) (not lazy?) (eq? (%contract-record-kind c) 'flat))
                   (and (eq? cmp 'dont-care) (eq? kind 'dont-care)))
               ;; A flat contract, or any generic set: the elements are checked at once.
               (begin (for-each elem (%set-elements 'set/c v)) v)
               ;; A hash set or custom set: chaperoned, as Racket's set/c does.
               (%set-contract-wrap v lazy? elem swapped
                                   (list %impersonator-prop:contracted self %impersonator-prop:blame b))))))
     #f)))

;; sequence/c: each element is checked as the sequence produces it.
(define (sequence/c #:min-count [min-count #f] . cs)
  (let* ([cs (coerce-contracts 'sequence/c cs)]
         [name (append (list 'sequence/c) (names-of cs) (if min-count (list '#:min-count min-count) '()))])
    (%make-contract-record
     'impersonator name sequence?
     (lambda (b)
       (let ([projs (map (lambda (c) ((%contract-record-projection c) (blame-add-context b "an element of"))) cs)])
         (lambda (v)
           (unless (sequence? v) (raise-blame-error b v '(expected: "a sequence" given: "~e") v))
           (make-do-sequence
            (lambda ()
              (let-values ([(more? get) (sequence-generate v)])
                (values (lambda (_)
                          (if (and (pair? projs) (null? (cdr projs)))
                              ((car projs) (get))
                              (call-with-values get (lambda vs (apply values (map (lambda (p x) (p x)) projs vs))))))
                        (lambda (pos) pos)
                        #t
                        (lambda (_) (more?))
                        #f
                        #f)))))))
     #f)))

;; stream/c: a list is checked at once; a stream as each element is taken.
(define (stream/c c)
  (let* ([c (coerce-contract 'stream/c c)]
         [name (list 'stream/c (%contract-record-name c))])
    (%make-contract-record
     'chaperone name %stream?
     (lambda (b)
       (let* ([generated (blame-add-context b "a value generated by")]
              [elem ((%contract-record-projection c) generated)]
              [list-elem ((%contract-record-projection c) (blame-add-context generated "an element of"))])
         (lambda (v)
           (cond
             [(list? v) (map/same list-elem v)]
             [(%stream? v)
              (let wrap ([s v])
                (%make-do-stream (lambda () (%stream-empty? s))
                                 (lambda () (elem (%stream-first s)))
                                 (lambda () (wrap (%stream-rest s)))))]
             [else (raise-blame-error b v '("promised a stream" given: "~e") v)]))))
     #f)))

;; channel/c: what is taken from the channel blames the party that gave it,
;; what is put on it the party that puts.
(define (channel/c c)
  (let* ([c (coerce-contract 'channel/c c)]
         [name (list 'channel/c (%contract-record-name c))])
    (%make-contract-record
     'chaperone name channel?
     (lambda (b)
       (let ([get ((%contract-record-projection c) b)]
             [put ((%contract-record-projection c) (blame-swap b))])
         (lambda (ch)
           (unless (channel? ch) (raise-blame-error b ch '(expected: "a channel" given: "~e") ch))
           (chaperone-channel ch
                              (lambda (ch) (values ch get))
                              (lambda (ch v) (put v))
                              %impersonator-prop:contracted (%make-contract-record 'chaperone name channel? #f #f)))))
     #f)))

;; evt/c: the results of syncing the event, one contract per result.
(define (evt/c . cs)
  (let* ([cs (coerce-contracts 'evt/c cs)]
         [name (cons 'evt/c (names-of cs))])
    (%make-contract-record
     'chaperone name evt?
     (lambda (b)
       (let ([projs (map (lambda (c) ((%contract-record-projection c) b)) cs)]
             [n (length cs)])
         (lambda (e)
           (unless (evt? e) (raise-blame-error b e '(expected: "an evt" given: "~e") e))
           (chaperone-evt e (lambda (e)
                              (values e (lambda results
                                          (unless (= (length results) n) (result-count-error b n (length results)))
                                          (apply values (map (lambda (p r) (p r)) projs results)))))))))
     #f)))

;; ---------------------------------------------------------------- struct/c

(define (make-struct/c name pred accessors args)
  (let* ([cs (coerce-contracts 'struct/c args)]
         [field-preds (map %contract-record-first-order cs)])
    (%make-contract-record
     (kind-of cs) (cons 'struct/c (cons name (names-of cs)))
     (lambda (x) (and (pred x) (andmap (lambda (p a) (p (a x))) field-preds accessors)))
     (lambda (b)
       (let ([projs (for/list ([c (in-list cs)] [i (in-naturals 1)])
                      ((%contract-record-projection c) (blame-add-context b (format "the ~a field of" (list '#:selector (object-name (list-ref accessors (sub1 i))))))))])
         (lambda (v)
           (unless (pred v) (raise-blame-error b v '(expected: "~a?" given: "~e") name v))
           (for ([p (in-list projs)] [a (in-list accessors)]) (p (a v)))
           v)))
     #f)))

;; ---------------------------------------------------------------- recursive-contract

;; `name` is the contract's whole name: `(recursive-contract e)`, or the
;; identifier of flat-rec-contract. A flat one is checked as a whole.
(define (make-recursive-contract thunk name kind)
  (let ([forced #f])
    (define (get)
      (unless forced (set! forced (coerce-contract 'recursive-contract (thunk))))
      forced)
    (define (first-order x) ((%contract-record-first-order (get)) x))
    (%make-contract-record
     (or kind 'impersonator) name
     first-order
     (if (eq? kind 'flat)
         (flat-projection name first-order)
         (lambda (b) (lambda (v) (((%contract-record-projection (get)) b) v))))
     (list 'recursive (lambda (c) (get))))))

;; ---------------------------------------------------------------- function contracts

(define (plural n) (if (= n 1) "" "s"))

(define (keyword-list-text kws)
  (cond
    [(null? (cdr kws)) (format "~a" (car kws))]
    [(null? (cddr kws)) (format "~a and ~a" (car kws) (cadr kws))]
    [else (let loop ([l kws])
            (if (null? (cdr l)) (format "and ~a" (car l)) (string-append (format "~a, " (car l)) (loop (cdr l)))))]))

;; What a procedure accepts, as the first-order failures describe it.
(define (arity-text f)
  (let*-values ([(ar) (procedure-arity f)]
                [(required all) (procedure-keywords f)]
                [(optional) (and all (filter (lambda (k) (not (memq k required))) all))]
                [(normal) (if (null? all) "" "normal ")]
                [(args)
                 (cond
                   [(null? ar) "no arguments"]
                   [(number? ar) (format "~a ~aargument~a" ar normal (plural ar))]
                   [(arity-at-least? ar) (format "~a or arbitrarily many more ~aarguments" (arity-at-least-value ar) normal)]
                   [else
                    (let ([comma (if (and (= (length ar) 2) (not (arity-at-least? (cadr ar)))) "" ",")])
                      (let loop ([l ar])
                        (cond
                          [(null? (cdr l))
                           (if (arity-at-least? (car l))
                               (format "~a, or arbitrarily many more ~aarguments" (arity-at-least-value (car l)) normal)
                               (format "or ~a ~aarguments" (car l) normal))]
                          [else (string-append (format "~a~a " (car l) comma) (loop (cdr l)))])))])])
    (string-append
     (if (object-name f) (format "~a accepts: " (object-name f)) "accepts: ")
     (cond
       [(and (null? required) (null? optional)) args]
       [(and (null? required) (not optional)) (string-append args " and optionally any keyword")]
       [(null? required) (format "~a and the optional keyword~a ~a" args (plural (length optional)) (keyword-list-text optional))]
       [(not optional)
        (format "~a, the mandatory keyword~a ~a, and optionally any keyword" args (plural (length required)) (keyword-list-text required))]
       [(null? optional) (format "~a and the mandatory keyword~a ~a" args (plural (length required)) (keyword-list-text required))]
       [else (format "~a, the mandatory keyword~a ~a, and the optional keyword~a ~a"
                     args (plural (length required)) (keyword-list-text required)
                     (plural (length optional)) (keyword-list-text optional))]))))

(define (arity-accepts? ar n)
  (cond
    [(number? ar) (= ar n)]
    [(arity-at-least? ar) (>= n (arity-at-least-value ar))]
    [else (ormap (lambda (a) (arity-accepts? a n)) ar)]))

(define (accepts-rest? ar)
  (cond
    [(arity-at-least? ar) #t]
    [(pair? ar) (arity-at-least? (car (reverse ar)))]
    [else #f]))

;; The first-order checks of a function contract, raising for the first
;; that fails: a procedure, the non-keyword arities, then the keywords.
(define (check-procedure-shape b f min-args max-args rest? mand-kws opt-kws)
  (unless (procedure? f) (raise-blame-error b f '(expected: "a procedure" given: "~e") f))
  (let ([ar (procedure-arity f)])
    (for ([n (in-range min-args (add1 max-args))])
      (unless (and (arity-accepts? ar n) (or (not rest?) (accepts-rest? ar)))
        (raise-blame-error b f '(expected: "a procedure that accepts ~a non-keyword argument~a~a" given: "~e" "\n  ~a")
                           n (plural n) (if rest? " and arbitrarily many more" "") f (arity-text f)))))
  (let-values ([(required all) (procedure-keywords f)])
    (when all
      (for ([k (in-list (sort (append mand-kws opt-kws) keyword<?))])
        (unless (memq k all)
          (raise-blame-error b f '(expected: "a procedure that accepts the ~a keyword argument" given: "~e" "\n  ~a")
                             k f (arity-text f)))))
    (for ([k (in-list required)])
      (unless (memq k mand-kws)
        (raise-blame-error b f '(expected: "a procedure that does not require the ~a keyword argument" given: "~e" "\n  ~a")
                           k f (arity-text f))))))

(define (arrow-first-order min-args max-args rest? mand-kws opt-kws)
  (lambda (f)
    (and (procedure? f)
         (let ([ar (procedure-arity f)])
           (for/and ([n (in-range min-args (add1 max-args))]) (arity-accepts? ar n)))
         (let-values ([(required all) (procedure-keywords f)])
           (and (or (not all) (andmap (lambda (k) (memq k all)) (append mand-kws opt-kws)))
                (andmap (lambda (k) (memq k mand-kws)) required))))))

;; The name of a function contract, as `->` or `->*` shows it.
(define (arrow-name head mand opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest rng)
  (let* ([kw-part (lambda (kws cs)
                    (apply append (map (lambda (k c) (list k (%contract-record-name c)))
                                       kws cs)))]
         [sorted (lambda (kws cs)
                   (let ([pairs (sort (map cons kws cs) keyword<? #:key car)])
                     (values (map car pairs) (map cdr pairs))))]
         [rng-name (cond
                     [(not rng) 'any]
                     [(and (pair? rng) (null? (cdr rng))) (%contract-record-name (car rng))]
                     [else (cons 'values (names-of rng))])])
    (let-values ([(mk mc) (sorted mand-kws mand-kw-cs)]
                 [(ok oc) (sorted opt-kws opt-kw-cs)])
      (if (and (null? opt) (null? opt-kws) (not rest))
          (append (list '->) (names-of mand) (kw-part mk mc) (list rng-name))
          (append (list '->* (append (names-of mand) (kw-part mk mc)))
                  (if (and (null? opt) (null? opt-kws)) (if rest '() '(())) (list (append (names-of opt) (kw-part ok oc))))
                  (if rest (list '#:rest (%contract-record-name rest)) '())
                  (list rng-name))))))

;; A function contract (`->`, `->*`): checks the arguments on the way in
;; (blaming the caller) and the results on the way out (blaming the
;; function). `rng` is #f for `any`, else a list of result contracts.
(define (make-arrow-contract head mand opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest rng)
  (let* ([mand (coerce-contracts head mand)]
         [opt (coerce-contracts head opt)]
         [mand-kw-cs (coerce-contracts head mand-kw-cs)]
         [opt-kw-cs (coerce-contracts head opt-kw-cs)]
         [rest (and rest (let ([r (coerce-contract head rest)])
                           (if (eq? (%contract-record-first-order r) list?) (listof any/c) r)))]
         [rng (and rng (coerce-contracts head rng))]
         ;; ->m's first domain is the method's object (any/c), which its name and argument numbers leave out.
         [method? (and (memq head '(->m ->*m)) #t)]
         [name (if method?
                   (let* ([plain? (and (null? opt) (null? opt-kws) (not rest))]
                          [n (arrow-name (if plain? '-> '->*) (cdr mand) opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest rng)])
                     (cons (if plain? '->m '->*m) (cdr n)))
                   (arrow-name head mand opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest rng))]
         [min-args (length mand)]
         [max-args (+ (length mand) (length opt))]
         [all-kws (append mand-kws opt-kws)]
         [all-kw-cs (append mand-kw-cs opt-kw-cs)]
         ;; An impersonator contract among the parts (a parametric->/c barrier) makes the arrow one too.
         [impersonator? (ormap (lambda (c) (eq? (%contract-record-kind c) 'impersonator))
                               (append mand opt all-kw-cs (if rest (list rest) '()) (or rng '())))]
         [wrap-procedure (if impersonator? impersonate-procedure chaperone-procedure)]
         [self #f])
    (set! self
          (%make-contract-record
           (if impersonator? 'impersonator 'chaperone) name
           (arrow-first-order min-args max-args (and rest #t) mand-kws opt-kws)
           (lambda (b)
             (let* ([arg-projs (for/list ([c (in-list (append mand opt))] [i (in-naturals 1)])
                                 ((%contract-record-projection c) (blame-add-nth-arg-context b (if method? (max 1 (sub1 i)) i))))]
                    [kw-projs (map (lambda (k c) ((%contract-record-projection c)
                                                  (blame-add-context b (format "the ~a argument of" k) #:swap? #t)))
                                   all-kws all-kw-cs)]
                    [rest-proj (and rest ((%contract-record-projection rest) (blame-add-context b "the rest argument of" #:swap? #t)))]
                    [rng-projs (and rng (map (lambda (c) ((%contract-record-projection c) (blame-add-range-context b))) rng))]
                    [rng-blame (blame-add-range-context b)]
                    [n-results (and rng (length rng))]
                    [check-results
                     (and rng
                          (if (= n-results 1)
                              (let ([p (car rng-projs)])
                                (case-lambda
                                  [(r) (p r)]
                                  [rs (result-count-error rng-blame 1 (length rs))]))
                              (lambda rs
                                (unless (= (length rs) n-results) (result-count-error rng-blame n-results (length rs)))
                                (apply values (map (lambda (p r) (p r)) rng-projs rs)))))]
                    [check-args
                     (lambda (args)
                       (let loop ([args args] [projs arg-projs])
                         (cond
                           [(null? args) '()]
                           [(null? projs) (if rest-proj (rest-proj args) args)]
                           [else (cons ((car projs) (car args)) (loop (cdr args) (cdr projs)))])))]
                    [count-ok? (lambda (n) (and (>= n min-args) (or rest (<= n max-args))))])
               (lambda (f)
                 (check-procedure-shape b f min-args max-args (and rest #t) mand-kws opt-kws)
                 (let-values ([(required accepted) (procedure-keywords f)])
                   (if (and (null? all-kws) (null? accepted))
                       (wrap-procedure
                        f
                        (if check-results
                            (lambda args
                              (if (count-ok? (length args))
                                  (apply values check-results (check-args args))
                                  (apply values args)))
                            (lambda args
                              (if (count-ok? (length args)) (apply values (check-args args)) (apply values args))))
                        %impersonator-prop:contracted self
                        %impersonator-prop:blame b)
                       (wrap-procedure
                        f
                        (make-keyword-procedure
                         (lambda (kws kw-vals . args)
                           (let ([checked-kws (map (lambda (k v)
                                                     (let ([i (index-of-keyword all-kws k)])
                                                       (if i ((list-ref kw-projs i) v) v)))
                                                   kws kw-vals)]
                                 [checked (if (count-ok? (length args)) (check-args args) args)])
                             ;; A call without keywords gets its arguments back without a keyword list.
                             (cond
                               [(null? kws) (if check-results (apply values check-results checked) (apply values checked))]
                               [check-results (apply values check-results checked-kws checked)]
                               [else (apply values checked-kws checked)]))))
                        %impersonator-prop:contracted self
                        %impersonator-prop:blame b))))))
           (list 'arrow (if rest (arity-at-least min-args) (if (= min-args max-args) min-args
                                                                (build-list (add1 (- max-args min-args)) (lambda (i) (+ min-args i)))))
                 (append mand opt) rng)))
    self))

;; The argument counts a function contract takes, or #f when it is no arrow.
(define (arrow-arity c)
  (let ([d (%contract-record-data c)])
    (and (pair? d) (eq? (car d) 'arrow) (cadr d))))

(define (arity-includes? ar n)
  (cond
    [(number? ar) (= ar n)]
    [(arity-at-least? ar) (>= n (arity-at-least-value ar))]
    [else (ormap (lambda (a) (arity-includes? a n)) ar)]))

(define (dynamic->* #:mandatory-domain-contracts [mand '()] #:optional-domain-contracts [opt '()]
                    #:mandatory-keywords [mand-kws '()] #:mandatory-keyword-contracts [mand-kw-cs '()]
                    #:optional-keywords [opt-kws '()] #:optional-keyword-contracts [opt-kw-cs '()]
                    #:rest-contract [rest #f] #:range-contracts rng)
  (make-arrow-contract '->* mand opt mand-kws mand-kw-cs opt-kws opt-kw-cs rest rng))

(define (index-of-keyword kws k)
  (let loop ([l kws] [i 0])
    (cond [(null? l) #f] [(eq? (car l) k) i] [else (loop (cdr l) (add1 i))])))

(define (result-count-error b expected got)
  (raise-blame-error b #f "expected ~a value~a, returned ~a value~a" expected (plural expected) got (plural got)))

;; case->: the first case whose arity takes the call checks it (each
;; case is `f` wrapped by that case's arrow).
(define (make-case-arrow arrows [head 'case->])
  (let* ([cs (coerce-contracts head arrows)]
         ;; case->m's cases are ->m contracts, written (and named) as ->.
         [name (if (eq? head 'case->m)
                   (cons 'case->m (map (lambda (n) (cons '-> (cdr n))) (names-of cs)))
                   (cons 'case-> (names-of cs)))])
    (%make-contract-record
     'chaperone name procedure?
     (lambda (b)
       (let ([projs (for/list ([c (in-list cs)] [i (in-naturals 1)])
                      ((%contract-record-projection c) (blame-add-context b (format "the ~a case of" (n->th i)))))])
         (lambda (f)
           (unless (procedure? f) (raise-blame-error b f '(expected: "a procedure" given: "~e") f))
           (let ([cases (map (lambda (p) (p f)) projs)]
                 [arities (map (lambda (c) (or (arrow-arity c) (arity-at-least 0))) cs)])
             (procedure-rename
              (procedure-reduce-arity
               (lambda args
                 (let ([n (length args)])
                   (let loop ([ws cases] [ars arities])
                     (cond
                       [(null? ws) (apply f args)]
                       [(arity-includes? (car ars) n) (apply (car ws) args)]
                       [else (loop (cdr ws) (cdr ars))]))))
               (%normalize-arity (apply append (map (lambda (a) (if (list? a) a (list a))) arities))))
              (or (object-name f) 'case->))))))
     #f)))

;; ->i: each argument and result contract may depend on other arguments
;; (and the results, for the post-condition). `arg-makers` are procedures
;; of the values named by their dependencies, in order. `pre` is #f or
;; (check . names); `post` is #f or (result-names check . names).
(define (make-dependent-arrow name arg-names arg-deps arg-makers opt-count rest-maker pre rng-names rng-deps rng-makers post)
  (let* ([n (length arg-names)]
         [min-args (- n opt-count)]
         [self #f]
         [lookup (lambda (env ids) (map (lambda (d) (hash-ref env d #f)) ids))]
         [variables (lambda (env ids)
                      (apply string-append
                             (map (lambda (d) (format "\n      ~a: ~e" d (hash-ref env d #f))) ids)))])
    (set! self
          (%make-contract-record
           'impersonator name
           (lambda (f) (and (procedure? f) (for/and ([k (in-range min-args (add1 n))]) (procedure-arity-includes? f k))))
           (lambda (b)
             (lambda (f)
               (check-procedure-shape b f min-args n (and rest-maker #t) '() '())
               (chaperone-procedure
                f
                (lambda args
                  (let ([env (make-hasheq)])
                    (for ([id (in-list arg-names)] [a (in-list args)]) (hash-set! env id a))
                    (let* ([checked
                            (for/list ([a (in-list args)] [i (in-naturals 0)])
                              (if (< i n)
                                  (let ([c (coerce-contract '->i (apply (list-ref arg-makers i) (lookup env (list-ref arg-deps i))))])
                                    (((%contract-record-projection c)
                                      (blame-add-context b (format "the ~a argument of" (list-ref arg-names i)) #:swap? #t))
                                     a))
                                  a))]
                           [checked (if (and rest-maker (> (length args) n))
                                        (append (take* checked n)
                                                (((%contract-record-projection (coerce-contract '->i (rest-maker)))
                                                  (blame-add-context b "the rest argument of" #:swap? #t))
                                                 (drop* checked n)))
                                        checked)])
                      (when pre
                        (unless (apply (car pre) (lookup env (cdr pre)))
                          (raise-blame-error (blame-swap b) f "#:pre condition violation; variables are:~a" (variables env (cdr pre)))))
                      (if rng-makers
                          (apply values
                                 (lambda results
                                   (unless (= (length results) (length rng-makers))
                                     (result-count-error (blame-add-range-context b) (length rng-makers) (length results)))
                                   (for ([id (in-list rng-names)] [r (in-list results)]) (hash-set! env id r))
                                   (let ([out (for/list ([r (in-list results)] [id (in-list rng-names)]
                                                         [mk (in-list rng-makers)] [deps (in-list rng-deps)])
                                                (let ([c (coerce-contract '->i (apply mk (lookup env deps)))])
                                                  (((%contract-record-projection c) (blame-add-context b (format "the ~a result of" id))) r)))])
                                     (when post
                                       (unless (apply (cadr post) (lookup env (cddr post)))
                                         (raise-blame-error b f "#:post condition violation; variables are:~a" (variables env (cddr post)))))
                                     (apply values out)))
                                 checked)
                          (apply values checked)))))
                %impersonator-prop:contracted self
                %impersonator-prop:blame b)))
           #f))
    self))

(define (take* l k) (if (zero? k) '() (cons (car l) (take* (cdr l) (sub1 k)))))
(define (drop* l k) (if (zero? k) l (drop* (cdr l) (sub1 k))))

;; ---------------------------------------------------------------- arrows' parts and helpers of the expansions

(define (base->? c) (and (%contract-record? c) (arrow-arity c) (not (eq? (%contract-record-kind c) 'flat)) #t))
(define (check-base-> who c) (unless (base->? c) (raise-argument-error who "base->?" c)))
(define (base->-doms/c c) (check-base-> 'base->-doms c) (caddr (%contract-record-data c)))
(define (base->-rngs/c c) (check-base-> 'base->-rngs c) (cadddr (%contract-record-data c)))

(define (char-in/c lo hi) (char-in lo hi))

;; A function broke its range contract by returning `results`, not `rng-len` values.
(define (bad-number-of-results blame val rng-len results [case-context #f] #:missing-party [missing-party #f])
  (let* ([n (length results)]
         [b (if case-context (blame-add-context blame (format "the ~a case of" (n->th (+ case-context 1)))) blame)])
    (raise-blame-error (blame-add-range-context b) #:missing-party missing-party val
                       "expected ~a value~a, returned ~a value~a" rng-len (plural rng-len) n (plural n))))

(define (raise-not-cons-blame-error blame val #:missing-party [missing-party #f])
  (raise-blame-error blame val #:missing-party missing-party '(expected: "pair?" given: "~e") val))

;; Does the pending-contract mark `m` (neg-party, (party swapped?), contract ...) already
;; promise the range contracts `rng-ctcs` for the same parties?
(define (tail-marks-match? m rng-ctcs blame-party-info neg-party blame+neg-party)
  (and m rng-ctcs
       (eq? (car m) neg-party)
       (eq? (car (cadr m)) (car blame-party-info))
       (eq? (cadr (cadr m)) (cadr blame-party-info))
       (let loop ([m (cddr m)] [cs rng-ctcs])
         (cond
           [(null? m) (null? cs)]
           [(null? cs) #f]
           [(or (eq? (car m) (car cs)) (contract-stronger? (car m) (car cs))) (loop (cdr m) (cdr cs))]
           [else #f]))))

;; What ->'s expansion wraps a procedure with: when `val` takes exactly the arguments
;; the contract describes, one of the given checking lambdas (the /no-tail ones for an
;; impersonator contract, the "unsafe" ones when the caller offered them and may skip
;; the chaperone); otherwise a procedure that checks the argument count and keywords
;; itself and blames the caller. With `basic-unsafe-lambda` given, two values: the
;; procedure and whether it is one of the unsafe lambdas.
(define (arity-checking-wrapper val blame neg-party blame+neg-party basic-lambda basic-lambda/no-tail
                                basic-unsafe-lambda basic-unsafe-lambda/result-values-assumed
                                basic-unsafe-lambda/result-values-assumed/no-tail contract-result-val-count
                                kwd-lambda kwd-lambda/no-tail min-arity max-arity req-kwd opt-kwd
                                method? is-impersonator?)
  (define (result proc unsafe?) (if basic-unsafe-lambda (values proc unsafe?) proc))
  (cond
    [(matches-arity-exactly? val min-arity max-arity req-kwd opt-kwd)
     (cond
       [(not (and (null? req-kwd) (null? opt-kwd))) (result (if is-impersonator? kwd-lambda/no-tail kwd-lambda) #f)]
       [is-impersonator? (result basic-lambda/no-tail #f)]
       [(impersonator? val) (result basic-lambda #f)]
       [(and basic-unsafe-lambda basic-unsafe-lambda/result-values-assumed
             (equal? contract-result-val-count (procedure-result-arity val)))
        (values (if (or (struct-accessor-procedure? val) (struct-constructor-procedure? val)
                        (struct-predicate-procedure? val) (struct-mutator-procedure? val))
                    basic-unsafe-lambda/result-values-assumed/no-tail
                    basic-unsafe-lambda/result-values-assumed)
                #t)]
       [basic-unsafe-lambda (values basic-unsafe-lambda #t)]
       [else basic-lambda])]
    [else
     (define all-kwds (append req-kwd opt-kwd))
     (define (check-count args)
       (let ([n (length args)])
         (unless (and (<= min-arity n) (or (not max-arity) (<= n max-arity)))
           (raise-wrong-number-of-args blame neg-party val n min-arity max-arity method?))))
     (define (under-mark thunk) (with-continuation-mark %contract-continuation-mark-key blame+neg-party (thunk)))
     (define basic-checker-name
       (if (null? req-kwd)
           (lambda args
             (under-mark
              (lambda ()
                (check-count args)
                (apply (if is-impersonator? basic-lambda/no-tail basic-lambda) args))))
           (lambda args
             (raise-blame-error (blame-swap blame) #:missing-party neg-party val
                                "expected required keyword ~a" (car req-kwd)))))
     (define keyword-checker
       (if (null? all-kwds)
           (lambda (kwds kwd-args . args)
             (raise-blame-error (blame-swap blame) #:missing-party neg-party val
                                (list 'expected: "no keywords" 'given: (keywords-text kwds))))
           (lambda (kwds kwd-args . args)
             (under-mark
              (lambda ()
                (check-count args)
                (for-each (lambda (k)
                            (unless (memq k kwds)
                              (raise-blame-error (blame-swap blame) #:missing-party neg-party val
                                                 '(expected "keyword argument ~a") k)))
                          req-kwd)
                (for-each (lambda (k)
                            (unless (memq k all-kwds)
                              (raise-blame-error (blame-swap blame) #:missing-party neg-party val
                                                 '(received: "unexpected keyword argument ~a") k)))
                          kwds)
                (keyword-apply kwd-lambda kwds kwd-args args))))))
     (define-values (val-req val-all) (procedure-keywords val))
     (result (if (or (not val-all) (pair? val-req) (pair? val-all))
                 (make-keyword-procedure keyword-checker basic-checker-name)
                 basic-checker-name)
             #f)]))

;; "#:a #:b", as the no-keywords complaint lists the keywords given.
(define (keywords-text kwds)
  (let loop ([ks kwds] [sep ""])
    (if (null? ks) "" (string-append sep "#:" (keyword->string (car ks)) (loop (cdr ks) " ")))))

;; The caller passed `n` positional arguments where the contract takes `min`..`max`
;; (a method's count leaves out its receiver).
(define (raise-wrong-number-of-args blame neg-party val n pre-min pre-max method?)
  (let* ([lo (if method? (sub1 pre-min) pre-min)]
         [hi (and pre-max (if method? (sub1 pre-max) pre-max))]
         [expected (cond
                     [(not hi) (format "at least ~a non-keyword argument~a" lo (plural lo))]
                     [(= lo hi) (format "~a non-keyword argument~a" lo (plural lo))]
                     [(= (+ lo 1) hi) (format "~a or ~a non-keyword arguments" lo hi)]
                     [else (format "~a to ~a non-keyword arguments" lo hi)])])
    (raise-blame-error (blame-swap blame) #:missing-party neg-party val
                       '(received: "~a argument~a" expected: "~a") n (plural n) expected)))

;; How a contract struct prints: #<flat-contract: name>, #<chaperone-contract: name>, #<contract: name>.
(define (contract-custom-write-property-proc c port mode)
  (let* ([kind (%contract-record-kind (coerce-contract 'contract-custom-write-property-proc c))]
         [prefix (format "#<~acontract: " (case kind [(flat) "flat-"] [(chaperone) "chaperone-"] [else ""]))])
    (cond
      [(boolean? mode) (write-string (format "~a~.s" prefix (contract-name c)) port) (write-string ">" port)]
      [(zero? mode) (print (contract-name c) port 1)]
      [else (write-string prefix port) (print (contract-name c) port 1) (write-string ">" port)])))

;; The contract-struct- accessors take a contract struct (a record), not a value coerced to one.
(define (check-contract-struct c)
  (unless (or (%contract-record? c) (%contract-property-of c)) (raise-argument-error 'prop:contract-accessor "prop:contract?" c)))
(define (contract-struct-late-neg-projection c) (check-contract-struct c) (contract-late-neg-projection c))
(define (contract-struct-list-contract? c) (check-contract-struct c) (list-contract? c))
(define (contract-struct-exercise c) (check-contract-struct c) (lambda (fuel) (values void '())))

;; The old protocol: `proj` takes the parties, the source and value name, the contract's name
;; (and whether the parties are in their original order) and gives the checking procedure.
(define (make-proj-contract name proj test)
  (make-contract
   #:name name
   #:first-order test
   #:projection
   (cond
     [(procedure-arity-includes? proj 5)
      (lambda (b) (proj (blame-positive b) (blame-negative b) (list (blame-source b) (blame-value b))
                        (blame-contract b) (not (blame-swapped? b))))]
     [(procedure-arity-includes? proj 4)
      (lambda (b) (proj (blame-positive b) (blame-negative b) (list (blame-source b) (blame-value b)) (blame-contract b)))]
     [else (raise-argument-error 'make-proj-contract
                                 "(and/c procedure? (λ (x) (or/c (procedure-arity-includes? x 4) (procedure-arity-includes? x 5))))"
                                 proj)])))

;; The old protocol's other half: a contract as a procedure of the parties.
(define (contract-proc c)
  (let ([proj (contract-projection c)])
    (lambda (pos neg src name [original? #t])
      (let ([source (if (and (pair? src) (srcloc? (car src))) (car src) src)]
            [value (if (pair? src) (cadr src) #f)])
        (proj (%make-blame-record (if original? pos neg) (if original? neg pos) name value
                                  (if (srcloc? source) source #f) '() original? #f))))))

;; Twice at most five deep: whether to check eagerly, then the two thunks or their values.
(define (contract-pos/neg-doubling/proc t1 t2)
  (let ([depth (or (continuation-mark-set-first #f %contract-doubling-key) 0)])
    (if (> depth 5)
        (values #f t1 t2)
        (with-continuation-mark %contract-doubling-key (+ depth 1)
          (values #t (t1) (t2))))))

;; racket/class's mixin contracts: ->i contracts from a class (that is a
;; subclass of each class given and implements each interface given) to
;; a subclass of it.
(define (mixin-contract-from dom)
  (make-dependent-arrow
   (list '->i (list (list 'c% (contract-name dom))) '(res (c%) (subclass?/c c%)))
   '(c%) '(()) (list (lambda () dom)) 0 #f #f
   '(res) '((c%)) (list (lambda (c%) (subclass?/c c%))) #f))

;; (A procedure: racket/class's `mixin-contract` is a macro calling it.)
(define (mixin-contract) (mixin-contract-from (make-flat 'class? %class:class?)))

(define (make-mixin-contract . types)
  (mixin-contract-from
   (and/c (make-flat 'class? %class:class?)
          (apply and/c
                 (map (lambda (t)
                        (cond
                          [(%class:class? t) (subclass?/c t)]
                          [(%class:interface? t) (implementation?/c t)]
                          [else (raise-argument-error 'make-mixin-contract "(or/c interface? class?)" t)]))
                      types)))))

;; object-contract's method contract `mc`, named as the function contract
;; `fc` it was written as.
(define (method-contract-named mc fc) (rename-contract mc (contract-name fc)))

;; ->dm (racket/class): a method contract whose argument and result
;; contracts see all the arguments and `this`. `doms` gets (this arg ...)
;; and returns thunks of the arguments' contracts, each made just before
;; its argument is checked (and the rest's last, when `rest?`); `pre` is #f or a check of the same values; `rng` is #f (any)
;; or returns the results' contracts; `post`, given the same values,
;; returns the check of the results. Blame says "the domain of" and
;; "the range of", as ->d's does.
(define (make-method-dependent-arrow name mand opt doms rest? pre rng post)
  (let ([self #f] [n (+ mand opt)])
    (set! self
          (%make-contract-record
           'impersonator name
           (lambda (f) (and (procedure? f) (for/and ([k (in-range (add1 mand) (+ n 2))]) (procedure-arity-includes? f k))))
           (lambda (b)
             (lambda (f)
               (check-procedure-shape b f (add1 mand) (add1 n) rest? '() '())
               (chaperone-procedure
                f
                (lambda (this . args)
                  (let* ([dom-b (blame-add-context b "the domain of" #:swap? #t)]
                         [cs (apply doms this args)]
                         [checked
                          (let loop ([as args] [cs cs] [i 0])
                            (cond
                              [(null? as) '()]
                              [(< i n)
                               (cons (((%contract-record-projection (coerce-contract '->dm ((car cs)))) dom-b) (car as))
                                     (loop (cdr as) (cdr cs) (add1 i)))]
                              [else
                               (((%contract-record-projection (coerce-contract '->dm ((list-ref cs (- (length cs) 1))))) dom-b) as)]))])
                    (when pre
                      (unless (apply pre this args)
                        (raise-blame-error (blame-swap b) f "#:pre-cond violation")))
                    (if rng
                        (apply values
                               (lambda results
                                 (let ([rcs (apply rng this args)]
                                       [rng-b (blame-add-context b "the range of")])
                                   (unless (= (length results) (length rcs))
                                     (result-count-error rng-b (length rcs) (length results)))
                                   (let ([out (for/list ([r (in-list results)] [c (in-list rcs)])
                                                (((%contract-record-projection (coerce-contract '->dm c)) rng-b) r))])
                                     (when post
                                       (unless (apply (apply post this args) results)
                                         (raise-blame-error b f "#:post-cond violation")))
                                     (apply values out))))
                               this checked)
                        (apply values this checked))))
                %impersonator-prop:contracted self
                %impersonator-prop:blame b)))
           #f))
    self))
;; racket/unit's unit/c: `imports` and `exports` are lists of (signature
;; (variable . contract) ...). The unit must export each signature listed
;; and import none but those listed; the imports' contracts guard what the
;; unit is given (blaming its context's other side, as a function's
;; arguments do), the exports' what it gives. A value exported under a
;; signature's own contract (racket/unit's `contracted`) passes as it is.
;; The unit it makes is named `unit-name`. (Its data, 'unit/c, has it
;; print as #<contract: ...>, as Racket's does.)
(define (make-unit/c imports exports unit-name)
  (let* ([coerced (lambda (blocks)
                    (map (lambda (blk)
                           (cons (car blk)
                                 (map (lambda (vc) (cons (car vc) (coerce-contract 'unit/c (cdr vc)))) (cdr blk))))
                         blocks))]
         [imports (coerced imports)]
         [exports (coerced exports)]
         [block-name (lambda (blk)
                       (cons (car blk) (map (lambda (vc) (list (car vc) (%contract-record-name (cdr vc)))) (cdr blk))))]
         [name (list 'unit/c (cons 'import (map block-name imports)) (cons 'export (map block-name exports)) '(init-depend))]
         [contract-of (lambda (blocks) (let ([h (make-hasheq)]) (for* ([blk blocks] [vc (cdr blk)]) (hash-set! h (car vc) (cdr vc))) h))]
         [import-cs (contract-of imports)]
         [export-cs (contract-of exports)])
    (%make-contract-record
     'impersonator name
     (lambda (u) (and (%unit-is? u) #t))
     (lambda (b)
       (lambda (u)
         (unless (%unit-is? u) (raise-blame-error b u "not a unit"))
         (let ([sigs (%unit-signatures u)])
           (for ([s (in-list (car sigs))])
             (unless (assq s imports) (raise-blame-error b u "contract does not list import ~a" s)))
           (for ([blk (in-list exports)])
             (unless (memq (car blk) (cadr sigs)) (raise-blame-error b u "unit must export signature ~a" (car blk)))))
         (let ([guard (lambda (cs names vals b)
                        (for/vector ([n (in-list names)] [v (in-vector vals)])
                          (let ([c (hash-ref cs n #f)])
                            (if (and c (not (%unit-contracted? v))) (((%contract-record-projection c) b) v) v))))]
               [proc (%unit-proc 'unit/c u)])
           (%unit-make
            unit-name
            (%unit-import-names u)
            (%unit-export-names u)
            (lambda (given)
              (let-values ([(out result) (proc (guard import-cs (%unit-import-names u) given (blame-swap b)))])
                (values (guard export-cs (%unit-export-names u) out b) result)))
            (%unit-signatures u)))))
     'unit/c)))

;; ---------------------------------------------------------------- property/c, suggest/c, struct-guard/c

;; A contract on what `accessor` gives for the value ("the NAME of").
(define (property/c accessor c #:name [name (object-name accessor)])
  (unless (and (procedure? accessor) (procedure-arity-includes? accessor 1))
    (raise-argument-error 'property/c "(-> any/c any/c)" accessor))
  (let* ([c (coerce-contract 'property/c c)]
         [pred (%contract-record-first-order c)])
    (%make-contract-record
     (%contract-record-kind c) (list 'property/c (object-name accessor) (%contract-record-name c))
     (lambda (v) (pred (accessor v)))
     (lambda (b)
       (let ([p ((%contract-record-projection c) (blame-add-context b (format "the ~a of" name)))])
         (lambda (v) (p (accessor v)) v)))
     #f)))

;; `c`, whose errors also say "field: message".
(define (suggest/c c field message)
  (unless (string? field) (raise-argument-error 'suggest/c "string?" 1 c field message))
  (unless (string? message) (raise-argument-error 'suggest/c "string?" 2 c field message))
  (let ([c (coerce-contract 'suggest/c c)])
    (%make-contract-record
     (%contract-record-kind c) (%contract-record-name c) (%contract-record-first-order c)
     (lambda (b)
       (let ([p ((%contract-record-projection c) b)])
         (lambda (v)
           (with-handlers ([%exn:fail:contract:blame?
                            (lambda (e)
                              (raise (%make-exn:fail:contract:blame
                                      (regexp-replace #rx"\n  in: " (exn-message e)
                                                      (string-append "\n  " field ": " message "\n  in: "))
                                      (exn-continuation-marks e)
                                      (%exn:fail:contract:blame-object e))))])
             (p v)))))
     '(opaque))))

;; struct-guard/c's guard: each field under its contract, the module both parties.
(define (make-struct-guard source party cs)
  (let ([cs (for/list ([c (in-list cs)] [i (in-naturals)])
              (or (coerce-contract/f c) (apply raise-argument-error 'struct-guard/c "contract?" i cs)))])
    (lambda args
      (let* ([n (length cs)]
             [fields (take* args n)]
             [struct-name (list-ref args n)])
        (apply values
               (for/list ([c (in-list cs)] [v (in-list fields)] [i (in-naturals 1)])
                 (apply-contract c v party party (format "~a, field ~a" struct-name i) source)))))))

;; Gives record `c` the generator of its parts (lib/contract-generate.rkt); `c` itself.
(define (with-generator c shape parts) (%set-contract-generator! c (%c:generator-of-parts shape parts)))
