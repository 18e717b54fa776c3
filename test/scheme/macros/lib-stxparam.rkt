#lang racket/base
;; racket/stxparam: anaphoric if / loop with break, the classic examples.
(require racket/stxparam (for-syntax racket/base))

(define-syntax-parameter it
  (lambda (stx) (raise-syntax-error #f "can only be used inside aif" stx)))

(define-syntax-rule (aif c then else)
  (let ([t c])
    (if t
        (syntax-parameterize ([it (make-rename-transformer #'t)]) then)
        else)))

(printf "~s\n" (aif (assq 'b '((a . 1) (b . 2))) (cdr it) 'none))
(printf "~s\n" (aif (memv 9 '(1 2)) it 'none))
;; nested aifs: inner it shadows outer
(printf "~s\n" (aif 10 (aif (+ it 1) (list it) 'no) 'no))

;; break in a while loop via a syntax parameter bound to an escape continuation
(define-syntax-parameter break
  (lambda (stx) (raise-syntax-error #f "break used outside of while" stx)))
(define-syntax-rule (while cond body ...)
  (let/ec k
    (syntax-parameterize ([break (make-rename-transformer #'k)])
      (let loop () (when cond body ... (loop))))))

(define i 0)
(while #t
  (set! i (add1 i))
  (when (> i 4) (break (void))))
(printf "i=~a\n" i)

;; a syntax parameter with a non-identifier default used as an expression macro
(define-syntax-parameter current-depth (lambda (stx) #'0))
(define-syntax-rule (deeper body)
  (let ([d (add1 current-depth)])
    (syntax-parameterize ([current-depth (make-rename-transformer #'d)]) body)))
(printf "~s\n" (list current-depth (deeper current-depth) (deeper (deeper current-depth))))

;; syntax-parameterize around a definition context (internal defines see the new binding)
(define (first-positive xs)
  (aif (for/first ([x xs] #:when (positive? x)) x)
       (let ()
         (define doubled (* 2 it))
         (define (add-it y) (+ y it))
         (list it doubled (add-it 1)))
       'none))
(printf "~s ~s\n" (first-positive '(-1 0 3 4)) (first-positive '(-2)))
