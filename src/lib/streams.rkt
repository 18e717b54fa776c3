#lang racket/base
;; racket/stream's procedures over the stream protocol of
;; prims/stream-protocol.ts. The streams they return are do-streams (three
;; thunks: empty?, first, rest), which, as Racket's, remember nothing: a
;; first or rest asked twice is computed twice.

(provide (rename-out [stream->list racket/stream:stream->list]
                     [stream-length racket/stream:stream-length]
                     [stream-ref racket/stream:stream-ref]
                     [stream-tail racket/stream:stream-tail]
                     [stream-take racket/stream:stream-take]
                     [stream-append racket/stream:stream-append]
                     [stream-map racket/stream:stream-map]
                     [stream-andmap racket/stream:stream-andmap]
                     [stream-ormap racket/stream:stream-ormap]
                     [stream-for-each racket/stream:stream-for-each]
                     [stream-fold racket/stream:stream-fold]
                     [stream-filter racket/stream:stream-filter]
                     [stream-add-between racket/stream:stream-add-between]
                     [stream-count racket/stream:stream-count]
                     [sequence-andmap racket/sequence:sequence-andmap]
                     [sequence-ormap racket/sequence:sequence-ormap]
                     [sequence-for-each racket/sequence:sequence-for-each]
                     [sequence-fold racket/sequence:sequence-fold]
                     [sequence-count racket/sequence:sequence-count]
                     [sequence->list racket/sequence:sequence->list]
                     [sequence-length racket/sequence:sequence-length]
                     [sequence-ref racket/sequence:sequence-ref]
                     [sequence-tail racket/sequence:sequence-tail]
                     [sequence-append racket/sequence:sequence-append]
                     [sequence-map racket/sequence:sequence-map]
                     [sequence-filter racket/sequence:sequence-filter]
                     [sequence-add-between racket/sequence:sequence-add-between]
                     [in-syntax racket/sequence:in-syntax]
                     [in-slice racket/sequence:in-slice]
                     [for-stream-bind #%rkt-internal:for-stream-bind]))

(define (check-stream who s)
  (unless (%stream? s) (raise-argument-error who "stream?" s)))

(define (check-procedure who f)
  (unless (procedure? f) (raise-argument-error who "procedure?" f)))

(define (check-index who i)
  (unless (exact-nonnegative-integer? i) (raise-argument-error who "exact-nonnegative-integer?" i)))

(define (ended who i)
  (raise-arguments-error who "stream ended before index" "index" i))

(define (stream->list s)
  (unless (%stream? s) (raise-argument-error 'in-stream "stream?" s))
  (let loop ([s s] [acc '()])
    (if (%stream-empty? s)
        (reverse acc)
        (loop (%stream-rest s) (cons (%stream-first s) acc)))))

(define (stream-length s)
  (check-stream 'stream-length s)
  (let loop ([s s] [n 0])
    (if (%stream-empty? s) n (loop (%stream-rest s) (add1 n)))))

(define (stream-ref s i)
  (check-stream 'stream-ref s)
  (check-index 'stream-ref i)
  (let loop ([s s] [n i])
    (cond [(%stream-empty? s) (ended 'stream-ref i)]
          [(zero? n) (%stream-first s)]
          [else (loop (%stream-rest s) (sub1 n))])))

(define (stream-tail s i)
  (check-stream 'stream-tail s)
  (check-index 'stream-tail i)
  (let loop ([s s] [n i])
    (cond [(zero? n) s]
          [(%stream-empty? s) (ended 'stream-tail i)]
          [else (loop (%stream-rest s) (sub1 n))])))

;; The end is found when the taken part is walked, not before.
(define (stream-take s i)
  (check-stream 'stream-take s)
  (check-index 'stream-take i)
  (let loop ([s s] [n i])
    (cond [(zero? n) %empty-stream]
          [(%stream-empty? s) (ended 'stream-take i)]
          [else (%make-do-stream (lambda () #f)
                                 (lambda () (%stream-first s))
                                 (lambda () (loop (%stream-rest s) (sub1 n))))])))

(define (stream-append . ss)
  (for-each (lambda (s) (check-stream 'stream-append s)) ss)
  (streams-append ss))

(define (streams-append ss)
  (cond [(null? ss) %empty-stream]
        [(null? (cdr ss)) (car ss)]
        [(%stream-empty? (car ss)) (streams-append (cdr ss))]
        [else (%make-do-stream (lambda () #f)
                               (lambda () (%stream-first (car ss)))
                               (lambda () (streams-append (cons (%stream-rest (car ss)) (cdr ss)))))]))

(define (stream-map f s)
  (check-procedure 'stream-map f)
  (check-stream 'stream-map s)
  (let loop ([s s])
    (if (%stream-empty? s)
        %empty-stream
        (%make-do-stream (lambda () #f)
                         (lambda () (call-with-values (lambda () (%stream-first s)) f))
                         (lambda () (loop (%stream-rest s)))))))

(define (stream-andmap f s)
  (check-procedure 'stream-andmap f)
  (check-stream 'stream-andmap s)
  (sequence-andmap f s))

(define (stream-ormap f s)
  (check-procedure 'stream-ormap f)
  (check-stream 'stream-ormap s)
  (sequence-ormap f s))

(define (stream-for-each f s)
  (check-procedure 'stream-for-each f)
  (check-stream 'stream-for-each s)
  (sequence-for-each f s))

(define (stream-fold f init s)
  (check-procedure 'stream-fold f)
  (check-stream 'stream-fold s)
  (sequence-fold f init s))

(define (stream-count f s)
  (check-procedure 'stream-count f)
  (check-stream 'stream-count s)
  (sequence-count f s))

;; The filtered stream looks for its first element once, when first asked
;; anything, and remembers it and the filtered rest.
(define (stream-filter f s)
  (check-procedure 'stream-filter f)
  (check-stream 'stream-filter s)
  (if (%stream-empty? s)
      %empty-stream
      (let ([found #f] [rest #f] [done? #f])
        (define (force!)
          (unless done?
            (let loop ([s s])
              (cond [(%stream-empty? s) (void)]
                    [(call-with-values (lambda () (%stream-first s)) f)
                     (set! found s)
                     (set! rest (stream-filter f (%stream-rest s)))]
                    [else (loop (%stream-rest s))]))
            (set! done? #t)))
        (%make-do-stream (lambda () (force!) (not found))
                         (lambda () (force!) (%stream-first found))
                         (lambda () (force!) rest)))))

(define (stream-add-between s e)
  (check-stream 'stream-add-between s)
  (if (%stream-empty? s)
      %empty-stream
      (%make-do-stream
       (lambda () #f)
       (lambda () (%stream-first s))
       (lambda ()
         (let loop ([s (%stream-rest s)])
           (if (%stream-empty? s)
               %empty-stream
               (%make-eager-stream #t e
                                   (%make-do-stream (lambda () #f)
                                                    (lambda () (%stream-first s))
                                                    (lambda () (loop (%stream-rest s)))))))))))

;; The sequence procedures good for streams too: each element's values go to f.
(define (check-sequence who f s)
  (check-procedure who f)
  (unless (sequence? s) (raise-argument-error who "sequence?" s)))

(define (sequence-andmap f s)
  (check-sequence 'sequence-andmap f s)
  (for/and ([vs (in-values*-sequence s)])
    (if (list? vs) (apply f vs) (f vs))))

(define (sequence-ormap f s)
  (check-sequence 'sequence-ormap f s)
  (for/or ([vs (in-values*-sequence s)])
    (if (list? vs) (apply f vs) (f vs))))

(define (sequence-for-each f s)
  (check-sequence 'sequence-for-each f s)
  (for ([vs (in-values*-sequence s)])
    (if (list? vs) (apply f vs) (f vs))))

(define (sequence-fold f init s)
  (check-sequence 'sequence-fold f s)
  (for/fold ([acc init]) ([vs (in-values*-sequence s)])
    (if (list? vs) (apply f acc vs) (f acc vs))))

(define (sequence-count f s)
  (check-sequence 'sequence-count f s)
  (for/fold ([n 0]) ([vs (in-values*-sequence s)])
    (if (if (list? vs) (apply f vs) (f vs)) (add1 n) n)))

;; racket/sequence: the sequence operations, which give a stream for a
;; stream and otherwise a sequence walked through sequence-generate*, whose
;; position is (element-values . next-thunk), element-values #f at the end.

(define (sequence->list s)
  (for/list ([v s]) v))

(define (sequence-length s)
  (unless (sequence? s) (raise-argument-error 'sequence-length "sequence?" s))
  (cond [(exact-nonnegative-integer? s) s]
        [(list? s) (length s)]
        [(vector? s) (vector-length s)]
        [(string? s) (string-length s)]
        [(bytes? s) (bytes-length s)]
        [(hash? s) (hash-count s)]
        [else (for/fold ([n 0]) ([v (in-values*-sequence s)]) (add1 n))]))

(define (sequence-ref s i)
  (unless (sequence? s) (raise-argument-error 'sequence-ref "sequence?" s))
  (check-index 'sequence-ref i)
  (let ([found (for/fold ([found #f]) ([vs (in-values*-sequence s)] [j (in-range (add1 i))] #:unless (< j i))
                 (or vs '(#f)))])
    (cond [(not found)
           (raise-arguments-error 'sequence-ref "sequence ended before index" "index" i "sequence" s)]
          [(list? found) (apply values found)]
          [else found])))

(define (generated-sequence first-position next-position)
  (make-do-sequence
   (lambda ()
     (values (lambda (pos) (apply values (car pos)))
             next-position
             (first-position)
             car
             #f
             #f))))

(define (generated-next pos)
  (let-values ([(vals next) ((cdr pos))]) (cons vals next)))

(define (sequence-tail s i)
  (unless (sequence? s) (raise-argument-error 'sequence-tail "sequence?" s))
  (check-index 'sequence-tail i)
  (cond [(zero? i) s]
        [(%stream? s) (stream-tail s i)]
        [(exact-nonnegative-integer? s) (stream-tail (in-range s) i)]
        [else
         (generated-sequence
          (lambda ()
            (let skip ([next (lambda () (sequence-generate* s))] [n i])
              (let-values ([(vals next) (next)])
                (cond [(zero? n) (cons vals next)]
                      [vals (skip next (sub1 n))]
                      [else (raise-arguments-error 'sequence-ref "sequence ended before index"
                                                   "index" i "sequence" s)]))))
          generated-next)]))

(define (sequence-append . ss)
  (cond [(null? ss) %empty-stream]
        [(andmap %stream? ss) (apply stream-append ss)]
        [else (apply in-sequences ss)]))

(define (sequence-map f s)
  (check-sequence 'sequence-map f s)
  (if (%stream? s)
      (stream-map f s)
      (make-do-sequence
       (lambda ()
         (let-values ([(vals next) (sequence-generate* s)])
           (values (lambda (pos) (apply f (car pos))) generated-next (cons vals next) car #f #f))))))

(define (sequence-filter f s)
  (check-sequence 'sequence-filter f s)
  (if (%stream? s)
      (stream-filter f s)
      (let ([keep (lambda (next)
                    (let loop ([next next])
                      (let-values ([(vals next) (next)])
                        (if (or (not vals) (apply f vals)) (cons vals next) (loop next)))))])
        (generated-sequence (lambda () (keep (lambda () (sequence-generate* s))))
                            (lambda (pos) (keep (cdr pos)))))))

;; A position is (#t . position) where `e` comes next, else (vals . next) or (#f . next) at the end.
(define (sequence-add-between s e)
  (unless (sequence? s) (raise-argument-error 'sequence-add-between "sequence?" s))
  (if (%stream? s)
      (stream-add-between s e)
      (make-do-sequence
       (lambda ()
         (let-values ([(vals next) (sequence-generate* s)])
           (values (lambda (pos) (if (eq? (car pos) #t) e (apply values (car pos))))
                   (lambda (pos)
                     (if (eq? (car pos) #t)
                         (cdr pos)
                         (let-values ([(vals next) ((cdr pos))])
                           (if vals (cons #t (cons vals next)) (cons #f next)))))
                   (cons vals next)
                   car
                   #f
                   #f))))))

;; As syntax/stx's stx->list: a syntax list's elements (#f for syntax that
;; is not a list); a list ending in a syntax list, flattened; anything else
;; as it is.
(define (stx->list e)
  (if (syntax? e)
      (syntax->list e)
      (let ([end (let loop ([l e])
                   (cond [(pair? l) (loop (cdr l))]
                         [(syntax? l) (syntax->list l)]
                         [else #f]))])
        (if end
            (let loop ([l e]) (if (pair? l) (cons (car l) (loop (cdr l))) end))
            e))))

(define (in-syntax stx)
  (or (stx->list stx) (raise-type-error 'in-syntax "stx-list" stx)))

;; in-slice's arguments are checked by a contract in Racket; this is its message.
(define (slice-contract-error v pos expected)
  (raise (make-exn:fail:contract
          (format "in-slice: contract violation\n  expected: ~a\n  given: ~e\n  in: the ~a argument of\n      (-> exact-positive-integer? sequence? any)\n  contract from: \n      <collects>/racket/sequence.rkt\n  blaming: top-level\n   (assuming the contract is correct)\n  at: <collects>/racket/sequence.rkt:32:24"
                  expected v pos)
          (current-continuation-marks))))

(define (in-slice k s)
  (unless (exact-positive-integer? k) (slice-contract-error k "1st" "exact-positive-integer?"))
  (unless (sequence? s) (slice-contract-error s "2nd" "sequence?"))
  (make-do-sequence
   (lambda ()
     (let-values ([(more? get) (sequence-generate s)])
       (values (lambda (_) (for/list ([i (in-range k)] #:when (more?)) (get)))
               values
               #f
               #f
               pair?
               #f)))))

;; for/stream's clauses, one group at a time (macros/stream-forms.ts): the
;; elements of the group's sequences (`seqs` makes them, once the stream is
;; first used), walked in parallel as streams, each element's values given
;; to `body`, which makes the stream of what the rest of the clauses give
;; for them; the result is those streams one after another, each made only
;; when it is reached.
(define (for-stream-bind seqs body)
  (%make-lazy-stream
   'for/stream
   (lambda ()
     (let loop ([ss (map sequence->stream (seqs))])
       (if (ormap %stream-empty? ss)
           %empty-stream
           (streams-append-lazily
            (apply body (apply append (map (lambda (s) (call-with-values (lambda () (%stream-first s)) list)) ss)))
            (lambda () (loop (map %stream-rest ss)))))))))

;; The stream `s`, then the stream `more` makes once `s` is used up.
;; Each part is made once (as stream-cons cells), so a body runs once.
(define (streams-append-lazily s more)
  (if (%stream-empty? s)
      (more)
      (%make-eager-stream #f
                          (lambda () (%stream-first s))
                          (%make-lazy-stream #t (lambda () (streams-append-lazily (%stream-rest s) more))))))
