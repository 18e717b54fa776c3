#lang racket/base
;; A state-machine DSL: states and transitions checked at compile time,
;; compiled to mutually recursive functions over an input list.
(require (for-syntax racket/base))

(define-syntax (define-machine stx)
  (syntax-case stx (-> accept)
    [(_ name #:start start
        [state accept? (input -> next) ...] ...)
     (let ([states (syntax->list #'(state ...))])
       (for ([nexts (syntax->list #'((next ...) ...))])
         (for ([n (syntax->list nexts)])
           (unless (memf (lambda (s) (free-identifier=? s n)) states)
             (raise-syntax-error #f "unknown target state" stx n))))
       (unless (memf (lambda (s) (free-identifier=? s #'start)) states)
         (raise-syntax-error #f "unknown start state" stx #'start))
       #'(define (name inputs)
           (letrec ([state (lambda (in trace)
                             (let ([trace (cons 'state trace)])
                               (cond
                                 [(null? in) (values accept? (reverse trace))]
                                 [else
                                  (case (car in)
                                    [(input) (next (cdr in) trace)] ...
                                    [else (values #f (reverse (cons 'stuck trace)))])])))]
                    ...)
             (start inputs '()))))]))

;; accepts strings of a/b ending in "ab"
(define-machine ends-ab #:start s0
  [s0 #f (a -> s1) (b -> s0)]
  [s1 #f (a -> s1) (b -> s2)]
  [s2 #t (a -> s1) (b -> s0)])

(for ([in '((a b) (a a b) (b a) () (a b a b) (a c))])
  (define-values (ok trace) (ends-ab in))
  (printf "~s -> ~a ~s\n" in ok trace))

;; a turnstile
(define-machine turnstile #:start locked
  [locked #t (coin -> unlocked) (push -> locked)]
  [unlocked #f (push -> locked) (coin -> unlocked)])
(let-values ([(ok trace) (turnstile '(push coin push coin coin))])
  (printf "turnstile: ~a ~s\n" ok trace))

;; transformer closing over phase-1 state: each use gets a serial number
(define-syntax next-serial
  (let ([n 0])
    (lambda (stx)
      (set! n (+ n 1))
      (datum->syntax stx n))))
(displayln (list (next-serial) (next-serial) (next-serial)))

;; define-syntax whose right-hand side computes a transformer
(define-syntax const-macro
  (let ([make (lambda (v) (lambda (stx) #`'#,v))])
    (make (string-append "comp" "uted"))))
(displayln (const-macro))
