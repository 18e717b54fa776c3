#lang racket/base
;; Writes what Racket 8.7's libraries export, for rkt's coverage test and
;; `npm run coverage`:  racket scripts/exports.rkt > test/data/exports.json
;; For each library: its phase-0 names (without the #% forms), whether each
;; is syntax or a value, and for procedures their arity and keywords.
(require json racket/list)

(define libraries '(racket/base))

(define (arity->jsexpr a)
  (cond [(exact-nonnegative-integer? a) a]
        [(arity-at-least? a) (hasheq 'atLeast (arity-at-least-value a))]
        [else (map arity->jsexpr a)]))

(define (describe lib)
  (define-values (variables syntaxes) (module->exports lib))
  (define (at-phase-0 exports) (map car (cond [(assv 0 exports) => cdr] [else '()])))
  (define (visible? name) (not (regexp-match? #rx"^#%" (symbol->string name))))
  (define ns (make-base-empty-namespace))
  (parameterize ([current-namespace ns]) (namespace-require lib))
  (define (value-entry name)
    (define v (parameterize ([current-namespace ns]) (namespace-variable-value name)))
    (cond
      [(procedure? v)
       (define-values (required accepted) (procedure-keywords v))
       (hasheq 'kind "procedure"
               'arity (arity->jsexpr (procedure-arity v))
               'requiredKeywords (map keyword->string required)
               'acceptedKeywords (if accepted (map keyword->string accepted) 'null))]
      [else (hasheq 'kind "value")]))
  (define entries
    (append
     (for/list ([name (at-phase-0 variables)] #:when (visible? name))
       (cons name (value-entry name)))
     (for/list ([name (at-phase-0 syntaxes)] #:when (visible? name))
       (cons name (hasheq 'kind "syntax")))))
  (for/hasheq ([e (sort entries symbol<? #:key car)])
    (values (car e) (cdr e))))

(write-json
 (hasheq 'racket (version)
         'libraries (for/hasheq ([lib libraries]) (values lib (describe lib)))))
(newline)
