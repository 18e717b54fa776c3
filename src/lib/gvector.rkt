#lang racket/base
;; data/gvector: growable vectors. A gvector is a structure (its type made
;; on first use: library definitions are values) holding a vector and a
;; count; it is a dictionary with natural-number keys, a sequence, equal?
;; to a gvector with equal elements, and prints as (gvector elem ...). The
;; argument checks give the messages of gvector.rkt's contracts.
;; for/gvector and for*/gvector are macros/gvector-forms.ts.

(provide (rename-out [gvector data/gvector:gvector]
                     [gvector? data/gvector:gvector?]
                     [make-gvector data/gvector:make-gvector]
                     [gvector-ref data/gvector:gvector-ref]
                     [gvector-set! data/gvector:gvector-set!]
                     [gvector-add! data/gvector:gvector-add!]
                     [gvector-insert! data/gvector:gvector-insert!]
                     [gvector-remove! data/gvector:gvector-remove!]
                     [gvector-remove-last! data/gvector:gvector-remove-last!]
                     [gvector-count data/gvector:gvector-count]
                     [gvector->vector data/gvector:gvector->vector]
                     [gvector->list data/gvector:gvector->list]
                     [vector->gvector data/gvector:vector->gvector]
                     [list->gvector data/gvector:list->gvector]
                     [in-gvector data/gvector:in-gvector]))

(define gvector-contracts
  '((make-gvector "(->*\n       ()\n       (#:capacity exact-positive-integer?)\n       gvector?)" "284:2")
    (gvector-ref "(->* (gvector? natural?) (any/c) any)" "286:2")
    (gvector-set! "(-> gvector? natural? any/c any)" "288:2")
    (gvector-add! "(->* (gvector?) #:rest any/c any)" "290:2")
    (gvector-insert! "(-> gvector? natural? any/c any)" "292:2")
    (gvector-remove! "(-> gvector? natural? any)" "294:2")
    (gvector-remove-last! "(-> gvector? any)" "296:2")
    (gvector-count "(-> gvector? any)" "298:2")
    (gvector->vector "(-> gvector? vector?)" "300:2")
    (gvector->list "(-> gvector? (listof any/c))" "302:2")
    (vector->gvector "(-> vector? gvector?)" "304:2")
    (list->gvector "(-> (listof any/c) gvector?)" "306:2")))

(define (gvector-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

(define (gvector-contract-error who expected given pos)
  (let ([c (cdr (assq who gvector-contracts))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: ~a\n      ~a\n  contract from: \n      <pkgs>/data-lib/data/gvector.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: <pkgs>/data-lib/data/gvector.rkt:~a"
                    who expected given (if (regexp-match? #rx" " pos) pos (format "the ~a argument of" pos))
                    (car c) (gvector-blamed) (cadr c))
            (current-continuation-marks)))))

(define (gv-check who gv)
  (unless (gvector? gv) (gvector-contract-error who "gvector?" gv "1st")))

(define (gv-check-index-arg who i)
  (unless (exact-nonnegative-integer? i) (gvector-contract-error who "natural?" i "2nd")))

;; The structure type's constructor, predicate, accessor and mutator.
(define gvector-type (box #f))
(define (gv-ops)
  (or (unbox gvector-type)
      (let-values ([(type make ? ref set)
                    (make-struct-type
                     'gvector #f 2 0 #f
                     (list (cons prop:custom-write gvector-write)
                           (cons prop:equal+hash (list gvector-equal? gvector-hash gvector-hash))
                           (cons prop:sequence (lambda (gv) (in-gvector gv)))
                           (cons %prop:gen:dict
                                 (list->vector
                                  (append (list gvector-ref gvector-set! #f gvector-remove! #f gvector-count
                                                gvector-iterate-first gvector-iterate-next gvector-iterate-key
                                                gvector-iterate-value)
                                          (build-list 16 (lambda (i) #f)))))))])
        (set-box! gvector-type (vector make ? ref set))
        (unbox gvector-type))))

(define (gv-make vec n) ((vector-ref (gv-ops) 0) vec n))
(define (gvector? v) ((vector-ref (gv-ops) 1) v))
(define (gv-vec gv) ((vector-ref (gv-ops) 2) gv 0))
(define (gv-n gv) ((vector-ref (gv-ops) 2) gv 1))
(define (gv-set-vec! gv v) ((vector-ref (gv-ops) 3) gv 0 v))
(define (gv-set-n! gv n) ((vector-ref (gv-ops) 3) gv 1 n))

;; As make-constructor-style-printer: (gvector e ...) when printing as an
;; expression outside a quoted value, else #<gvector: e ...>.
(define (gvector-write gv port mode)
  (let ([items (gvector->list gv)])
    (if (and (eqv? mode 0) (print-as-expression))
        (begin (write-string "(gvector" port)
               (for-each (lambda (x) (write-string " " port) (print x port 0)) items)
               (write-string ")" port))
        (begin (write-string "#<gvector:" port)
               (for-each (lambda (x)
                           (write-string " " port)
                           (cond [(eq? mode #t) (write x port)]
                                 [(eq? mode #f) (display x port)]
                                 [else (print x port 1)]))
                         items)
               (write-string ">" port)))))

(define (gvector-equal? a b recur)
  (let ([n (gv-n a)])
    (and (= n (gv-n b))
         (let loop ([i 0])
           (or (= i n) (and (recur (vector-ref (gv-vec a) i) (vector-ref (gv-vec b) i)) (loop (+ i 1))))))))

(define (gvector-hash gv hc)
  (let loop ([i 0] [h 1])
    (if (= i (gv-n gv)) h (loop (+ i 1) (+ h (hc (vector-ref (gv-vec gv) i)))))))

(define (gv-range-error who gv index add?)
  (let ([hi (if add? (+ 1 (gv-n gv)) (gv-n gv))])
    (raise-range-error who "gvector" "" index gv 0 (- hi 1))))

(define (gv-check-index who gv index add?)
  (unless (< index (if add? (+ 1 (gv-n gv)) (gv-n gv))) (gv-range-error who gv index add?)))

;; Room for `more` elements, doubling the capacity (at least 10) as needed.
(define (gv-reserve! gv more)
  (let* ([vec (gv-vec gv)] [need (+ (gv-n gv) more)])
    (unless (<= need (vector-length vec))
      (let ([new (make-vector (let loop ([cap (max 10 (vector-length vec))]) (if (<= need cap) cap (loop (* 2 cap)))) #f)])
        (vector-copy! new 0 vec)
        (gv-set-vec! gv new)))))

;; After removing: halves the capacity while it is at least four times the
;; count and would stay at least 10.
(define (gv-trim! gv)
  (let* ([n (gv-n gv)] [vec (gv-vec gv)] [cap (vector-length vec)]
         [new-cap (let loop ([c cap]) (if (and (>= c (* 4 n)) (>= (quotient c 2) 10)) (loop (quotient c 2)) c))])
    (when (< new-cap cap)
      (let ([new (make-vector new-cap #f)])
        (vector-copy! new 0 vec 0 n)
        (gv-set-vec! gv new)))))

(define (make-gvector #:capacity [capacity 10])
  (unless (exact-positive-integer? capacity)
    (gvector-contract-error 'make-gvector "exact-positive-integer?" capacity "the #:capacity argument of"))
  (gv-make (make-vector capacity #f) 0))

(define (gvector . items)
  (let ([gv (make-gvector)])
    (apply gvector-add! gv items)
    gv))

(define (gvector-add! gv . items)
  (gv-check 'gvector-add! gv)
  (gv-reserve! gv (length items))
  (let loop ([items items] [i (gv-n gv)])
    (if (null? items)
        (gv-set-n! gv i)
        (begin (vector-set! (gv-vec gv) i (car items)) (loop (cdr items) (+ i 1))))))

(define (gvector-insert! gv index item)
  (gv-check 'gvector-insert! gv)
  (gv-check-index-arg 'gvector-insert! index)
  (gv-check-index 'gvector-insert! gv index #t)
  (gv-reserve! gv 1)
  (let ([vec (gv-vec gv)] [n (gv-n gv)])
    (vector-copy! vec (+ index 1) vec index n)
    (vector-set! vec index item)
    (gv-set-n! gv (+ n 1))))

(define (gvector-remove! gv index)
  (gv-check 'gvector-remove! gv)
  (gv-check-index-arg 'gvector-remove! index)
  (gv-check-index 'gvector-remove! gv index #f)
  (let ([vec (gv-vec gv)] [n (gv-n gv)])
    (vector-copy! vec index vec (+ index 1) n)
    (vector-set! vec (- n 1) #f)
    (gv-set-n! gv (- n 1))
    (gv-trim! gv)))

(define (gvector-remove-last! gv)
  (gv-check 'gvector-remove-last! gv)
  (let ([n (gv-n gv)])
    (unless (> n 0) (error 'gvector-remove-last! "empty"))
    (let ([last (vector-ref (gv-vec gv) (- n 1))])
      (gvector-remove! gv (- n 1))
      last)))

(define (gvector-count gv)
  (gv-check 'gvector-count gv)
  (gv-n gv))

(define gvector-none (string->uninterned-symbol "none"))

(define (gvector-ref gv index [default gvector-none])
  (gv-check 'gvector-ref gv)
  (gv-check-index-arg 'gvector-ref index)
  (cond [(< index (gv-n gv)) (vector-ref (gv-vec gv) index)]
        [(eq? default gvector-none) (gv-range-error 'gvector-ref gv index #f)]
        [(procedure? default) (default)]
        [else default]))

;; Setting the index just past the end adds.
(define (gvector-set! gv index item)
  (gv-check 'gvector-set! gv)
  (gv-check-index-arg 'gvector-set! index)
  (gv-check-index 'gvector-set! gv index #t)
  (if (= index (gv-n gv))
      (gvector-add! gv item)
      (vector-set! (gv-vec gv) index item)))

(define (gvector->vector gv)
  (gv-check 'gvector->vector gv)
  (let ([out (make-vector (gv-n gv))])
    (vector-copy! out 0 (gv-vec gv) 0 (gv-n gv))
    out))

(define (gvector->list gv)
  (gv-check 'gvector->list gv)
  (vector->list (gvector->vector gv)))

(define (vector->gvector v)
  (unless (vector? v) (gvector-contract-error 'vector->gvector "vector?" v "1st"))
  (let* ([n (vector-length v)] [vec (make-vector (max n 1) #f)])
    (vector-copy! vec 0 v)
    (gv-make vec n)))

(define (list->gvector l)
  (unless (list? l) (gvector-contract-error 'list->gvector "list?" l "1st"))
  (vector->gvector (list->vector l)))

(define (gvector-iterate-first gv) (and (positive? (gv-n gv)) 0))
(define (gvector-iterate-next gv i)
  (gv-check-index 'gvector-iterate-next gv i #f)
  (and (< (+ i 1) (gv-n gv)) (+ i 1)))
(define (gvector-iterate-key gv i)
  (gv-check-index 'gvector-iterate-key gv i #f)
  i)
(define (gvector-iterate-value gv i)
  (gv-check-index 'gvector-iterate-value gv i #f)
  (gvector-ref gv i))

;; The elements, read as the sequence reaches them (the gvector may grow).
(define (in-gvector gv)
  (unless (gvector? gv) (raise-type-error 'in-gvector "gvector" gv))
  (make-do-sequence
   (lambda ()
     (values (lambda (i) (vector-ref (gv-vec gv) i))
             (lambda (i) (+ i 1))
             0
             (lambda (i) (< i (gv-n gv)))
             #f #f))))
