#lang racket/base
;; Sequences made of procedures (see ProcSequence in prims/sequences.ts):
;; in-indexed, in-parallel, in-sequences, in-cycle and in-producer, built on
;; the start/more/value/next procedures of the sequences they combine.

(provide in-indexed in-parallel in-sequences in-cycle in-producer
         make-do-sequence in-mlist in-values-sequence in-values*-sequence
         sequence-generate sequence-generate* stop-before stop-after
         sequence->stream)

(define (sequence-procedures who s)
  (unless (sequence? s) (raise-argument-error who "sequence?" s))
  (let ([q (%make-sequence '() s)])
    (vector (%sequence-start-proc q) (%sequence-more-proc q) (%sequence-value-proc q) (%sequence-next-proc q))))

(define (in-indexed s)
  (let ([p (sequence-procedures 'in-indexed s)])
    (%make-proc-sequence
     (lambda () (cons ((vector-ref p 0)) 0))
     (lambda (pos) ((vector-ref p 1) (car pos)))
     (lambda (pos) (values ((vector-ref p 2) (car pos)) (cdr pos)))
     (lambda (pos) (cons ((vector-ref p 3) (car pos)) (add1 (cdr pos)))))))

(define (in-parallel . ss)
  (let ([ps (map (lambda (s) (sequence-procedures 'in-parallel s)) ss)])
    (%make-proc-sequence
     (lambda () (map (lambda (p) ((vector-ref p 0))) ps))
     (lambda (pos) (andmap (lambda (p x) ((vector-ref p 1) x)) ps pos))
     (lambda (pos) (apply values (map (lambda (p x) ((vector-ref p 2) x)) ps pos)))
     (lambda (pos) (map (lambda (p x) ((vector-ref p 3) x)) ps pos)))))

;; A position of in-sequences and in-cycle is (index . inner position),
;; always moved on to a sequence that has an element; index n means done.
(define (concatenated-sequence who ss cycle?)
  (let* ([ps (list->vector (map (lambda (s) (sequence-procedures who s)) ss))]
         [n (vector-length ps)]
         [start-of (lambda (i) ((vector-ref (vector-ref ps i) 0)))])
    (define (settle i pos tried)
      (cond [((vector-ref (vector-ref ps i) 1) pos) (cons i pos)]
            [(and cycle? (< tried n))
             (let ([j (modulo (add1 i) n)]) (settle j (start-of j) (add1 tried)))]
            [(and (not cycle?) (< (add1 i) n)) (settle (add1 i) (start-of (add1 i)) 0)]
            [else (cons n #f)]))
    (%make-proc-sequence
     (lambda () (if (zero? n) (cons 0 #f) (settle 0 (start-of 0) 0)))
     (lambda (pos) (< (car pos) n))
     (lambda (pos) ((vector-ref (vector-ref ps (car pos)) 2) (cdr pos)))
     (lambda (pos) (settle (car pos) ((vector-ref (vector-ref ps (car pos)) 3) (cdr pos)) 0)))))

(define (in-sequences . ss) (concatenated-sequence 'in-sequences ss #f))

(define (in-cycle . ss) (concatenated-sequence 'in-cycle ss #t))

;; The position is the list of the values the producer just returned (a
;; producer may return several, and a stop procedure then takes them all).
(define (in-producer producer . stop+args)
  (if (null? stop+args)
      (let ([produce (lambda () (call-with-values producer list))])
        (%make-proc-sequence produce (lambda (vs) #t) (lambda (vs) (apply values vs)) (lambda (vs) (produce))))
      (let* ([stop (car stop+args)]
             [args (cdr stop+args)]
             [produce (lambda () (call-with-values (lambda () (apply producer args)) list))]
             [stop? (if (procedure? stop)
                        (lambda (vs) (apply stop vs))
                        (lambda (vs) (and (pair? vs) (null? (cdr vs)) (eq? (car vs) stop))))])
        (%make-proc-sequence produce (lambda (vs) (not (stop? vs))) (lambda (vs) (apply values vs)) (lambda (vs) (produce))))))

;; make-do-sequence: the thunk gives pos->element, an optional early-next-pos
;; (7 values), next-pos, the initial position, and three guards, each #f for
;; "always". A position here is a mutable vector: the user's position, then,
;; once the more? step has run, the element values and the position
;; early-next-pos made of it, and whether the loop stops after this element.
(define (make-do-sequence thunk)
  (%make-proc-sequence
   (lambda ()
     (let-values ([(parts) (call-with-values thunk list)])
       (let-values ([(pos->element early-next next initial pos-ok? val-ok? after-ok?)
                     (if (= (length parts) 7)
                         (apply values parts)
                         (let-values ([(e n i p v a) (apply values parts)])
                           (values e #f n i p v a)))])
         (vector initial #f #f #f
                 (vector pos->element early-next next pos-ok? val-ok? after-ok?)))))
   (lambda (st)
     (let ([procs (vector-ref st 4)] [pos (vector-ref st 0)])
       (and (not (vector-ref st 3))
            (or (not (vector-ref procs 3)) ((vector-ref procs 3) pos))
            (let ([vals (call-with-values (lambda () ((vector-ref procs 0) pos)) list)])
              (and (or (not (vector-ref procs 4)) (apply (vector-ref procs 4) vals))
                   (begin
                     (vector-set! st 1 vals)
                     (vector-set! st 2 (if (vector-ref procs 1) ((vector-ref procs 1) pos) pos))
                     #t))))))
   (lambda (st) (apply values (vector-ref st 1)))
   (lambda (st)
     (let* ([procs (vector-ref st 4)]
            [stop? (and (vector-ref procs 5)
                        (not (apply (vector-ref procs 5) (vector-ref st 0) (vector-ref st 1))))])
       (vector (if stop? (vector-ref st 2) ((vector-ref procs 2) (vector-ref st 2))) #f #f stop? procs)))))

(define (in-mlist l)
  (unless (or (mpair? l) (null? l)) (raise-argument-error 'in-mlist "(or/c mpair? null)" l))
  (%make-proc-sequence (lambda () l) mpair? mcar mcdr))

;; The element values of a sequence as one list (in-values-sequence), or as
;; the value itself when there is exactly one (in-values*-sequence).
(define (values-sequence who s one)
  (%make-proc-sequence
   (lambda ()
     (let ([p (sequence-procedures who s)])
       (cons p ((vector-ref p 0)))))
   (lambda (pos) ((vector-ref (car pos) 1) (cdr pos)))
   (lambda (pos)
     (let ([vals (call-with-values (lambda () ((vector-ref (car pos) 2) (cdr pos))) list)])
       (if (and one (= (length vals) 1)) (car vals) vals)))
   (lambda (pos) (cons (car pos) ((vector-ref (car pos) 3) (cdr pos))))))

(define (in-values-sequence s) (values-sequence 'in-values-sequence s #f))
(define (in-values*-sequence s) (values-sequence 'in-values*-sequence s #t))

(define (no-more-values)
  (raise (make-exn:fail:contract "sequence has no more values" (current-continuation-marks))))

;; sequence-generate: a more? thunk and a thunk for the next element(s).
(define (sequence-generate s)
  (let* ([p (sequence-procedures 'sequence-generate s)]
         [pos ((vector-ref p 0))])
    (values (lambda () (and ((vector-ref p 1) pos) #t))
            (lambda ()
              (unless ((vector-ref p 1) pos) (no-more-values))
              (let ([here pos])
                (set! pos ((vector-ref p 3) here))
                ((vector-ref p 2) here))))))

;; sequence-generate*: the first element's values as a list (#f at the end)
;; and a thunk that answers the same pair for the rest.
(define (sequence-generate* s)
  (let ([p (sequence-procedures 'sequence-generate* s)])
    (let gen ([pos ((vector-ref p 0))])
      (if ((vector-ref p 1) pos)
          (values (call-with-values (lambda () ((vector-ref p 2) pos)) list)
                  (lambda () (gen ((vector-ref p 3) pos))))
          (values #f no-more-values)))))

;; stop-before and stop-after test each element with pred. A position is a
;; mutable pair of the inner position and that element's values (#f until
;; computed), so that each element is produced once.
(define (checked-stopping who s pred)
  (let ([p (sequence-procedures who s)])
    (unless (and (procedure? pred) (procedure-arity-includes? pred 1))
      (raise-argument-error who "(procedure-arity-includes/c 1)" pred))
    p))

(define (element-values p pos)
  (or (mcdr pos)
      (let ([vals (call-with-values (lambda () ((vector-ref p 2) (mcar pos))) list)])
        (set-mcdr! pos vals)
        vals)))

(define (stop-before s pred)
  (let ([p (checked-stopping 'stop-before s pred)])
    (%make-proc-sequence
     (lambda () (mcons ((vector-ref p 0)) #f))
     (lambda (pos) (and ((vector-ref p 1) (mcar pos)) (not (apply pred (element-values p pos)))))
     (lambda (pos) (apply values (element-values p pos)))
     (lambda (pos) (mcons ((vector-ref p 3) (mcar pos)) #f)))))

;; After an element pred accepts, the position is 'done.
(define (stop-after s pred)
  (let ([p (checked-stopping 'stop-after s pred)])
    (%make-proc-sequence
     (lambda () (mcons ((vector-ref p 0)) #f))
     (lambda (pos) (and (mpair? pos) ((vector-ref p 1) (mcar pos))))
     (lambda (pos) (apply values (element-values p pos)))
     (lambda (pos) (if (apply pred (element-values p pos)) 'done (mcons ((vector-ref p 3) (mcar pos)) #f))))))
;; sequence->stream: a list or stream as it is; any other sequence as a
;; stream whose elements are each produced once, when first reached (the
;; sequence itself is started at once).
(define (sequence->stream s)
  (if (%stream? s)
      s
      (let ([p (sequence-procedures 'sequence-generate s)])
        (define (from pos)
          (let ([forced? #f] [vals #f] [rest #f])
            (define (force!)
              (unless forced?
                (when ((vector-ref p 1) pos)
                  (set! vals (call-with-values (lambda () ((vector-ref p 2) pos)) list)))
                (set! forced? #t)))
            (%make-do-stream (lambda () (force!) (not vals))
                             (lambda () (force!) (apply values vals))
                             (lambda ()
                               (force!)
                               (unless rest (set! rest (from ((vector-ref p 3) pos))))
                               rest))))
        (from ((vector-ref p 0))))))
