#lang racket/base
;; prop:equal+hash, gen:equal+hash, gen:equal-mode+hash, gen:custom-write,
;; equal?/recur and equal-always?/recur.
(define-syntax-rule (try e)
  (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))]) (println e)))

(struct p (x) #:mutable
  #:property prop:equal+hash
  (list (lambda (a b rec) (rec (p-x a) (p-x b)))
        (lambda (a rec) (+ 1 (rec (p-x a))))
        (lambda (a rec) 7)))
(try (equal? (p 1) (p 1)))
(try (equal? (p 1) (p 2)))
(try (equal? (p "ab") (p (string #\a #\b))))
(try (equal? (list (p 1) (vector (p 2))) (list (p 1) (vector (p 2)))))
(try (equal-always? (p 1) (p 1)))
(define one (p 1))
(try (equal-always? one one))
(try (equal-hash-code (p 41)))
(try (equal-secondary-hash-code (p 41)))
(try (= (equal-hash-code (list (p 1))) (equal-hash-code (list (p 1)))))
(define h (make-hash))
(hash-set! h (p 1) 'one)
(hash-set! h (p 1) 'uno)
(hash-set! h (p 2) 'two)
(try (hash-count h))
(try (hash-ref h (p 1) #f))
(try (hash-ref h (p 3) #f))
(define ih (hash (p 1) 1 (p 2) 2))
(try (hash-ref ih (p 2)))
(try (equal? ih (hash (p 2) 2 (p 1) 1)))
(try (member (p 2) (list (p 1) (p 2))))
(try (assoc (p 2) (list (cons (p 1) 'a) (cons (p 2) 'b))))

;; a subtype shares its parent's equality
(struct p2 p ())
(try (equal? (p2 1) (p 1)))
(try (equal? (p2 1) (p2 2)))
;; another type never equals
(struct other (x) #:transparent)
(try (equal? (p 1) (other 1)))
(try (equal? (other 1) (p 1)))

;; the mode procedures
(struct q (x)
  #:property prop:equal+hash
  (list (lambda (a b rec mode) (and (rec (q-x a) (q-x b)) (if mode 'equal 'always)))
        (lambda (a rec mode) (if mode 10 20))))
(try (equal? (q 1) (q 1)))
(try (equal-always? (q 1) (q 1)))
(try (equal-always? (q (vector 1)) (q (vector 1))))
(try (equal? (q (vector 1)) (q (vector 1))))
(try (equal-hash-code (q 1)))
(try (equal-always-hash-code (q 1)))

;; the guard
(try (let () (struct t (x) #:property prop:equal+hash 5) 1))
(try (let () (struct t (x) #:property prop:equal+hash (list 1 2 3)) 1))
(try (let () (struct t (x) #:property prop:equal+hash (list (lambda (a b c) 1) (lambda (a r m) 42))) 1))
(try prop:equal+hash)

;; gen:custom-write
(struct w (x) #:methods gen:custom-write
  [(define (write-proc v port mode) (fprintf port "<w ~a ~a>" (w-x v) mode))])
(try (w 1))
(displayln (w 1))
(write (w 1))
(newline)
(print (list (w 1)))
(newline)
(try (format "~a ~s ~v" (w 1) (w 1) (w 1)))
(struct w2 (x) #:methods gen:custom-write
  [(define prefix "w2:")
   (define (write-proc v port mode) (write-string prefix port) (write (w2-x v) port))])
(displayln (list (w2 'a) (w2 "s")))
(struct w3 (x) #:transparent #:methods gen:custom-write
  [(define (write-proc v port mode)
     (if mode (write-string "#<w3>" port) (fprintf port "w3=~a" (w3-x v))))])
(displayln (w3 5))
(writeln (w3 5))

;; gen:equal+hash
(struct e (x) #:methods gen:equal+hash
  [(define (equal-proc a b rec) (rec (e-x a) (e-x b)))
   (define (hash-proc a rec) (rec (e-x a)))
   (define (hash2-proc a rec) 1)])
(try (equal? (e 1) (e 1)))
(try (equal? (e 1) (e 2)))
(try (equal-hash-code (e 3)))
(try (equal-secondary-hash-code (e 3)))
(try (hash-ref (hash (e '(1 2)) 'found) (e (list 1 2)) #f))

;; gen:equal-mode+hash
(struct e2 (x) #:methods gen:equal-mode+hash
  [(define (equal-mode-proc a b rec mode) (and mode (rec (e2-x a) (e2-x b))))
   (define (hash-mode-proc a rec mode) (rec (e2-x a)))])
(try (equal? (e2 1) (e2 1)))
(try (equal-always? (e2 1) (e2 1)))
(try (equal-hash-code (e2 3)))

;; both interfaces together
(struct both (x)
  #:methods gen:custom-write [(define (write-proc v port mode) (fprintf port "#<both ~a>" (both-x v)))]
  #:methods gen:equal+hash
  [(define (equal-proc a b rec) (= (both-x a) (both-x b)))
   (define (hash-proc a rec) (both-x a))
   (define (hash2-proc a rec) (both-x a))])
(try (list (both 1) (equal? (both 1) (both 1.0))))

;; errors of #:methods
(define (eval-error form)
  (with-handlers ([exn:fail? (lambda (x) (displayln (exn-message x)))])
    (eval form (make-base-namespace))))
(eval-error '(struct e3 (x) #:methods gen:equal+hash [(define (equal-proc a b rec) #t)]))
(eval-error '(struct e3 (x) #:methods foo []))
(eval-error '(struct e3 (x) #:methods gen:custom-write [(define (foo x) 1)]))
(eval-error '(struct e3 (x) #:methods gen:custom-write [(define (write-proc x) 1)]))
(eval-error '(struct e3 (x) #:methods gen:custom-write))

;; equal?/recur and equal-always?/recur
(define (noisy a b) (printf "recur ~s ~s\n" a b) #t)
(try (equal?/recur (list 1 2) (list 1 3) noisy))
(try (equal?/recur (vector 1 2) (vector 1 3) noisy))
(try (equal?/recur (box 1) (box 2) noisy))
(try (equal?/recur (mcons 1 2) (mcons 1 2) noisy))
(try (equal?/recur "ab" "ab" (lambda (a b) #f)))
(try (equal?/recur "ab" "ac" noisy))
(try (equal?/recur 1.0 1.0 (lambda (a b) #f)))
(try (equal?/recur (other 1) (other 2) noisy))
(try (equal?/recur (p 1) (p 2) noisy))
(try (equal?/recur (list 1 2) (list 1 3) (lambda (a b) 'yes)))
(try (equal-always?/recur (list 1 2) (list 1 3) noisy))
(try (equal-always?/recur (vector 1 2) (vector 1 2) noisy))
(try (equal-always?/recur (vector-immutable 1 2) (vector-immutable 1 3) noisy))
(try (equal-always?/recur (mcons 1 2) (mcons 1 2) noisy))
(try (equal-always?/recur (q 1) (q 2) noisy))
(try (equal?/recur 1 2 3))
(try (equal?/recur 1 2 (lambda (a) 1)))
(try (equal-always?/recur 1 2 car))
(try equal?/recur)

;; keys inside other keys, chaperones, nesting
(define h2 (make-hash))
(hash-set! h2 (list (p 1) 'k) 'v)
(try (hash-ref h2 (list (p 1) 'k) #f))
(try (hash-ref (hash (vector (p 2)) 'w) (vector (p 2)) #f))
(define ch (chaperone-struct (p 1) p-x (lambda (s v) v)))
(try (equal? ch (p 1)))
(try (equal? (p 1) ch))
(try (equal? (p (p 1)) (p (p 1))))
(try (equal? (p (list 1 (p 2))) (p (list 1 (p 3)))))
(try (equal?/recur (hash 'a 2) (hash 'a 2) noisy))
(try (equal?/recur (hash 'a 2) (hash 'a 3) (lambda (a b) (eqv? a b))))
(try (equal?/recur (hash 'a 2) (hasheq 'a 2) noisy))
(struct helper (x) #:methods gen:custom-write
  [(define (write-proc v port mode) (write-proc-helper v port))
   (define (write-proc-helper v port) (fprintf port "helper:~a" (helper-x v)))])
(try (helper 1))
;; a method the definitions leave out
(eval-error '(struct s (x) #:methods gen:equal+hash [(define (equal-proc a b r) (hash2-proc a r)) (define (hash-proc a r) 1)]))
(eval-error '(struct s (x) #:methods gen:equal+hash [(define (equal-proc a b r) hash2-proc) (define (hash-proc a r) 1)]))
(eval-error '(let ([write-proc 1]) (struct s (x) #:methods gen:custom-write []) 1))
