#lang racket/base
;; racket/list's procedures that call procedures or take keywords, with the
;; error messages of collects/racket/list.rkt. The work that calls no
;; procedure is done by primitives of prims/list-lib.ts (%take, %add-between,
;; %remove-duplicates/keys, ...).

(provide (rename-out [filter-map racket/list:filter-map]
                     [count racket/list:count]
                     [partition racket/list:partition]
                     [append-map racket/list:append-map]
                     [filter-not racket/list:filter-not]
                     [append* racket/list:append*]
                     [argmin racket/list:argmin]
                     [argmax racket/list:argmax]
                     [list-update racket/list:list-update]
                     [index-of racket/list:index-of]
                     [index-where racket/list:index-where]
                     [indexes-of racket/list:indexes-of]
                     [indexes-where racket/list:indexes-where]
                     [takef racket/list:takef]
                     [dropf racket/list:dropf]
                     [splitf-at racket/list:splitf-at]
                     [takef-right racket/list:takef-right]
                     [dropf-right racket/list:dropf-right]
                     [splitf-at-right racket/list:splitf-at-right]
                     [list-prefix? racket/list:list-prefix?]
                     [split-common-prefix racket/list:split-common-prefix]
                     [take-common-prefix racket/list:take-common-prefix]
                     [drop-common-prefix racket/list:drop-common-prefix]
                     [add-between racket/list:add-between]
                     [remove-duplicates racket/list:remove-duplicates]
                     [check-duplicates racket/list:check-duplicates]
                     [group-by racket/list:group-by]
                     [remf racket/list:remf]
                     [remf* racket/list:remf*]))

(define (proc1? f) (and (procedure? f) (procedure-arity-includes? f 1)))

(define (proc2? f) (and (procedure? f) (procedure-arity-includes? f 2)))

(define (hash-equivalence eq)
  (cond [(eq? eq equal?) 'equal] [(eq? eq eqv?) 'eqv] [(eq? eq eq?) 'eq] [else #f]))

(define (check-filter-arguments who f l ls)
  (unless (procedure? f) (apply raise-argument-error who "procedure?" 0 f l ls))
  (unless (procedure-arity-includes? f (add1 (length ls)))
    (raise-arguments-error who "mismatch between procedure arity and argument count"
                           "procedure" f "expected arity" (add1 (length ls))))
  (unless (and (list? l) (andmap list? ls))
    (let loop ([xs (cons l ls)] [i 1])
      (unless (list? (car xs)) (apply raise-argument-error who "list?" i f l ls))
      (loop (cdr xs) (add1 i))))
  (unless (andmap (lambda (x) (= (length x) (length l))) ls)
    (raise-arguments-error who "all lists must have same size")))

(define (filter-map f l . ls)
  (check-filter-arguments 'filter-map f l ls)
  (if (null? ls)
      (let loop ([l l] [acc '()])
        (if (null? l) (reverse acc)
            (let ([x (f (car l))]) (loop (cdr l) (if x (cons x acc) acc)))))
      (filter (lambda (x) x) (apply map f l ls))))

(define (count f l . ls)
  (check-filter-arguments 'count f l ls)
  (if (null? ls)
      (let loop ([l l] [c 0])
        (if (null? l) c (loop (cdr l) (if (f (car l)) (add1 c) c))))
      (let loop ([r (apply map f l ls)] [c 0])
        (if (null? r) c (loop (cdr r) (if (car r) (add1 c) c))))))

(define (partition pred l)
  (unless (proc1? pred) (raise-argument-error 'partition "(any/c . -> . any/c)" 0 pred l))
  (unless (list? l) (raise-argument-error 'partition "list?" 1 pred l))
  (let loop ([l l] [i '()] [o '()])
    (if (null? l)
        (values (reverse i) (reverse o))
        (let ([x (car l)] [l (cdr l)])
          (if (pred x) (loop l (cons x i) o) (loop l i (cons x o)))))))

(define (append-map f l . ls) (apply append (apply map f l ls)))

(define (filter-not f l)
  (unless (proc1? f) (raise-argument-error 'filter-not "(any/c . -> . any/c)" 0 f l))
  (unless (list? l) (raise-argument-error 'filter-not "list?" 1 f l))
  (let loop ([l l] [acc '()])
    (if (null? l) (reverse acc) (loop (cdr l) (if (f (car l)) acc (cons (car l) acc))))))

(define (append* l . lss) (apply apply append l lss))

(define (mk-min less? name f xs)
  (unless (proc1? f) (raise-argument-error name "(any/c . -> . real?)" 0 f xs))
  (unless (and (list? xs) (pair? xs)) (raise-argument-error name "(and/c list? (not/c empty?))" 1 f xs))
  (let ([init (f (car xs))])
    (unless (real? init) (%raise-result-error name "real?" init))
    (let loop ([best (car xs)] [bv init] [xs (cdr xs)])
      (if (null? xs)
          best
          (let ([v (f (car xs))])
            (unless (real? v) (%raise-result-error name "real?" v))
            (if (less? v bv) (loop (car xs) v (cdr xs)) (loop best bv (cdr xs))))))))

(define (argmin f xs) (mk-min < 'argmin f xs))

(define (argmax f xs) (mk-min > 'argmax f xs))

(define (list-update l i f)
  (unless (list? l) (raise-argument-error 'list-update "list?" 0 l i f))
  (unless (exact-nonnegative-integer? i) (raise-argument-error 'list-update "exact-nonnegative-integer?" 1 l i f))
  (unless (proc1? f) (raise-argument-error 'list-update "(-> any/c any/c)" 2 l i f))
  (let loop ([l l] [i i] [acc '()])
    (if (zero? i)
        (append (reverse acc) (cons (f (car l)) (cdr l)))
        (let ([x (car l)]) (loop (cdr l) (sub1 i) (cons x acc))))))

(define (index-of ls v [=? equal?])
  (unless (list? ls) (raise-argument-error 'index-of "list?" 0 ls v))
  (unless (proc2? =?) (raise-argument-error 'index-of "(-> any/c any/c any/c)" 2 ls v =?))
  (let loop ([ls ls] [i 0])
    (cond [(null? ls) #f] [(=? (car ls) v) i] [else (loop (cdr ls) (add1 i))])))

(define (index-where ls f)
  (unless (list? ls) (raise-argument-error 'index-where "list?" 0 ls f))
  (unless (proc1? f) (raise-argument-error 'index-where "(-> any/c any/c)" 1 ls f))
  (let loop ([ls ls] [i 0])
    (cond [(null? ls) #f] [(f (car ls)) i] [else (loop (cdr ls) (add1 i))])))

(define (indexes-of ls v [=? equal?])
  (unless (list? ls) (raise-argument-error 'indexes-of "list?" 0 ls v))
  (unless (proc2? =?) (raise-argument-error 'indexes-of "(-> any/c any/c any/c)" 2 ls v =?))
  (let loop ([ls ls] [i 0] [acc '()])
    (cond [(null? ls) (reverse acc)]
          [(=? (car ls) v) (loop (cdr ls) (add1 i) (cons i acc))]
          [else (loop (cdr ls) (add1 i) acc)])))

(define (indexes-where ls f)
  (unless (list? ls) (raise-argument-error 'indexes-where "list?" 0 ls f))
  (unless (proc1? f) (raise-argument-error 'indexes-where "(-> any/c any/c)" 1 ls f))
  (let loop ([ls ls] [i 0] [acc '()])
    (cond [(null? ls) (reverse acc)]
          [(f (car ls)) (loop (cdr ls) (add1 i) (cons i acc))]
          [else (loop (cdr ls) (add1 i) acc)])))

(define (takef l pred)
  (unless (procedure? pred) (raise-argument-error 'takef "procedure?" 1 l pred))
  (let loop ([l l] [acc '()])
    (if (and (pair? l) (pred (car l))) (loop (cdr l) (cons (car l) acc)) (reverse acc))))

(define (dropf l pred)
  (unless (procedure? pred) (raise-argument-error 'dropf "procedure?" 1 l pred))
  (let loop ([l l])
    (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))

(define (splitf-at l pred)
  (unless (procedure? pred) (raise-argument-error 'splitf-at "procedure?" 1 l pred))
  (let loop ([l l] [acc '()])
    (if (and (pair? l) (pred (car l))) (loop (cdr l) (cons (car l) acc)) (values (reverse acc) l))))

(define (count-from-right who l pred)
  (unless (procedure? pred) (raise-argument-error who "procedure?" 1 l pred))
  (let loop ([l l] [rev '()] [n 0])
    (if (pair? l)
        (loop (cdr l) (cons (car l) rev) (add1 n))
        (let loop ([n n] [l rev])
          (if (and (pair? l) (pred (car l))) (loop (sub1 n) (cdr l)) n)))))

(define (takef-right l pred) (%drop l (count-from-right 'takef-right l pred)))

(define (dropf-right l pred) (%take l (count-from-right 'dropf-right l pred)))

(define (splitf-at-right l pred) (%split-at l (count-from-right 'splitf-at-right l pred)))

(define (list-prefix? ls rs [same? equal?])
  (unless (list? ls) (raise-argument-error 'list-prefix? "list?" 0 ls rs))
  (unless (list? rs) (raise-argument-error 'list-prefix? "list?" 1 ls rs))
  (unless (proc2? same?) (raise-argument-error 'list-prefix? "(any/c any/c . -> . any/c)" 2 ls rs same?))
  (let loop ([ls ls] [rs rs])
    (or (null? ls) (and (pair? rs) (same? (car ls) (car rs)) (loop (cdr ls) (cdr rs))))))

(define (split-common-prefix* as bs same? name)
  (unless (list? as) (raise-argument-error name "list?" 0 as bs))
  (unless (list? bs) (raise-argument-error name "list?" 1 as bs))
  (unless (proc2? same?) (raise-argument-error name "(any/c any/c . -> . any/c)" 2 as bs same?))
  (let loop ([as as] [bs bs] [acc '()])
    (if (and (pair? as) (pair? bs) (same? (car as) (car bs)))
        (loop (cdr as) (cdr bs) (cons (car as) acc))
        (values (reverse acc) as bs))))

(define (split-common-prefix as bs [same? equal?]) (split-common-prefix* as bs same? 'split-common-prefix))

(define (take-common-prefix as bs [same? equal?])
  (let-values ([(p a b) (split-common-prefix* as bs same? 'take-common-prefix)]) p))

(define (drop-common-prefix as bs [same? equal?])
  (let-values ([(p a b) (split-common-prefix* as bs same? 'drop-common-prefix)]) (values a b)))

(define (add-between l x #:splice? [splice? #f] #:before-first [before-first '()]
                     #:before-last [before-last x] #:after-last [after-last '()])
  (%add-between l x splice? before-first before-last after-last))

(define (remove-duplicates l [=? equal?] #:key [key #f])
  (unless (list? l) (raise-argument-error 'remove-duplicates "list?" l))
  (let ([kind (hash-equivalence =?)])
    (cond
      [(or (null? l) (null? (cdr l))) l]
      [kind
        (%remove-duplicates/keys l (if key (map key l) l) kind)]
      [else
        (let ([key (or key (lambda (x) x))])
          (let loop ([l l] [seen '()] [acc '()])
            (if (null? l)
                (reverse acc)
                (let ([k (key (car l))])
                  (if (ormap (lambda (y) (=? k y)) seen)
                      (loop (cdr l) seen acc)
                      (loop (cdr l) (cons k seen) (cons (car l) acc)))))))])))

(define (check-duplicates items [same? equal?] #:key [key values] #:default [failure-result (lambda () #f)])
  (unless (list? items) (raise-argument-error 'check-duplicates "list?" 0 items))
  (unless (proc1? key) (raise-argument-error 'check-duplicates "(-> any/c any/c)" key))
  (let ([fail-k (if (procedure? failure-result) failure-result (lambda () failure-result))]
        [kind (hash-equivalence same?)])
    (cond [kind
           (let ([i (%duplicate-index (if (eq? key values) items (map key items)) kind)])
             (if i (list-ref items i) (fail-k)))]
          [else
           (unless (proc2? same?)
             (raise-argument-error 'check-duplicates "(any/c any/c . -> . any/c)" 1 items same?))
           (let loop ([items items] [sofar '()])
             (if (pair? items)
                 (let ([k (key (car items))])
                   (if (ormap (lambda (prev) (same? k prev)) sofar)
                       (car items)
                       (loop (cdr items) (cons k sofar))))
                 (fail-k)))])))

(define (group-by key l [=? equal?])
  (unless (proc1? key) (raise-argument-error 'group-by "(-> any/c any/c)" 0 key l))
  (unless (proc2? =?) (raise-argument-error 'group-by "(any/c any/c . -> . any/c)" 2 key l =?))
  (unless (list? l) (raise-argument-error 'group-by "list?" 1 key l))
  ;; Classes in order of first appearance, each in list order.
  (let ([kind (hash-equivalence =?)])
    (if kind
        (let ([index (cond [(eq? kind 'eq) (make-hasheq)] [(eq? kind 'eqv) (make-hasheqv)] [else (make-hash)])])
          ;; each class is a box holding its elements, newest first
          (let loop ([l l] [classes '()])
            (if (null? l)
                (map (lambda (b) (reverse (unbox b))) (reverse classes))
                (let* ([k (key (car l))] [cell (hash-ref index k #f)])
                  (if cell
                      (begin (set-box! cell (cons (car l) (unbox cell))) (loop (cdr l) classes))
                      (let ([b (box (list (car l)))])
                        (hash-set! index k b)
                        (loop (cdr l) (cons b classes))))))))
        (let loop ([l l] [classes '()])
          (if (null? l)
              (map (lambda (c) (reverse (mcdr c))) (reverse classes))
              (let* ([k (key (car l))]
                     [c (let find ([cs classes]) (cond [(null? cs) #f] [(=? (mcar (car cs)) k) (car cs)] [else (find (cdr cs))]))])
                (if c
                    (begin (set-mcdr! c (cons (car l) (mcdr c))) (loop (cdr l) classes))
                    (loop (cdr l) (cons (mcons k (list (car l))) classes)))))))))

(define (remf f ls)
  (unless (list? ls) (raise-argument-error 'remf "list?" 1 f ls))
  (unless (proc1? f) (raise-argument-error 'remf "(-> any/c any/c)" 0 f ls))
  (let loop ([l ls] [acc '()])
    (cond [(null? l) ls]
          [(f (car l)) (append (reverse acc) (cdr l))]
          [else (loop (cdr l) (cons (car l) acc))])))

(define (remf* f ls)
  (unless (list? ls) (raise-argument-error 'remf* "list?" 1 f ls))
  (unless (proc1? f) (raise-argument-error 'remf* "(-> any/c any/c)" 0 f ls))
  (let loop ([l ls] [acc '()])
    (cond [(null? l) (reverse acc)]
          [(f (car l)) (loop (cdr l) acc)]
          [else (loop (cdr l) (cons (car l) acc))])))
