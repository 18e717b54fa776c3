#lang racket/base
;; racket/generator: a generator runs its body under a prompt; yield
;; captures the body's continuation up to that prompt and escapes to it
;; with the yielded values, and the next call resumes that continuation.
;; The generator structure and the prompt tag are prims/generators.ts.

(provide (rename-out [yield racket/generator:yield]
                     [generator-state racket/generator:generator-state]
                     [sequence->generator racket/generator:sequence->generator]
                     [sequence->repeated-generator racket/generator:sequence->repeated-generator]
                     [create-generator #%rkt-internal:create-generator]))

(define current-yielder
  (make-parameter (lambda _ (error 'yield "must be called in the context of a generator")) #f 'current-yielder))

(define yield
  (case-lambda
    [() ((current-yielder))]
    [(v) ((current-yielder) v)]
    [vs (apply (current-yielder) vs)]))

;; The state is fresh, running, suspended or done; `resume` continues the
;; body (at first: starts it with the call's arguments; once it has
;; returned: gives its results again).
(define (create-generator start)
  (let ([state 'fresh] [self #f])
    (define (yielder . vs)
      (set! state 'suspended)
      (call/cc (lambda (k)
                 (set! resume k)
                 (apply abort-current-continuation %generator-yield-tag vs))
               %generator-yield-tag))
    (define (resume . args)
      (set! state 'running)
      (call-with-values
       (lambda () (apply start args))
       (lambda results
         (set! resume (lambda () (set! state 'done) (apply values results)))
         (resume))))
    (define (continue vs)
      (call-with-continuation-prompt
       (lambda () (parameterize ([current-yielder yielder]) (apply resume vs)))
       %generator-yield-tag
       values))
    (define (refuse what)
      (raise-arguments-error 'generator (format "cannot ~a a ~a generator" what state) "generator" self))
    (define generator
      (case-lambda
        [() (if (eq? state 'running)
                (refuse "call")
                (begin (set! state 'running) (continue '())))]
        [(x) (cond [(eq? x %generator-yield-tag) state]
                   [(memq state '(suspended running fresh))
                    (set! state 'running)
                    (continue (list x))]
                   [else (refuse "send a value to")])]
        [xs (if (memq state '(suspended running fresh))
                (begin (set! state 'running) (continue xs))
                (refuse "send a value to"))]))
    (set! self (%make-generator generator))
    self))

(define (generator-state g)
  (if (%generator? g)
      (g %generator-yield-tag)
      (raise-argument-error 'generator-state "generator?" g)))

(define (sequence->generator s)
  (create-generator (lambda () (for ([v s]) (yield v)))))

(define (sequence->repeated-generator s)
  (sequence->generator (in-cycle s)))
