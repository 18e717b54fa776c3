#lang racket/base
;; Thread cells: per-thread values, preserved cells, snapshots.

(define-syntax-rule (try e)
  (with-handlers ([(lambda (x) #t) (lambda (x) (displayln (if (exn? x) (exn-message x) x)))])
    (println e)))

(define ch (make-channel))
(define plain (make-thread-cell 1))
(define kept (make-thread-cell 1 #t))
(try plain)
(try (thread-cell? plain))
(try (thread-cell? 1))
(try (thread-cell-ref plain))
(thread-cell-set! plain 2)
(thread-cell-set! kept 2)
(try (list (thread-cell-ref plain) (thread-cell-ref kept)))
;; A new thread sees the default of a plain cell and its creator's value of a preserved one.
(thread (lambda () (channel-put ch (list (thread-cell-ref plain) (thread-cell-ref kept)))))
(try (channel-get ch))
;; What a thread sets stays in that thread.
(thread (lambda () (thread-cell-set! kept 10) (channel-put ch (thread-cell-ref kept))))
(try (channel-get ch))
(try (thread-cell-ref kept))

;; Snapshots of preserved cells.
(define snap (current-preserved-thread-cell-values))
(try snap)
(try (thread-cell-values? snap))
(try (thread-cell-values? kept))
(thread-cell-set! kept 3)
(define later (make-thread-cell 'initial #t))
(thread-cell-set! later 'changed)
(current-preserved-thread-cell-values snap)
(try (list (thread-cell-ref kept) (thread-cell-ref later)))
;; Parameters' values are preserved cells too.
(define p (make-parameter 'a))
(p 'b)
(define snap2 (current-preserved-thread-cell-values))
(p 'c)
(current-preserved-thread-cell-values snap2)
(try (p))
(parameterize ([p 'in])
  (thread (lambda () (channel-put ch (p)))))
(try (channel-get ch))

(try (thread-cell-ref 1))
(try (thread-cell-set! 1 2))
(try (current-preserved-thread-cell-values 1))
(try (make-thread-cell))
