#lang racket
(define (show thunk) (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))
(define-signature a^ (a))
(define-signature b^ (b))
(define-signature c^ (c))
(define-signature ab^ (a b))
(define-unit ua@ (import) (export a^) (define a 1))
(define-unit ub@ (import a^) (export b^) (define b (+ a 10)))
(define-unit uc@ (import a^ b^) (export c^) (define c (list a b)) c)
(define cu@ (compound-unit/infer (import) (export c^) (link ua@ ub@ uc@)))
(define-values/invoke-unit cu@ (import) (export (prefix x: c^)))
x:c
(invoke-unit cu@)
(define-compound-unit/infer dcu@ (import a^) (export b^ c^) (link ub@ uc@))
(define-unit a5@ (import) (export a^) (define a 5))
(invoke-unit (compound-unit/infer (import) (export) (link a5@ dcu@)))
(define cu2@ (compound-unit/infer (import (A : a^)) (export B C) (link (((B : b^)) ub@ A) (((C : c^)) uc@ A B))))
(invoke-unit (compound-unit (import) (export) (link (((A : a^)) a5@) (() cu2@ A))))
;; unit/new-import-export
(define-unit/new-import-export uab@ (import) (export ab^) ((a^ b^) (compound-unit/infer (import) (export a^ b^) (link ua@ ub@))))
(define-unit show-ab@ (import ab^) (export) (list 'ab a b))
(invoke-unit (compound-unit/infer (import) (export) (link uab@ show-ab@)))
(define-unit ab@ (import) (export ab^) (define a 100) (define b 200))
(define u2@ (unit/new-import-export (import ab^) (export c^) ((c^) uc@ a^ b^)))
(define-unit show-c@ (import c^) (export) (list 'c c))
(invoke-unit (compound-unit (import) (export) (link (((AB : ab^)) ab@) (((C : c^)) u2@ AB) (() show-c@ C))))
(define-unit/s us@ (import ab^) (export c^) uc@)
(invoke-unit (compound-unit/infer (import) (export) (link ab@ us@ show-c@)))
(define us2@ (unit/s (import ab^) (export c^) uc@))
(invoke-unit (compound-unit (import) (export) (link (((AB : ab^)) ab@) (((C : c^)) us2@ AB) (() show-c@ C))))
us@
us2@
uab@
dcu@
cu@
