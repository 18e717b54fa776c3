#lang racket/base
;; racket/generic's errors: a method the instance does not implement
;; (exn:fail:support), a value that is not an instance, arity errors, and
;; the interfaces' syntax errors.
(require racket/generic)

(define (try thunk)
  (with-handlers ([exn:fail? (lambda (e)
                               (printf "~a~a\n"
                                       (if (exn:fail:support? e) "[support] " "")
                                       (exn-message e)))])
    (thunk)))

(define-generics shape
  (area shape)
  (perimeter shape)
  (resize shape w [h])
  (tag prefix shape . more))

(struct dot ()
  #:methods gen:shape
  [(define (area d) 0)])

(area (dot))
(try (lambda () (perimeter (dot))))
(try (lambda () (resize (dot) 1 2)))
(try (lambda () (area 'not-a-shape)))
(try (lambda () (perimeter "x")))
(try (lambda () (resize 7 1 2)))
(try (lambda () (tag "p" 'x 1 2)))
(try (lambda () (tag "p" 'x)))
(try (lambda () (area)))
(try (lambda () (area (dot) 1)))
(try (lambda () (resize (dot))))
(try (lambda () (raise-support-error 'frobnicate (dot))))
(try (lambda () (raise-support-error "a string" '(1 2))))
(exn:fail:support? (exn:fail:support "m" (current-continuation-marks)))
(exn:fail? (exn:fail:support "m" (current-continuation-marks)))
(exn:fail:support "m" (current-continuation-marks))
struct:exn:fail:support

(define-generics thing
  (frob thing)
  #:defined-predicate thing-supports?
  #:defined-table thing-table)
(struct widget () #:methods gen:thing [])
(try (lambda () (frob (widget))))
(try (lambda () (thing-supports? (widget) 'frob 'zap)))
(try (lambda () (thing-supports? 5 'frob)))
(try (lambda () (thing-table 5)))

;; A structure type property made by define-generics checks its value.
(try (lambda () (struct bad () #:methods gen:thing [(define (frob x) 1) (define (frob2 x) 2)]) (frob (bad))))

;; The property's guard checks each method's positional arity.
(define-generics sized
  (size sized)
  (grow sized by [times])
  (join sized . others))
(try (lambda () (struct s1 () #:methods gen:sized [(define (size) 1)]) (void)))
(try (lambda () (struct s2 () #:methods gen:sized [(define (size a b) 1)]) (void)))
(try (lambda () (struct s3 () #:methods gen:sized [(define (grow a b) 1)]) (void)))
(try (lambda () (struct s4 () #:methods gen:sized [(define (join a b) 1)]) (void)))
(try (lambda () (struct s5 () #:methods gen:sized [(define size 5)]) (void)))
(struct s6 () #:methods gen:sized [(define (size . xs) 0) (define (grow a b [c 1] . d) 1) (define (join a . b) b)])
(list (size (s6)) (grow (s6) 1) (join (s6) 1 2))

;; Syntax errors.
(define (syntax-error form)
  (with-handlers ([exn:fail:syntax? (lambda (e) (displayln (exn-message e)))])
    (eval form (make-base-namespace))))
(define ns (make-base-namespace))
(parameterize ([current-namespace ns])
  (namespace-require 'racket/generic)
  (eval '(define-generics g (m g)))
  (for ([form (list '(struct s () #:methods not-an-interface [])
                    '(define/generic a m)
                    '(struct s3 () #:methods gen:g [(define/generic a nope)]))])
    (with-handlers ([exn:fail:syntax? (lambda (e) (displayln (exn-message e)))])
      (eval form))))
