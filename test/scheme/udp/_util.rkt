#lang racket/base
;; Helpers shared by the racket/udp conformance programs (not a test itself:
;; files starting with "_" are skipped). They print results and exceptions
;; in a form that does not depend on the run (ports, errno texts).
(require racket/udp)
(provide show show-kind show-line1 first-line kind-of try local-port)

;; The local port a socket is bound to.
(define (local-port s) (let-values ([(la lp ra rp) (udp-addresses s #t)]) lp))

;; The first line of a string (messages name ports on later lines).
(define (first-line s)
  (let loop ([i 0])
    (cond [(= i (string-length s)) s]
          [(char=? (string-ref s i) #\newline) (substring s 0 i)]
          [else (loop (+ i 1))])))

;; The most specific exception kind, as a symbol.
(define (kind-of e)
  (cond [(exn:fail:network:errno? e) 'exn:fail:network:errno]
        [(exn:fail:network? e) 'exn:fail:network]
        [(exn:fail:contract:arity? e) 'exn:fail:contract:arity]
        [(exn:fail:contract? e) 'exn:fail:contract]
        [(exn:break? e) 'exn:break]
        [(exn:fail? e) 'exn:fail]
        [(exn? e) 'exn]
        [else 'not-an-exn]))

;; Runs thunk; prints its results, or the exception's kind and full message.
(define (show thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e)
                     (printf "raised ~a\n~a\n" (kind-of e) (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

;; Runs thunk; prints the exception's kind only (message is run-dependent).
(define (show-kind thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (printf "raised ~a\n" (kind-of e)))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

;; Runs thunk; prints the exception's kind, message's first line and errno.
(define (show-line1 thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e)
                     (printf "raised ~a\n~a\n" (kind-of e) (first-line (exn-message e)))
                     (when (exn:fail:network:errno? e)
                       (printf "errno ~s\n" (exn:fail:network:errno-errno e))))])
    (call-with-values thunk (lambda vs (for-each println vs)))))

;; The exception raised by thunk, or the list of its results.
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) e)])
    (call-with-values thunk list)))
