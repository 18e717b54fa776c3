#lang racket/base
;; The keyword front ends of syntax binding sets and syntax serialization
;; (prims/syntax-binding-sets.ts, prims/syntax-serialize.ts).

(provide syntax-binding-set-extend syntax-serialize syntax-deserialize)

;; The nominal module, phase, symbol and require phase, and the inspector,
;; say how a binding was imported; identifier-binding reports a binding's
;; source here, so they are accepted and have no other effect.
(define (syntax-binding-set-extend bs symbol phase mpi
                                   #:source-symbol [source-symbol symbol]
                                   #:source-phase [source-phase phase]
                                   #:nominal-module [nominal-module mpi]
                                   #:nominal-phase [nominal-phase source-phase]
                                   #:nominal-symbol [nominal-symbol source-symbol]
                                   #:nominal-require-phase [nominal-require-phase 0]
                                   #:inspector [inspector #f])
  (%syntax-binding-set-extend bs symbol phase mpi source-symbol source-phase))

(define (syntax-serialize stx
                          #:preserve-property-keys [keys '()]
                          #:provides-namespace [provides-namespace #f]
                          #:base-module-path-index [base-mpi #f])
  (%syntax-serialize stx keys))

(define (syntax-deserialize v #:base-module-path-index [base-mpi #f])
  (%syntax-deserialize v))
