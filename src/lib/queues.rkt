#lang racket/base
;; data/queue's procedures that call procedures or make sequences (the
;; queues themselves are prims/queues.ts).

(provide (rename-out [queue-filter! data/queue:queue-filter!]
                     [in-queue data/queue:in-queue]))

(define (queue-filter! q keep?)
  (unless (%queue? q) (raise-argument-error 'queue-filter! "queue?" q))
  (unless (procedure? keep?) (raise-argument-error 'queue-filter! "a procedure" keep?))
  (%queue-set-list! q (filter keep? (%queue->list q))))

;; The queue's elements from front to back, as they are when the sequence starts.
(define (in-queue q)
  (unless (%queue? q) (raise-argument-error 'in-queue "queue?" q))
  (make-do-sequence (lambda () (values car cdr (%queue->list q) pair? #f #f))))
