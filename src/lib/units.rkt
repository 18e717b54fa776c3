#lang racket/base
;; Invoking racket/unit's units (the forms are macros/units.ts, the unit
;; values prims/units.ts).

(provide (rename-out [unit-invoke #%rkt-internal:unit-invoke]
                     [unit-invoke/exports #%rkt-internal:unit-invoke/exports]
                     [unit-compound #%rkt-internal:unit-compound]))

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

;; compound-unit: `imports` and each link's bindings are (tag var ...);
;; the links run in order, each importing the variables of its tags and
;; binding its exports to its own tags. The compound's exports are the
;; variables of `export-tags`; its result, the last link's.
(define (unit-compound name imports export-tags links)
  (let ([tag-vars (make-hasheq)])
    (for ([b (in-list imports)]) (hash-set! tag-vars (car b) (cdr b)))
    (for ([l (in-list links)])
      (%unit-proc 'compound-unit (car l))
      (for ([b (in-list (cadr l))]) (hash-set! tag-vars (car b) (cdr b))))
    (%unit-make
     name
     (apply append (map cdr imports))
     (apply append (map (lambda (t) (hash-ref tag-vars t)) export-tags))
     (lambda (given)
       (let ([values-of (make-hasheq)] [result (void)])
         ;; tag -> (hash var -> value)
         (let loop ([bs imports] [i 0])
           (unless (null? bs)
             (let ([h (make-hasheq)])
               (for ([v (in-list (cdar bs))] [j (in-naturals)]) (hash-set! h v (vector-ref given (+ i j))))
               (hash-set! values-of (caar bs) h)
               (loop (cdr bs) (+ i (length (cdar bs)))))))
         (for ([l (in-list links)])
           (let* ([u (car l)]
                  [sources (map (lambda (t) (hash-ref values-of t)) (caddr l))]
                  [imports (for/vector ([n (in-list (%unit-import-names u))])
                             (let find ([ss sources])
                               (cond
                                 [(null? ss) (error 'compound-unit "no link provides ~a" n)]
                                 [(hash-has-key? (car ss) n) (hash-ref (car ss) n)]
                                 [else (find (cdr ss))])))])
             (let-values ([(exports r) ((%unit-proc 'compound-unit u) imports)])
               (set! result r)
               (for ([b (in-list (cadr l))])
                 (let ([h (make-hasheq)])
                   (for ([v (in-list (cdr b))])
                     (let ([i (%unit-export-index u v)])
                       (when i (hash-set! h v (vector-ref exports i)))))
                   (hash-set! values-of (car b) h))))))
         (values (for*/vector ([t (in-list export-tags)] [v (in-list (hash-ref tag-vars t))])
                   (hash-ref (hash-ref values-of t) v))
                 result))))))
