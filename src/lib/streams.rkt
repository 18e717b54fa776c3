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
;; anything, and remembers it.
(define (stream-filter f s)
  (check-procedure 'stream-filter f)
  (check-stream 'stream-filter s)
  (if (%stream-empty? s)
      %empty-stream
      (let ([found #f] [done? #f])
        (define (force!)
          (unless done?
            (let loop ([s s])
              (cond [(%stream-empty? s) (set! found #f)]
                    [(call-with-values (lambda () (%stream-first s)) f) (set! found s)]
                    [else (loop (%stream-rest s))]))
            (set! done? #t)))
        (%make-do-stream (lambda () (force!) (not found))
                         (lambda () (force!) (%stream-first found))
                         (lambda () (force!) (stream-filter f (%stream-rest found)))))))

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
(define (streams-append-lazily s more)
  (if (%stream-empty? s)
      (more)
      (%make-do-stream (lambda () #f)
                       (lambda () (%stream-first s))
                       (lambda () (streams-append-lazily (%stream-rest s) more)))))
