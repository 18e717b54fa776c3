#lang racket/base
;; gen:stream and prop:stream: structures as streams, in for loops and the
;; stream procedures, and the property's guard.
(require racket/stream)
(define (try th)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))])
    (call-with-values th (lambda vs (for-each println vs)))))

(struct countdown (n)
  #:methods gen:stream
  [(define (stream-empty? s) (zero? (countdown-n s)))
   (define (stream-first s) (countdown-n s))
   (define (stream-rest s) (countdown (sub1 (countdown-n s))))])
(try (lambda () (countdown 3)))
(try (lambda () (stream? (countdown 3))))
(try (lambda () (sequence? (countdown 3))))
(try (lambda () (stream->list (countdown 3))))
(try (lambda () (for/list ([x (countdown 3)]) x)))
(try (lambda () (for/list ([x (in-stream (countdown 2))]) x)))
(try (lambda () (stream->list (stream-map add1 (countdown 3)))))
(try (lambda () (stream-ref (countdown 5) 1)))
(try (lambda () (stream-first (countdown 0))))

(struct bad-rest ()
  #:property prop:stream (vector (lambda (s) #f) (lambda (s) 1) (lambda (s) 5)))
(try (lambda () (stream-rest (bad-rest))))
(try (lambda () (stream-first (bad-rest))))
(try (lambda () (struct bad () #:property prop:stream 5) 1))
(try (lambda () (struct bad () #:property prop:stream (vector 1 2 3)) 1))
