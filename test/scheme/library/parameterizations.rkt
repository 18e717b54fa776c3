#lang racket/base
;; Parameterizations, derived parameters, guards, break parameterizations.

(define-syntax-rule (try e)
  (with-handlers ([(lambda (x) #t) (lambda (x) (displayln (if (exn? x) (exn-message x) x)))])
    (println e)))

(define ch (make-channel))
(define p (make-parameter 0))

;; A value set inside parameterize belongs to the setting thread's cell.
(define pz
  (parameterize ([p 1])
    (p 2)
    (thread (lambda () (channel-put ch (p))))
    (current-parameterization)))
(try (channel-get ch))
(try (call-with-parameterization pz p))
(try (p))
(thread (lambda () (channel-put ch (call-with-parameterization pz p))))
(try (channel-get ch))
(try (parameterization? pz))
(try (parameterization? p))
(try pz)

;; Guards run for set and parameterize.
(define g (make-parameter 1 (lambda (x) (if (number? x) (* x 2) (raise-argument-error 'g "number?" x))) 'g))
(try g)
(try (object-name g))
(try (begin (g 3) (g)))
(try (parameterize ([g 5]) (g)))
(try (parameterize ([g "x"]) (g)))
(try (g 'y))

;; Derived parameters.
(define d (make-derived-parameter g (lambda (x) (+ x 1)) (lambda (x) (list 'wrapped x))))
(try d)
(try (object-name d))
(try (parameter? d))
(try (d))
(try (begin (d 4) (list (g) (d))))
(try (parameterize ([d 7]) (list (g) (d))))
(try (parameter-procedure=? g g))
(try (parameter-procedure=? g d))
(try (parameterize* ([g 1] [d (g)]) (list (g) (d))))
(try (parameterize* () 'empty))

;; Bad arguments.
(try (make-parameter 1 5))
(try (make-parameter 1 (lambda () 1)))
(try (make-derived-parameter 5 values values))
(try (make-derived-parameter g 5 values))
(try (make-derived-parameter g values (lambda () 1)))
(try (parameter-procedure=? 1 g))
(try (parameter-procedure=? g 1))
(try (call-with-parameterization 1 void))
(try (call-with-parameterization pz (lambda (x) 1)))
(try (p 1 2))

;; Break parameterizations.
(define bp (parameterize-break #f (current-break-parameterization)))
(try bp)
(try (break-parameterization? bp))
(try (break-parameterization? pz))
(try (call-with-break-parameterization bp break-enabled))
(try (break-enabled))
(try (parameterize-break #f (break-enabled #t) (break-enabled)))
(try (parameterize-break #f (break-enabled #t) (thread (lambda () (channel-put ch (break-enabled)))) (channel-get ch)))
(try (call-with-break-parameterization 1 void))
(try (call-with-break-parameterization bp 1))
