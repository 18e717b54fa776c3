#lang racket/base
;; Closure calls run on the JS stack until something needs the machine; these
;; programs cross that boundary in every way: continuations captured and
;; re-entered deep in recursion, blocking, exceptions, parameters, multiple
;; values, escapes through dynamic-wind, and deep recursion itself.

;; Procedures reached through a variable are not known to the compiler.
(define (call-with f . args) (apply f args))
(define (call1 f x) (f x))
(define (call0 f) (f))

;; A continuation captured 500 calls deep, re-entered twice.
(define saved #f)
(define count 0)
(define (dig n)
  (if (= n 0)
      (call1 call/cc (lambda (k) (set! saved k) 0))
      (+ 1 (dig (- n 1)))))
(define (dig-and-reenter)
  (define result (dig 500))
  (set! count (+ count 1))
  (displayln (list 'dig result count))
  (when (< count 3) (saved (* count 100))))
(dig-and-reenter)

;; Blocking inside direct code: channel-get reached through a variable.
(define ch (make-channel))
(define (get-plus-one get c) (+ 1 (call1 get c)))
(void (thread (lambda () (sleep 0.01) (channel-put ch 41))))
(displayln (list 'blocked (get-plus-one channel-get ch)))

;; An error deep in recursion, caught outside it.
(define (fail-at n) (if (= n 0) (car '()) (+ 1 (fail-at (- n 1)))))
(displayln (with-handlers ([exn:fail:contract? (lambda (e) (list 'caught (exn-message e)))])
             (fail-at 1000)))

;; raise of a non-exception value from direct code.
(define (raise-at n v) (if (= n 0) (call1 raise v) (cons n (raise-at (- n 1) v))))
(displayln (with-handlers ([symbol? (lambda (s) (list 'raised s))]) (raise-at 300 'boom)))

;; Parameters read and set through direct calls.
(define p (make-parameter 5))
(define (read-param q) (+ 1 (q)))
(displayln (list 'param (read-param p) (parameterize ([p 10]) (read-param p))))
(call1 p 7)
(displayln (list 'param-set (p)))

;; Multiple values through direct code, and a result arity error.
(define (two) (call0 (lambda () (values 1 2))))
(call-with-values two (lambda (a b) (displayln (list 'values a b))))
(displayln (with-handlers ([exn:fail:contract:arity? (lambda (e) (exn-message e))])
             (+ 1 (two))))

;; case-lambda, optional and rest arguments reached directly.
(define cl (case-lambda [(a) (list 'one a)] [(a b) (list 'two a b)] [(a . r) (list 'many a r)]))
(define (opt a [b 10] . r) (list a b r))
(define (use-all) (list (call1 cl 1) (cl 1 2) (cl 1 2 3) (opt 1) (opt 1 2) (opt 1 2 3 4)))
(displayln (use-all))
(displayln (with-handlers ([exn:fail:contract:arity? (lambda (e) (exn-message e))]) (call0 opt)))

;; An escape from deep recursion runs the dynamic-wind post thunk once.
(define log '())
(define (escape-at n k) (if (= n 0) (k 'escaped) (+ 1 (escape-at (- n 1) k))))
(displayln
 (list (let/ec k
         (dynamic-wind
          (lambda () (set! log (cons 'in log)))
          (lambda () (escape-at 700 k))
          (lambda () (set! log (cons 'out log)))))
       (reverse log)))

;; set! and internal definitions whose right-hand sides leave direct mode.
(define (counter-test)
  (define total 0)
  (define first (call1 (lambda (x) (call/cc (lambda (k) (* x 2)))) 21))
  (set! total (+ total (call1 (lambda (x) (let/ec k (k x))) first)))
  (let loop ([i 0])
    (when (< i 5)
      (set! total (+ total (call0 (lambda () i))))
      (loop (+ i 1))))
  total)
(displayln (list 'counter (counter-test)))

;; A struct with prop:procedure applied from direct code.
(struct adder (n) #:property prop:procedure (lambda (self x) (+ x (adder-n self))))
(define (apply-twice f x) (f (f x)))
(displayln (list 'adder (apply-twice (adder 5) 1)))

;; Deep non-tail recursion crosses the direct depth limit many times.
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(displayln (list 'deep (sum (build 100000))))

;; A generator built on continuations, re-entered from a loop.
(define (make-gen lst)
  (define return #f)
  (define resume #f)
  (define (start)
    (for-each (lambda (x) (call/cc (lambda (next) (set! resume next) (return x)))) lst)
    (return 'done))
  (lambda ()
    (call/cc
     (lambda (r)
       (set! return r)
       (if resume (resume #f) (start))))))
(define g (make-gen '(a b c)))
(displayln (list 'gen (g) (g) (g) (g)))

;; A spinning thread in a direct loop does not starve the main thread.
(define spins 0)
(define spinner (thread (lambda () (let loop () (set! spins (+ spins 1)) (loop)))))
(sleep 0.05)
(kill-thread spinner)
(displayln (list 'spinner-ran (> spins 1000)))
