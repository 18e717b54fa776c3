#lang racket/base
;; racket/place's dynamic-place*, over the place primitives of prims/places.ts.

(provide (rename-out [dynamic-place* racket/place:dynamic-place*]))

;; Like dynamic-place, with the place's standard ports: each #f makes a pipe,
;; whose other end is returned.
(define (dynamic-place* module-path start-name
                        #:in [in #f]
                        #:out [out (current-output-port)]
                        #:err [err (current-error-port)])
  (%start-place* 'dynamic-place* module-path start-name in out err))
