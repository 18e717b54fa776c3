#lang racket/base
;; Invoking racket/unit's units (the forms are macros/units.ts, the unit
;; values prims/units.ts).

(provide (rename-out [unit-invoke #%rkt-internal:unit-invoke]
                     [unit-invoke/exports #%rkt-internal:unit-invoke/exports]))

;; Runs the unit's body with these imports; the body's last value.
(define (unit-invoke u imports)
  (let-values ([(exports result) ((%unit-proc 'invoke-unit u) imports)])
    result))

;; Runs the unit's body; the values of the exported variables named.
(define (unit-invoke/exports u imports names)
  (let-values ([(exports result) ((%unit-proc 'define-values/invoke-unit u) imports)])
    (apply values
           (map (lambda (n)
                  (let ([i (%unit-export-index u n)])
                    (unless i (error 'define-values/invoke-unit "unit does not export ~a" n))
                    (vector-ref exports i)))
                names))))
