#lang racket/base
;; racket/set's generic interface gen:set. Each method is a procedure here
;; that hands a structure implementing gen:set to its method, or to the
;; fallback Racket's racket/set has for the method (built from the methods
;; the structure does implement), and any other value to the hash-set
;; primitive %NAME (prims/sets.ts). set-map, set-for-each and set->stream of
;; hash sets are here too, built on %set-elements.

(provide (rename-out [set-empty? racket/set:set-empty?]
                     [set-member? racket/set:set-member?]
                     [set-count racket/set:set-count]
                     [set=? racket/set:set=?]
                     [subset? racket/set:subset?]
                     [proper-subset? racket/set:proper-subset?]
                     [set-copy racket/set:set-copy]
                     [set-copy-clear racket/set:set-copy-clear]
                     [in-set racket/set:in-set]
                     [set->list racket/set:set->list]
                     [set-first racket/set:set-first]
                     [set-rest racket/set:set-rest]
                     [set-add racket/set:set-add]
                     [set-remove racket/set:set-remove]
                     [set-clear racket/set:set-clear]
                     [set-union racket/set:set-union]
                     [set-intersect racket/set:set-intersect]
                     [set-subtract racket/set:set-subtract]
                     [set-symmetric-difference racket/set:set-symmetric-difference]
                     [set-add! racket/set:set-add!]
                     [set-remove! racket/set:set-remove!]
                     [set-clear! racket/set:set-clear!]
                     [set-union! racket/set:set-union!]
                     [set-intersect! racket/set:set-intersect!]
                     [set-subtract! racket/set:set-subtract!]
                     [set-symmetric-difference! racket/set:set-symmetric-difference!]
                     [set-map racket/set:set-map]
                     [set-for-each racket/set:set-for-each]
                     [set->stream racket/set:set->stream]
                     [set-implements? racket/set:set-implements?]
                     [set-implements/c racket/set:set-implements/c]
                     [make-custom-set-types racket/set:make-custom-set-types]
                     [make-custom-set racket/set:make-custom-set]
                     [make-mutable-custom-set racket/set:make-mutable-custom-set]
                     [make-weak-custom-set racket/set:make-weak-custom-set]
                     [chaperone-hash-set racket/set:chaperone-hash-set]
                     [impersonate-hash-set racket/set:impersonate-hash-set]
                     [set-contract-wrap #%rkt-internal:set-contract-wrap]))

(define (hash-set-map s f)
  (let loop ([l (%set-elements 'set-map s f)])
    (if (null? l) '() (let ([v (f (car l))]) (cons v (loop (cdr l)))))))

(define (hash-set-for-each s f)
  (let loop ([l (%set-elements 'set-for-each s f)])
    (unless (null? l) (f (car l)) (loop (cdr l)))))

;; The elements as a stream, in the set's order.
(define (hash-set->stream s)
  (let loop ([l (%set-elements 'set->stream s)])
    (if (null? l)
        %empty-stream
        (%make-do-stream (lambda () #f) (lambda () (car l)) (lambda () (loop (cdr l)))))))

;; ---------------------------------------------------------------- dispatch

(define (set-empty? s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 0) fallback-empty?) s) (%set-empty? s))))

(define (set-member? s x)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 1) (unimplemented 'set-member?)) s x) (%set-member? s x))))

(define (set-count s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 2) fallback-count) s) (%set-count s))))

(define (set=? s s2)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 3) fallback-set=?) s s2) (%set=? s s2))))

(define (subset? s s2)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 4) fallback-subset?) s s2) (%subset? s s2))))

(define (proper-subset? s s2)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 5) fallback-proper-subset?) s s2) (%proper-subset? s s2))))

(define (set-map s f)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 6) fallback-map) s f) (hash-set-map s f))))

(define (set-for-each s f)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 7) fallback-for-each) s f) (hash-set-for-each s f))))

(define (set-copy s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 8) fallback-copy) s) (%set-copy s))))

(define (set-copy-clear s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 9) (unimplemented 'set-copy-clear)) s) (%set-copy-clear s))))

(define (in-set s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 10) fallback-in-set) s) (%in-set s))))

(define (set->list s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 11) fallback->list) s) (%set->list s))))

(define (set->stream s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 12) fallback->stream) s) (hash-set->stream s))))

(define (set-first s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 13) fallback-first) s) (%set-first s))))

(define (set-rest s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 14) fallback-rest) s) (%set-rest s))))

(define (set-add s x)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 15) (unimplemented 'set-add)) s x) (%set-add s x))))

(define (set-remove s x)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 16) (unimplemented 'set-remove)) s x) (%set-remove s x))))

(define (set-clear s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 17) fallback-clear) s) (%set-clear s))))

(define (set-union s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 18) fallback-union) s sets) (apply %set-union s sets))))

(define (set-intersect s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 19) fallback-intersect) s sets) (apply %set-intersect s sets))))

(define (set-subtract s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 20) fallback-subtract) s sets) (apply %set-subtract s sets))))

(define (set-symmetric-difference s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 21) fallback-symmetric-difference) s sets) (apply %set-symmetric-difference s sets))))

(define (set-add! s x)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 22) (unimplemented 'set-add!)) s x) (%set-add! s x))))

(define (set-remove! s x)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 23) (unimplemented 'set-remove!)) s x) (%set-remove! s x))))

(define (set-clear! s)
  (let ([ms (%gen-set-methods s)])
    (if ms ((or (vector-ref ms 24) fallback-clear!) s) (%set-clear! s))))

(define (set-union! s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 25) fallback-union!) s sets) (apply %set-union! s sets))))

(define (set-intersect! s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 26) fallback-intersect!) s sets) (apply %set-intersect! s sets))))

(define (set-subtract! s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 27) fallback-subtract!) s sets) (apply %set-subtract! s sets))))

(define (set-symmetric-difference! s . sets)
  (let ([ms (%gen-set-methods s)])
    (if ms (apply (or (vector-ref ms 28) fallback-symmetric-difference!) s sets) (apply %set-symmetric-difference! s sets))))

;; ---------------------------------------------------------------- set-implements?

(define method-names
  '(set-empty? set-member? set-count set=? subset? proper-subset? set-map set-for-each
    set-copy set-copy-clear in-set set->list set->stream set-first set-rest set-add
    set-remove set-clear set-union set-intersect set-subtract set-symmetric-difference
    set-add! set-remove! set-clear! set-union! set-intersect! set-subtract!
    set-symmetric-difference!))

(define (method-index sym)
  (let loop ([l method-names] [i 0])
    (cond [(null? l) #f] [(eq? (car l) sym) i] [else (loop (cdr l) (add1 i))])))

(define (set-implements? s . syms)
  (unless (%generic-set? s) (raise-argument-error 'set-implements? "set?" s))
  (for-each (lambda (sym)
              (unless (method-index sym)
                (raise-argument-error
                 'set-implements?
                 (format "(or/c~a)" (apply string-append (map (lambda (m) (format " (quote ~a)" m)) method-names)))
                 sym)))
            syms)
  (let ([ms (%gen-set-methods s)])
    (or (not ms) (andmap (lambda (sym) (and (vector-ref ms (method-index sym)) #t)) syms))))

(define (set-implements/c . syms)
  (if (null? syms)
      %generic-set?
      (%c:flat-named-contract
       (cons 'set-implements/c syms)
       (lambda (x) (and (%generic-set? x) (apply set-implements? x syms))))))

;; ---------------------------------------------------------------- fallbacks

;; (has? s i ...): the structure implements the methods at those positions itself.
(define (has? s . is)
  (let ([ms (%gen-set-methods s)])
    (andmap (lambda (i) (vector-ref ms i)) is)))

(define (unimplemented who)
  (lambda (s . _) (error who "not implemented for ~e" s)))

(define (elements s) (for/list ([x (in-set s)]) x))

(define (check-others who s sets)
  (let loop ([l sets] [i 1])
    (unless (null? l)
      (unless (%generic-set? (car l)) (apply raise-argument-error who "generic-set?" i s sets))
      (loop (cdr l) (add1 i)))))

(define (fallback-empty? s)
  (cond [(has? s 12) (%stream-empty? (set->stream s))]
        [(has? s 2) (zero? (set-count s))]
        [else ((unimplemented 'set-empty?) s)]))

(define (fallback-first s)
  (if (has? s 12) (%stream-first (set->stream s)) ((unimplemented 'set-first) s)))

(define (fallback-rest s)
  (cond [(has? s 16 13) (set-remove s (set-first s))]
        [(has? s 16 12) (set-remove s (%stream-first (set->stream s)))]
        [else ((unimplemented 'set-rest) s)]))

;; A stream walking the set by `empty?`, `first` and `next` (set-rest, or set-remove of the first).
(define (walk-stream s empty? next)
  (let loop ([s s])
    (%make-do-stream (lambda () (empty? s)) (lambda () (set-first s)) (lambda () (loop (next s))))))

(define (remove-first s) (set-remove s (set-first s)))
(define (count-zero? s) (zero? (set-count s)))

(define (fallback->stream s)
  (cond [(has? s 10) (sequence->stream (in-set s))]
        [(has? s 0 13 14) (walk-stream s set-empty? set-rest)]
        [(has? s 0 13 16) (walk-stream s set-empty? remove-first)]
        [(has? s 2 13 14) (walk-stream s count-zero? set-rest)]
        [(has? s 2 13 16) (walk-stream s count-zero? remove-first)]
        [(has? s 11) (set->list s)]
        [else ((unimplemented 'set->stream) s)]))

(define (walk-sequence s empty? next)
  (make-do-sequence
   (lambda () (values set-first next s (lambda (s) (not (empty? s))) #f #f))))

(define (fallback-in-set s)
  (cond [(has? s 12) (set->stream s)]
        [(has? s 0 13 14) (walk-sequence s set-empty? set-rest)]
        [(has? s 0 13 16) (walk-sequence s set-empty? remove-first)]
        [(has? s 2 13 14) (walk-sequence s count-zero? set-rest)]
        [(has? s 2 13 16) (walk-sequence s count-zero? remove-first)]
        [(has? s 11) (set->list s)]
        [else ((unimplemented 'in-set) s)]))

(define (fallback-count s) (length (elements s)))

(define (fallback-set=? s1 s2)
  (unless (%generic-set? s2) (raise-argument-error 'set=? "generic-set?" 1 s1 s2))
  ;; (Racket's would ask s2's own set=? here, which for two sets that both
  ;; fall back comes straight back.)
  (or (eq? s1 s2) (and (subset? s1 s2) (subset? s2 s1))))

(define (fallback-subset? s1 s2)
  (unless (%generic-set? s2) (raise-argument-error 'subset? "generic-set?" 1 s1 s2))
  (andmap (lambda (x) (set-member? s2 x)) (elements s1)))

(define (fallback-proper-subset? s1 s2)
  (unless (%generic-set? s2) (raise-argument-error 'proper-subset? "generic-set?" 1 s1 s2))
  (and (subset? s1 s2) (not (subset? s2 s1))))

(define (fallback-map s f) (map f (elements s)))
(define (fallback-for-each s f) (for-each f (elements s)))
(define (fallback->list s) (elements s))

(define (fallback-copy s)
  (if (has? s 9 22)
      (let ([s2 (set-copy-clear s)])
        (for-each (lambda (x) (set-add! s2 x)) (elements s))
        s2)
      ((unimplemented 'set-copy) s)))

(define (fallback-clear s)
  (if (has? s 16)
      (foldl (lambda (x acc) (set-remove acc x)) s (elements s))
      ((unimplemented 'set-clear) s)))

(define (fallback-union s . sets)
  (if (has? s 15)
      (let loop ([acc s] [l sets] [i 1])
        (cond [(null? l) acc]
              [(%generic-set? (car l))
               (loop (foldl (lambda (x acc) (set-add acc x)) acc (elements (car l))) (cdr l) (add1 i))]
              [else (apply raise-argument-error 'set-union "generic-set?" i s sets)]))
      ((unimplemented 'set-union) s)))

;; set-intersect, set-subtract and set-symmetric-difference: keep the elements
;; `keep?` says, by removing the others or by adding them to a cleared set.
(define (filter-set who s sets keep?)
  (check-others who s sets)
  (cond [(has? s 16)
         (foldl (lambda (x acc) (if (keep? x) acc (set-remove acc x))) s (elements s))]
        [(has? s 15 17)
         (foldl (lambda (x acc) (if (keep? x) (set-add acc x) acc)) (set-clear s) (elements s))]
        [else ((unimplemented who) s)]))

(define (in-all? sets) (lambda (x) (andmap (lambda (s2) (set-member? s2 x)) sets)))
(define (in-none? sets) (lambda (x) (not (ormap (lambda (s2) (set-member? s2 x)) sets))))
(define (in-even? sets)
  (lambda (x) (even? (length (filter (lambda (s2) (set-member? s2 x)) sets)))))

(define (fallback-intersect s . sets) (filter-set 'set-intersect s sets (in-all? sets)))
(define (fallback-subtract s . sets) (filter-set 'set-subtract s sets (in-none? sets)))
(define (fallback-symmetric-difference s . sets)
  (filter-set 'set-symmetric-difference s sets (in-even? sets)))

(define (fallback-clear! s)
  (cond [(has? s 23 0 13)
         (let loop () (unless (set-empty? s) (set-remove! s (set-first s)) (loop)))]
        [(has? s 23 12)
         (let loop ()
           (let ([st (set->stream s)])
             (unless (%stream-empty? st) (set-remove! s (%stream-first st)) (loop))))]
        [(has? s 23 2 13)
         (let loop () (unless (zero? (set-count s)) (set-remove! s (set-first s)) (loop)))]
        [(has? s 23 11) (for-each (lambda (x) (set-remove! s x)) (set->list s))]
        [else ((unimplemented 'set-clear!) s)]))

(define (fallback-union! s . sets)
  (if (has? s 22)
      (let loop ([l sets] [i 1])
        (unless (null? l)
          (unless (%generic-set? (car l)) (apply raise-argument-error 'set-union! "generic-set?" i s sets))
          (for-each (lambda (x) (set-add! s x)) (elements (car l)))
          (loop (cdr l) (add1 i))))
      ((unimplemented 'set-union!) s)))

;; The in-place forms remove what `keep?` rejects.
(define (filter-set! who s sets keep?)
  (if (has? s 23)
      (begin
        (check-others who s sets)
        (for-each (lambda (x) (set-remove! s x)) (filter (lambda (x) (not (keep? x))) (elements s))))
      ((unimplemented who) s)))

(define (fallback-intersect! s . sets) (filter-set! 'set-intersect! s sets (in-all? sets)))
(define (fallback-subtract! s . sets) (filter-set! 'set-subtract! s sets (in-none? sets)))
(define (fallback-symmetric-difference! s . sets)
  (filter-set! 'set-symmetric-difference! s sets (in-even? sets)))

;; ---------------------------------------------------------------- custom sets

;; A custom set is a structure (prims/custom-set.ts) of its spec and a hash
;; table whose keys are its elements wrapped (the values are #t): a wrapped
;; element holds the spec and the element, and its equal+hash procedures are
;; the spec's. The spec is #(elem? =? hash-proc hash2-proc intern), intern
;; mapping elements to their wrappers.

(define (custom-set-kinds)
  (%custom-set-types
   (vector cs-empty? cs-member? cs-count cs-set=? cs-subset? cs-proper-subset? #f #f cs-copy cs-copy-clear
           #f cs->list #f cs-first cs-rest cs-add cs-remove cs-clear cs-union cs-intersect cs-subtract
           cs-symmetric-difference (mutable-only 'set-add!) (mutable-only 'set-remove!)
           (mutable-only 'set-clear!) (mutable-only 'set-union!) (mutable-only 'set-intersect!)
           (mutable-only 'set-subtract!) (mutable-only 'set-symmetric-difference!))
   (vector cs-empty? cs-member? cs-count cs-set=? cs-subset? cs-proper-subset? #f #f cs-copy cs-copy-clear
           #f cs->list #f cs-first (immutable-only 'set-rest) (immutable-only 'set-add)
           (immutable-only 'set-remove) (immutable-only 'set-clear) (immutable-only 'set-union)
           (immutable-only 'set-intersect) (immutable-only 'set-subtract)
           (immutable-only 'set-symmetric-difference) cs-add! cs-remove! cs-clear! cs-union! cs-intersect!
           cs-subtract! cs-symmetric-difference!)
   (list (lambda (a b recur) (and (eq? (cs-spec a) (cs-spec b)) (recur (cs-table a) (cs-table b))))
         (lambda (a recur) (+ (eq-hash-code (cs-spec a)) (recur (cs-table a))))
         (lambda (a recur) (recur (cs-table a))))
   (list (lambda (a b recur)
           (let ([=? (vector-ref (cs-spec a) 1)])
             (and (eq? (cs-spec a) (cs-spec b))
                  (if (procedure-arity-includes? =? 3)
                      (=? (cs-elem a) (cs-elem b) recur)
                      (=? (cs-elem a) (cs-elem b))))))
         (lambda (a recur) (cs-hash (vector-ref (cs-spec a) 2) a recur))
         (lambda (a recur) (cs-hash (vector-ref (cs-spec a) 3) a recur)))))

(define (cs-hash hc a recur)
  (if (procedure-arity-includes? hc 2) (hc (cs-elem a) recur) (hc (cs-elem a))))
(define (cs-spec s) (%custom-struct-ref s 0))
(define (cs-table s) (%custom-struct-ref s 1))
(define (cs-elem w) (%custom-struct-ref w 1))

(define (cs-make kind spec table)
  (%make-custom-struct (vector-ref (custom-set-kinds) (case kind [(immutable) 0] [(mutable) 1] [else 2]))
                       spec table))
;; A custom set of s's kind and spec over table.
(define (cs-remake s table) (cs-make (%custom-set-kind s) (cs-spec s) table))

(define (cs-wrap spec x)
  (let ([intern (vector-ref spec 4)])
    (or (hash-ref intern x #f)
        (let ([w (%make-custom-struct (vector-ref (custom-set-kinds) 3) spec x)])
          (hash-set! intern x w)
          w))))
(define (cs-check who spec x)
  (let ([elem? (vector-ref spec 0)])
    (unless (elem? x) (raise-argument-error who (format "~a" elem?) x))))
(define (cs-key who s x)
  (cs-check who (cs-spec s) x)
  (cs-wrap (cs-spec s) x))

(define (cs-empty? s) (hash-empty? (cs-table s)))
(define (cs-member? s x) (hash-ref (cs-table s) (cs-key 'set-member? s x) #f))
(define (cs-count s) (hash-count (cs-table s)))
(define (cs->list s) (for/fold ([acc '()]) ([k (in-hash-keys (cs-table s))]) (cons (cs-elem k) acc)))
(define (cs-copy s) (cs-make 'mutable (cs-spec s) (hash-copy (cs-table s))))
(define (cs-copy-clear s)
  (cs-remake s (let ([t (cs-table s)]) (if (immutable? t) (hash) (if (hash-weak? t) (make-weak-hash) (make-hash))))))
(define (cs-first s)
  (let* ([t (cs-table s)] [i (hash-iterate-first t)])
    (unless i (raise-argument-error 'set-first "(and/c generic-set? (not/c set-empty?))" s))
    (cs-elem (hash-iterate-key t i))))
(define (cs-rest s)
  (let* ([t (cs-table s)] [i (hash-iterate-first t)])
    (unless i (raise-argument-error 'set-rest "(and/c generic-set? (not/c set-empty?))" s))
    (cs-remake s (hash-remove t (hash-iterate-key t i)))))
(define (cs-add s x) (cs-remake s (hash-set (cs-table s) (cs-key 'set-add s x) #t)))
(define (cs-remove s x) (cs-remake s (hash-remove (cs-table s) (cs-key 'set-remove s x))))
(define (cs-clear s) (cs-remake s (hash-clear (cs-table s))))
(define (cs-add! s x) (hash-set! (cs-table s) (cs-key 'set-add! s x) #t))
(define (cs-remove! s x) (hash-remove! (cs-table s) (cs-key 'set-remove! s x)))
(define (cs-clear! s) (hash-clear! (cs-table s)))

(define (cs-default-hash x recur) 1)
(define (cs-default-elem? x) #t)

;; A custom set's spec is a custom hash's (lib/dicts.rkt checks the procedures the same way).

;; The operations of the other mutability, with the messages of Racket's.
(define (mutable-only who)
  (lambda (s . _)
    (raise (make-exn:fail:contract
            (format "~a:\nexpected: (or/c set-mutable? set-weak?)\ngiven immutable set: ~e\nargument position: 1st" who s)
            (current-continuation-marks)))))
(define (immutable-only who)
  (lambda (s . _)
    (raise (make-exn:fail:contract
            (format "~a:\nexpected: (not/c (or/c set-mutable? set-weak?))\ngiven mutable set: ~e\nargument position: 1st" who s)
            (current-continuation-marks)))))

;; The other sets of a binary operation must be custom sets of the same spec.
(define (cs-compatible who s sets)
  (check-others who s sets)
  (for-each (lambda (o)
              (unless (and (%custom-set-kind o) (eq? (cs-spec o) (cs-spec s)))
                (raise (make-exn:fail:contract
                        (format "~a: set arguments have incompatible equivalence predicates\n  first set: ~e\n  incompatible set: ~e"
                                who s o)
                        (current-continuation-marks)))))
            sets))
(define (cs-set=? s o)
  (cs-compatible 'set=? s (list o))
  (and (= (cs-count s) (cs-count o)) (fallback-subset? s o)))
(define (cs-subset? s o) (cs-compatible 'subset? s (list o)) (fallback-subset? s o))
(define (cs-proper-subset? s o) (cs-compatible 'proper-subset? s (list o)) (fallback-proper-subset? s o))
(define (cs-union s . sets) (cs-compatible 'set-union s sets) (apply fallback-union s sets))
(define (cs-intersect s . sets) (cs-compatible 'set-intersect s sets) (apply fallback-intersect s sets))
(define (cs-subtract s . sets) (cs-compatible 'set-subtract s sets) (apply fallback-subtract s sets))
(define (cs-symmetric-difference s . sets)
  (cs-compatible 'set-symmetric-difference s sets)
  (apply fallback-symmetric-difference s sets))
(define (cs-union! s . sets) (cs-compatible 'set-union! s sets) (apply fallback-union! s sets))
(define (cs-intersect! s . sets) (cs-compatible 'set-intersect! s sets) (apply fallback-intersect! s sets))
(define (cs-subtract! s . sets) (cs-compatible 'set-subtract! s sets) (apply fallback-subtract! s sets))
(define (cs-symmetric-difference! s . sets)
  (cs-compatible 'set-symmetric-difference! s sets)
  (apply fallback-symmetric-difference! s sets))

;; A maker: (maker [stream]) → a custom set of kind with the stream's elements.
(define (cs-maker kind spec name)
  (procedure-rename
   (lambda ([init '()])
     (unless (%stream? init) (raise-argument-error name "stream?" init))
     (let ([elems (let loop ([st init])
                    (if (%stream-empty? st)
                        '()
                        (let ([x (%stream-first st)])
                          (cs-check name spec x)
                          (cons (cs-wrap spec x) (loop (%stream-rest st))))))])
       (cs-make kind spec
                (if (eq? kind 'immutable)
                    (for/fold ([t (hash)]) ([w (in-list elems)]) (hash-set t w #t))
                    (let ([t (if (eq? kind 'weak) (make-weak-hash) (make-hash))])
                      (for ([w (in-list elems)]) (hash-set! t w #t))
                      t)))))
   name))
(define (cs-predicate kinds spec name)
  (procedure-rename
   (lambda (v)
     (let ([k (%custom-set-kind v)])
       (and k (memq k kinds) (eq? (cs-spec v) spec) #t)))
   name))

(define (make-custom-set-types =? [hc1 cs-default-hash] [hc2 cs-default-hash]
                               #:elem? [elem? cs-default-elem?]
                               #:for [who 'make-custom-set-types]
                               #:name [name 'custom-set])
  (let ([spec (%custom-equality-spec who elem? =? hc1 hc2)]
        [named (lambda (prefix suffix)
                 (string->symbol (string-append prefix (symbol->string name) suffix)))])
    (values (cs-predicate '(immutable mutable weak) spec (named "" "?"))
            (cs-predicate '(weak) spec (named "weak-" "?"))
            (cs-predicate '(mutable) spec (named "mutable-" "?"))
            (cs-predicate '(immutable) spec (named "immutable-" "?"))
            (cs-maker 'weak spec (named "make-weak-" ""))
            (cs-maker 'mutable spec (named "make-mutable-" ""))
            (cs-maker 'immutable spec (named "make-immutable-" "")))))

(define (make-custom-set =? [hc1 cs-default-hash] [hc2 cs-default-hash] #:elem? [elem? cs-default-elem?])
  ((cs-maker 'immutable (%custom-equality-spec 'make-custom-set elem? =? hc1 hc2) 'make)))
(define (make-mutable-custom-set =? [hc1 cs-default-hash] [hc2 cs-default-hash] #:elem? [elem? cs-default-elem?])
  ((cs-maker 'mutable (%custom-equality-spec 'make-custom-set elem? =? hc1 hc2) 'make)))
(define (make-weak-custom-set =? [hc1 cs-default-hash] [hc2 cs-default-hash] #:elem? [elem? cs-default-elem?])
  ((cs-maker 'weak (%custom-equality-spec 'make-custom-set elem? =? hc1 hc2) 'make)))

;; ---------------------------------------------------------------- chaperoned sets

;; chaperone-hash-set and impersonate-hash-set wrap a set's table with
;; chaperone-hash or impersonate-hash, as Racket's do: a hash set keeps the
;; wrapped table (%chaperone-set, prims/sets.ts) and %gen-set-methods hands it
;; to the hs-* methods below, which do each operation on that table the way
;; Racket's racket/set does, so the interposition procedures are called as
;; Racket calls them; a custom set is remade over the wrapped table, and its
;; cs-* methods already work through hash operations.

(define (chaperone-hash-set s inject add shrink extract . more)
  (wrap-set-table #f s inject add shrink extract more))
(define (impersonate-hash-set s inject add shrink extract . more)
  (wrap-set-table #t s inject add shrink extract more))

(define (wrap-set-table imp? s inject add shrink extract more)
  (let* ([who (if imp? 'impersonate-hash-set 'chaperone-hash-set)]
         ;; Racket reports each bad argument with all of them, by position.
         [bad (lambda (expected pos) (apply raise-argument-error who expected pos s inject add shrink extract more))]
         [proc/2? (lambda (p) (or (not p) (and (procedure? p) (procedure-arity-includes? p 2))))])
    (unless (if imp? (memq (set-kind-of s) '(mutable weak)) (set-kind-of s))
      (bad (if imp? "(or/c set-mutable? set-weak?)" "(or/c set? set-mutable? set-weak?)") 0))
    (let loop ([ps (list inject add shrink extract)] [i 1])
      (unless (null? ps)
        (unless (proc/2? (car ps)) (bad "(or/c #f (procedure-arity-includes/c 2))" i))
        (loop (cdr ps) (+ i 1))))
    (when (pair? more)
      (let ([c (car more)])
        (unless (or (not c) (and (procedure? c) (procedure-arity-includes? c 1)) (impersonator-property? c))
          (bad "(or/c #f (procedure-arity-includes/c 1) impersonator-property?)" 5))))
    (let-values ([(n clear equal-key props)
                  (cond [(null? more) (values 0 #f #f '())]
                        [(impersonator-property? (car more)) (values 0 #f #f more)]
                        [(null? (cdr more)) (values 1 (car more) #f '())]
                        [(impersonator-property? (cadr more)) (values 1 (car more) #f (cdr more))]
                        [else (values 2 (car more) (cadr more) (cddr more))])])
      ;; As Racket's: the equal-key procedure is checked for arity 2 but named with 1.
      (unless (proc/2? equal-key) (bad "(or/c #f (procedure-arity-includes/c 1))" (+ 4 n)))
      (let loop ([l props] [i 0])
        (when (pair? l)
          (unless (impersonator-property? (car l)) (bad "impersonator-property?" (+ i n 4)))
          (loop (if (pair? (cdr l)) (cddr l) '()) (+ i 2))))
      (when (or (not inject) (not add) (not shrink) (not extract))
        (unless (and (not inject) (not add) (not shrink) (not extract) (not equal-key) (not clear))
          (raise-arguments-error
           who
           "if one of inject-proc, add-proc, shrink-proc or extract-proc is #f, they must all be and the equal-key-proc and clear-proc must also be"
           "inject-proc" inject "add-proc" add "shrink-proc" shrink "extract-proc" extract
           "equal-key-proc" equal-key "clear-proc" clear)))
      (when (and (not inject) (null? props))
        (raise-arguments-error
         who
         "when inject-proc, add-proc, shrink-proc, and extract-proc are #f, at least one property must be supplied"))
      (let* ([check (lambda (name original new)
                      (unless (or imp? (chaperone-of? new original))
                        (error 'chaperone-hash-set "~s did not return a chaperone of ~e, got ~e" name original new))
                      new)]
             [equal-key (or equal-key (lambda (s e) e))]
             [through
              (lambda (proc name) (if imp? (lambda (e) (proc s e)) (lambda (e) (check name e (proc s e)))))]
             [table
              (and inject
                   (wrap-table (if imp? impersonate-hash chaperone-hash)
                               s
                               (through inject 'in-proc)
                               (through add 'add-proc)
                               (through shrink 'shrink-proc)
                               (through extract 'extract-proc)
                               ;; Called even when there is no clear procedure: Racket's fails then too.
                               (and clear (lambda () (clear s)))
                               (lambda (e) (equal-key s e))))])
        (if (%custom-set-kind s)
            (let ([c (if table (cs-remake s table) s)])
              (if (null? props)
                  c
                  (apply chaperone-struct c (vector-ref (custom-set-kinds) (case (%custom-set-kind s) [(immutable) 0] [(mutable) 1] [else 2]))
                         props)))
            (%chaperone-set s (or table #f) props (hs-immutable-methods) (hs-imperative-methods)))))))

;; immutable, mutable or weak for a hash set or custom set, else #f.
(define (set-kind-of s)
  (or (%custom-set-kind s)
      (let ([shape (%set-shape s)])
        (and shape (cond [(caddr shape) 'weak] [(cadr shape) 'mutable] [else 'immutable])))))

;; The set's table wrapped so that each key goes through the set's procedure
;; (a custom set's keys are wrapped elements: unwrapped for the procedure, the result wrapped again).
(define (wrap-table wrap s in add shrink extract clear equal-key)
  (let* ([spec (and (%custom-set-kind s) (cs-spec s))]
         [through (if spec (lambda (proc) (lambda (k) (cs-wrap spec (proc (cs-elem k))))) (lambda (proc) proc))]
         [in (through in)] [add (through add)] [shrink (through shrink)] [extract (through extract)]
         [equal-key (through equal-key)])
    (wrap (if spec (cs-table s) (%set-table s))
          (lambda (h k) (values (in k) (lambda (h k v) v)))
          (lambda (h k v) (values (add k) v))
          (lambda (h k) (shrink k))
          (lambda (h k) (extract k))
          (lambda (h) (clear))
          (lambda (h k) (equal-key k)))))

;; The methods of a chaperoned hash set: Racket's algorithms over the table.
(define (hs-table s) (%set-table s))
(define (hs-remake s t) (%set-with-table s t))
(define (hs-keys-in? t1 t2) (for/and ([k (in-hash-keys t1)]) (hash-ref t2 k #f)))
(define (hs-member? s x) (hash-ref (hs-table s) x #f))
(define (hs-set=? s s2)
  (%set-check-others 'set=? s (list s2))
  (and (hs-keys-in? (hs-table s) (hs-table s2)) (hs-keys-in? (hs-table s2) (hs-table s))))
(define (hs-subset? s s2)
  (%set-check-others 'subset? s (list s2))
  (hs-keys-in? (hs-table s) (hs-table s2)))
(define (hs-proper-subset? s s2)
  (%set-check-others 'proper-subset? s (list s2))
  (and (hs-keys-in? (hs-table s) (hs-table s2))
       (for/or ([k (in-hash-keys (hs-table s2))]) (not (hash-ref (hs-table s) k #f)))))
(define (hs-map s f) (for/fold ([acc '()]) ([k (in-hash-keys (hs-table s))]) (cons (f k) acc)))
(define (hs-for-each s f) (for ([k (in-hash-keys (hs-table s))]) (f k)))
(define (hs-copy s) (hs-remake s (hash-copy (hs-table s))))
(define (hs-in-set s) (in-hash-keys (hs-table s)))
(define (hs->list s) (for/fold ([acc '()]) ([k (in-hash-keys (hs-table s))]) (cons k acc)))
(define (hs-first s)
  (let* ([t (hs-table s)] [i (hash-iterate-first t)])
    (unless i (raise-argument-error 'set-first "(and/c generic-set? (not/c set-empty?))" s))
    (hash-iterate-key t i)))
(define (hs-rest s)
  (let* ([t (hs-table s)] [i (hash-iterate-first t)])
    (unless i (raise-argument-error 'set-rest "(and/c generic-set? (not/c set-empty?))" s))
    (hs-remake s (hash-remove t (hash-iterate-key t i)))))
(define (hs-add s x) (hs-remake s (hash-set (hs-table s) x #t)))
(define (hs-remove s x) (hs-remake s (hash-remove (hs-table s) x)))
(define (hs-clear s) (hs-remake s (hash-clear (hs-table s))))
;; The immutable set among s and sets whose count is better? than the others'.
(define (hs-choose who better? s sets)
  (%set-check-others who s sets)
  (for/fold ([best s]) ([s2 (in-list sets)])
    (if (and (immutable? (hs-table s2)) (better? (hash-count (hs-table s2)) (hash-count (hs-table best)))) s2 best)))
(define (hs-union s . sets)
  (let ([big (hs-choose 'set-union > s sets)])
    (hs-remake s (for/fold ([t (hs-table big)]) ([s2 (in-list (cons s sets))] #:unless (eq? s2 big))
                   (for/fold ([t t]) ([x (in-hash-keys (hs-table s2))]) (hash-set t x #t))))))
(define (hs-symmetric-difference s . sets)
  (let ([big (hs-choose 'set-symmetric-difference > s sets)])
    ;; Racket drops the chosen set from the others with remove (equal?), so do we.
    (hs-remake s (for/fold ([t (hs-table big)]) ([s2 (in-list (remove big (cons s sets)))])
                   (for/fold ([t t]) ([x (in-hash-keys (hs-table s2))])
                     (if (hash-ref t x #f) (hash-remove t x) (hash-set t x #t)))))))
(define (hs-intersect s . sets)
  (let* ([small (hs-choose 'set-intersect < s sets)]
         [all (cons s sets)]
         [keep? (lambda (k)
                  (for/and ([s2 (in-list all)] #:unless (eq? s2 small)) (hash-ref (hs-table s2) k #f)))]
         [t0 (hs-table small)])
    (hs-remake s (for/fold ([t t0]) ([k (in-hash-keys t0)] #:unless (keep? k)) (hash-remove t k)))))
(define (hs-subtract s . sets)
  (%set-check-others 'set-subtract s sets)
  (let ([t0 (hs-table s)])
    (hs-remake s (for/fold ([t t0]) ([k (in-hash-keys t0)]
                                     #:when (for/or ([s2 (in-list sets)]) (hash-ref (hs-table s2) k #f)))
                   (hash-remove t k)))))
(define (hs-add! s x) (hash-set! (hs-table s) x #t))
(define (hs-remove! s x) (hash-remove! (hs-table s) x))
(define (hs-clear! s) (hash-clear! (hs-table s)))
(define (hs-union! s . sets)
  (%set-check-others 'set-union! s sets)
  (let ([t (hs-table s)])
    (for ([s2 (in-list sets)]) (for ([x (in-hash-keys (hs-table s2))]) (hash-set! t x #t)))))
(define (hs-symmetric-difference! s . sets)
  (%set-check-others 'set-symmetric-difference! s sets)
  (let ([t (hs-table s)])
    (for ([s2 (in-list sets)])
      (for ([x (in-hash-keys (hs-table s2))])
        (if (hash-ref t x #f) (hash-remove! t x) (hash-set! t x #t))))))
;; Removes from s's table the keys for which remove? holds of the other sets' tables.
(define (hs-filter! who s sets remove?)
  (%set-check-others who s sets)
  (let* ([t (hs-table s)]
         [tables (map hs-table sets)]
         [gone (for/list ([k (in-hash-keys t)] #:when (remove? k tables)) k)])
    (for ([k (in-list gone)]) (hash-remove! t k))))
(define (hs-intersect! s . sets)
  (hs-filter! 'set-intersect! s sets (lambda (k ts) (not (for/and ([t (in-list ts)]) (hash-ref t k #f))))))
(define (hs-subtract! s . sets)
  (hs-filter! 'set-subtract! s sets (lambda (k ts) (for/or ([t (in-list ts)]) (hash-ref t k #f)))))

(define (hs-immutable-methods)
  (vector %set-empty? hs-member? %set-count hs-set=? hs-subset? hs-proper-subset? hs-map hs-for-each hs-copy
          %set-copy-clear hs-in-set hs->list #f hs-first hs-rest hs-add hs-remove hs-clear hs-union hs-intersect
          hs-subtract hs-symmetric-difference (mutable-only 'set-add!) (mutable-only 'set-remove!)
          (mutable-only 'set-clear!) (mutable-only 'set-union!) (mutable-only 'set-intersect!)
          (mutable-only 'set-subtract!) (mutable-only 'set-symmetric-difference!)))
(define (hs-imperative-methods)
  (vector %set-empty? hs-member? %set-count hs-set=? hs-subset? hs-proper-subset? hs-map hs-for-each hs-copy
          %set-copy-clear hs-in-set hs->list #f hs-first (immutable-only 'set-rest) (immutable-only 'set-add)
          (immutable-only 'set-remove) (immutable-only 'set-clear) (immutable-only 'set-union)
          (immutable-only 'set-intersect) (immutable-only 'set-subtract)
          (immutable-only 'set-symmetric-difference) hs-add! hs-remove! hs-clear! hs-union! hs-intersect!
          hs-subtract! hs-symmetric-difference!))

;; set/c's projection of a hash set or custom set (lib/contracts.rkt), as
;; Racket's. Lazy: the set is chaperoned so that elements read are checked
;; by pos, and elements added to a mutable one by neg (the swapped blame).
;; Not lazy: an immutable set is rebuilt from its elements projected (and
;; only given the properties), a mutable one has its elements replaced by
;; their projections, then is chaperoned the same way. props are the
;; contract's impersonator properties.
(define (set-contract-wrap v lazy? pos neg props)
  (if (eq? (set-kind-of v) 'immutable)
      (if lazy?
          (apply chaperone-hash-set v (lambda (s e) e) (lambda (s e) e) (lambda (s e) e) (lambda (s e) (pos e))
                 (lambda (s) (void)) #f props)
          (apply chaperone-hash-set
                 (for/fold ([acc (set-clear v)]) ([e (in-set v)]) (set-add acc (pos e)))
                 #f #f #f #f props))
      (begin
        (unless lazy?
          (for ([e (in-list (set->list v))])
            (set-remove! v e)
            (set-add! v (pos e))))
        (apply chaperone-hash-set v
               (lambda (s e) e)
               (lambda (s e) (neg e))
               (lambda (s e) e)
               (lambda (s e) (pos e))
               (lambda (s) (void))
               #f
               props))))
