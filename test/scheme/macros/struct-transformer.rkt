#lang racket/base
;; A compile-time struct that is both a transformer (prop:procedure) and
;; carries static information consulted via syntax-local-value.
(require (for-syntax racket/base))

(begin-for-syntax
  (struct unit-info (factor base)
    #:property prop:procedure
    (lambda (self stx)
      (syntax-case stx ()
        [(_ n) #`(* n #,(unit-info-factor self))]
        [id (identifier? #'id) #`#,(unit-info-factor self)]))))

(define-syntax km (unit-info 1000 'm))
(define-syntax cm (unit-info 1/100 'm))
(define-syntax kg (unit-info 1000 'g))

(define-syntax (convert stx)
  (syntax-case stx (to)
    [(_ n from to dest)
     (let ([f (syntax-local-value #'from)]
           [d (syntax-local-value #'dest)])
       (unless (eq? (unit-info-base f) (unit-info-base d))
         (raise-syntax-error #f
                             (format "incompatible units ~a and ~a"
                                     (unit-info-base f) (unit-info-base d))
                             stx))
       #`(/ (* n #,(unit-info-factor f)) #,(unit-info-factor d)))]))

(displayln (km 3))
(displayln km)
(displayln (cm 250))
(displayln (convert 2 km to cm))
(displayln (convert 150 cm to km))
(displayln (exact->inexact (convert 1 cm to km)))
(displayln (kg 2))
