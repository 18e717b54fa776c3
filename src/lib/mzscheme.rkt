#lang racket/base
;; The procedures of `#lang mzscheme` that racket no longer has: hash
;; tables made and tested with flags, and a few others. The old names of
;; procedures racket/base still has (hash-table-get is hash-ref) are bound
;; by the runtime; the forms are macros/legacy-forms.ts.

(provide (rename-out [make-hash-table mzscheme:make-hash-table]
                     [make-immutable-hash-table mzscheme:make-immutable-hash-table]
                     [hash-table? mzscheme:hash-table?]
                     [datum->syntax-object mzscheme:datum->syntax-object]
                     [list-pair? mzscheme:list-pair?]
                     [true-object? mzscheme:true-object?]
                     [interned-char? mzscheme:interned-char?]
                     [keyword->immutable-string mzscheme:keyword->immutable-string]
                     [symbol->immutable-string mzscheme:symbol->immutable-string]
                     [expand-path mzscheme:expand-path]
                     [make-namespace mzscheme:make-namespace]
                     [namespace-transformer-require mzscheme:namespace-transformer-require]
                     [transcript-on mzscheme:transcript-on]
                     [transcript-off mzscheme:transcript-off]
                     [syntax-srcloc mzscheme:syntax-srcloc]
                     [open-input-file* mzscheme:open-input-file]
                     [open-output-file* mzscheme:open-output-file]
                     [open-input-output-file* mzscheme:open-input-output-file]
                     [call-with-input-file* mzscheme:call-with-input-file]
                     [call-with-output-file* mzscheme:call-with-output-file]
                     [with-input-from-file* mzscheme:with-input-from-file]
                     [with-output-to-file* mzscheme:with-output-to-file]
                     [collection-path mzscheme:collection-path]
                     [collection-file-path mzscheme:collection-file-path]
                     [directory-list mzscheme:directory-list]
                     [free-identifier=?* mzscheme:free-identifier=?]
                     [syntax-binding-set-extend mzscheme:syntax-binding-set-extend]
                     [syntax-serialize mzscheme:syntax-serialize]
                     [syntax-deserialize mzscheme:syntax-deserialize]
                     [do-raise-syntax-error mzscheme:do-raise-syntax-error]))

;; Flags: 'equal compares keys with equal? (else eq?), 'weak holds them weakly.
(define (make-hash-table [flag1 #f] [flag2 #f])
  (define flags (filter values (list flag1 flag2)))
  (check-flags 'make-hash-table flags)
  (let ([equal? (memq 'equal flags)] [weak? (memq 'weak flags)])
    (cond
      [(and equal? weak?) (make-weak-hash)]
      [equal? (make-hash)]
      [weak? (make-weak-hasheq)]
      [else (make-hasheq)])))

(define (check-flags who flags)
  (for ([f (in-list flags)])
    (unless (memq f '(equal weak))
      (raise-argument-error who "(or/c 'equal 'weak)" f))))

(define (make-immutable-hash-table assocs [flag #f])
  (when flag (check-flags 'make-immutable-hash-table (list flag)))
  (if (eq? flag 'equal) (make-immutable-hash assocs) (make-immutable-hasheq assocs)))

(define (hash-table? v [flag1 #f] [flag2 #f])
  (define flags (filter values (list flag1 flag2)))
  (and (hash? v)
       (for/and ([f (in-list flags)])
         (case f
           [(equal) (hash-equal? v)]
           [(weak) (hash-weak? v)]
           [(eqv) (hash-eqv? v)]
           [else (raise-argument-error 'hash-table? "(or/c 'equal 'weak 'eqv)" f)]))))

(define (datum->syntax-object ctx v [src #f] [props #f] [cert #f]) (datum->syntax ctx v src props))

(define (list-pair? v) (and (pair? v) (list? v)))
(define (true-object? v) (eq? v #t))
(define (interned-char? v) (and (char? v) (< (char->integer v) 256)))
(define (keyword->immutable-string k) (string->immutable-string (keyword->string k)))
(define (symbol->immutable-string s) (string->immutable-string (symbol->string s)))

;; Old versions expanded `~` in a path; paths are left as they are now.
(define (expand-path p)
  (unless (path-string? p) (raise-argument-error 'expand-path "path-string?" p))
  (if (string? p) (string->path p) p))

(define (make-namespace [flag 'initial])
  (unless (memq flag '(initial empty)) (raise-argument-error 'make-namespace "(or/c 'initial 'empty)" flag))
  (if (eq? flag 'empty) (make-empty-namespace) (make-base-namespace)))

(define (namespace-transformer-require spec) (namespace-require (list 'for-syntax spec)))

(define (transcript-on file)
  (raise (make-exn:fail:unsupported "transcript-on: unsupported" (current-continuation-marks))))
(define (transcript-off)
  (raise (make-exn:fail:unsupported "transcript-off: unsupported" (current-continuation-marks))))

(define (syntax-srcloc stx)
  (srcloc (syntax-source stx) (syntax-line stx) (syntax-column stx) (syntax-position stx) (syntax-span stx)))

;; The file procedures take their options as symbols: a mode ('binary or
;; 'text) and, for output, what to do when the file exists.
(define input-modes '(binary text))
(define exists-flags '(error append update can-update replace truncate truncate/replace must-truncate))

(define (file-options flags exists?)
  (let loop ([fs flags] [mode 'binary] [exists 'error])
    (cond
      [(null? fs) (values mode exists)]
      [(not (car fs)) (loop (cdr fs) mode exists)]
      [(memq (car fs) input-modes) (loop (cdr fs) (car fs) exists)]
      [(and exists? (memq (car fs) exists-flags)) (loop (cdr fs) mode (car fs))]
      ;; As mzscheme did, a symbol that is no option is passed over.
      [else (loop (cdr fs) mode exists)])))

(define (open-input-file* path [f1 #f] [f2 #f])
  (let-values ([(mode exists) (file-options (list f1 f2) #f)])
    (open-input-file path #:mode mode)))

(define (open-output-file* path [f1 #f] [f2 #f] [f3 #f])
  (let-values ([(mode exists) (file-options (list f1 f2 f3) #t)])
    (open-output-file path #:mode mode #:exists exists)))

(define (open-input-output-file* path [f1 #f] [f2 #f] [f3 #f])
  (let-values ([(mode exists) (file-options (list f1 f2 f3) #t)])
    (open-input-output-file path #:mode mode #:exists exists)))

(define (call-with-input-file* path proc [f1 #f])
  (let-values ([(mode exists) (file-options (list f1) #f)])
    (call-with-input-file path proc #:mode mode)))

(define (call-with-output-file* path proc [f1 #f] [f2 #f] [f3 #f])
  (let-values ([(mode exists) (file-options (list f1 f2 f3) #t)])
    (call-with-output-file path proc #:mode mode #:exists exists)))

(define (with-input-from-file* path thunk [f1 #f])
  (let-values ([(mode exists) (file-options (list f1) #f)])
    (with-input-from-file path thunk #:mode mode)))

(define (with-output-to-file* path thunk [f1 #f] [f2 #f] [f3 #f])
  (let-values ([(mode exists) (file-options (list f1 f2 f3) #t)])
    (with-output-to-file path thunk #:mode mode #:exists exists)))
;; mzscheme has the kernel's versions of these, which take no keywords.
(define (collection-path collection . collections)
  (let ([r (%find-collection 'collection-path #f (cons collection collections))])
    (if (string? r)
        (raise (exn:fail:filesystem (string-append "collection-path: " r) (current-continuation-marks)))
        r)))

(define (collection-file-path file collection . collections)
  (let ([r (%find-collection 'collection-file-path file (cons collection collections))])
    (if (string? r)
        (raise (exn:fail:filesystem (string-append "collection-file-path: " r) (current-continuation-marks)))
        r)))

(define (directory-list [dir #f])
  (unless (or (not dir) (path-string? dir)) (raise-argument-error 'directory-list "path-string?" dir))
  (%directory-list dir))

;; The same symbol as well as the same binding.
(define (free-identifier=?* a b)
  (and (eq? (syntax-e a) (syntax-e b)) (free-identifier=? a b)))

;; The positional forms of racket/base's keyword arguments, in the kernel's order.
(define (syntax-binding-set-extend bs symbol phase mpi
                                   [source-symbol symbol] [source-phase phase]
                                   [nominal-module mpi] [nominal-phase source-phase]
                                   [nominal-symbol source-symbol] [nominal-require-phase 0]
                                   [inspector #f])
  (%syntax-binding-set-extend bs symbol phase mpi source-symbol source-phase))

(define (syntax-serialize stx [base-mpi #f] [keys '()] [provides-namespace #f])
  (%syntax-serialize stx keys))

(define (syntax-deserialize v [base-mpi #f])
  (%syntax-deserialize v))

;; What raise-syntax-error does, with the exception made by `make-exn`
;; (message, marks, expressions) and contract errors named `who`.
(define (do-raise-syntax-error who make-exn given-name message expr sub-expr extra-sources message-suffix)
  (unless (or (not given-name) (symbol? given-name)) (raise-argument-error who "(or/c symbol? #f)" given-name))
  (unless (string? message) (raise-argument-error who "string?" message))
  (unless (and (list? extra-sources) (andmap syntax? extra-sources))
    (raise-argument-error who "(listof syntax?)" extra-sources))
  (unless (string? message-suffix) (raise-argument-error who "string?" message-suffix))
  (let* ([e (with-handlers ([exn:fail:syntax? values])
              (%base-raise-syntax-error given-name message expr sub-expr extra-sources message-suffix))]
         [v (make-exn (exn-message e) (exn-continuation-marks e) (append (exn:fail:syntax-exprs e) extra-sources))])
    (unless (exn:fail:syntax? v) (raise-result-error who "exn:fail:syntax?" v))
    (raise v)))
