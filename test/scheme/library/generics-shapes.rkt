#lang racket/base
;; racket/generic: an interface of shapes implemented by several structs,
;; define/generic delegating, the predicate, procedure names and arities.
(require racket/generic racket/math)

(define-generics shape
  (area shape)
  (perimeter shape)
  (describe shape [port])
  (scale shape factor))

(struct circle (r)
  #:methods gen:shape
  [(define (area c) (* pi (circle-r c) (circle-r c)))
   (define (perimeter c) (* 2 pi (circle-r c)))
   (define (describe c [port (current-output-port)])
     (fprintf port "circle of radius ~a\n" (circle-r c)))
   (define (scale c k) (circle (* k (circle-r c))))])

(struct rect (w h)
  #:methods gen:shape
  [(define (area r) (* (rect-w r) (rect-h r)))
   (define (perimeter r) (* 2 (+ (rect-w r) (rect-h r))))
   (define (describe r [port (current-output-port)])
     (fprintf port "~a by ~a rectangle\n" (rect-w r) (rect-h r)))
   (define (scale r k) (rect (* k (rect-w r)) (* k (rect-h r))))])

;; A square delegates to the generic methods of the rect it holds.
(struct square (side)
  #:methods gen:shape
  [(define/generic super-area area)
   (define/generic super-perimeter perimeter)
   (define (as-rect s) (rect (square-side s) (square-side s)))
   (define (area s) (super-area (as-rect s)))
   (define (perimeter s) (super-perimeter (as-rect s)))
   (define (describe s [port (current-output-port)])
     (fprintf port "square of side ~a\n" (square-side s)))
   (define (scale s k) (square (* k (square-side s))))])

;; A substructure inherits its parent's methods.
(struct labelled-rect rect (label))

(define shapes (list (circle 1) (rect 2 3) (square 4) (labelled-rect 1 5 "tall")))
(for ([s (in-list shapes)])
  (describe s)
  (printf "  area ~a perimeter ~a\n"
          (exact->inexact (area s)) (exact->inexact (perimeter s))))
(describe (scale (square 2) 3))
(let ([o (open-output-string)])
  (describe (rect 1 1) o)
  (write (get-output-string o))
  (newline))
(map shape? (list (circle 1) (square 1) 5 "circle" (labelled-rect 1 1 "x")))
(list area perimeter describe scale)
(map object-name (list area describe shape?))
(map procedure-arity (list area describe scale))
(procedure? shape?)

;; An interface whose generic argument is not the first.
(define-generics container
  (put item container)
  (contents container))
(struct bag (items)
  #:methods gen:container
  [(define (put x b) (bag (cons x (bag-items b))))
   (define (contents b) (reverse (bag-items b)))])
(contents (put 3 (put 2 (put 1 (bag '())))))

;; Rest and keyword arguments are passed to the method as given.
(define-generics logger
  (log-line logger #:level [level] . parts))
(struct console (prefix)
  #:methods gen:logger
  [(define (log-line c #:level [level 'info] . parts)
     (printf "~a[~a] ~a\n" (console-prefix c) level (apply string-append parts)))])
(log-line (console "> ") "hello" ", " "world")
(log-line (console "> ") #:level 'warn "careful")
(procedure-arity log-line)
(let-values ([(req acc) (procedure-keywords log-line)]) (list req acc))

;; define-generics inside a body.
(define (local-shapes)
  (define-generics animal (sound animal))
  (struct cow () #:methods gen:animal [(define (sound c) 'moo)])
  (list (sound (cow)) (animal? (cow)) (animal? 'cow)))
(local-shapes)
