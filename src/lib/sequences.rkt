#lang racket/base
;; Sequences made of procedures (see ProcSequence in prims/sequences.ts):
;; in-indexed, in-parallel, in-sequences, in-cycle and in-producer, built on
;; the start/more/value/next procedures of the sequences they combine.

(provide in-indexed in-parallel in-sequences in-cycle in-producer stop-before stop-after)

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

;; The position is the value the producer just returned.
(define (in-producer producer . stop+args)
  (if (null? stop+args)
      (%make-proc-sequence producer (lambda (v) #t) (lambda (v) v) (lambda (v) (producer)))
      (let* ([stop (car stop+args)]
             [args (cdr stop+args)]
             [produce (lambda () (apply producer args))]
             [stop? (if (procedure? stop) stop (lambda (v) (eq? v stop)))])
        (%make-proc-sequence produce (lambda (v) (not (stop? v))) (lambda (v) v) (lambda (v) (produce))))))

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
