#lang racket/base
;; Sub-structs of structs imported from another module (struct-out),
;; match and struct-copy on them.
(require racket/match "_lib-shapes.rkt")

(struct labeled-circle circle (label) #:transparent)
(struct shape3d shape (depth) #:mutable #:transparent)

(define lc (labeled-circle "lc" 2 "hello"))
(printf "~s\n" lc)
(printf "~s ~s ~s\n" (shape? lc) (circle? lc) (labeled-circle? lc))
(printf "~s ~s ~s\n" (shape-name lc) (circle-radius lc) (labeled-circle-label lc))
(printf "area ~s\n" (area lc))

(define s3 (shape3d "box" 5))
(set-shape3d-depth! s3 6)
(printf "~s ~s\n" s3 (shape-name s3))

;; match on imported and derived structs
(define (describe s)
  (match s
    [(labeled-circle name r label) (format "~a: circle ~a labeled ~a" name r label)]
    [(circle name r) (format "~a: circle ~a" name r)]
    [(shape3d name d) (format "~a: 3d depth ~a" name d)]
    [(shape name) (format "~a: some shape" name)]))
(for ([s (list lc (circle "c" 1) s3 (make-square "sq" 3))])
  (printf "~a\n" (describe s)))

;; struct-copy across the module boundary
(printf "~s\n" (struct-copy circle (circle "c" 1) [radius 9]))
(printf "~s\n" (struct-copy labeled-circle lc [label "bye"]))
(printf "~s\n" (struct-copy labeled-circle lc [radius #:parent circle 7]))
(printf "~s\n" (struct-copy shape lc [name "renamed"]))

;; a sub-struct defined inside a function body from an imported parent
(define (local-sub)
  (struct tagged shape (tag) #:transparent)
  (define t (tagged "t" 'x))
  (match t [(tagged n tag) (list n tag (shape? t))]))
(printf "~s\n" (local-sub))

(with-handlers ([exn:fail:contract? (lambda (e) (printf "error: ~a\n" (car (regexp-split #rx"\n" (exn-message e)))))])
  (labeled-circle-label (circle "c" 1)))
