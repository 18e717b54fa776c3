#lang racket/base
;; The file system's procedures that take keywords or call procedures:
;; directory-list, file-or-directory-modify-seconds with its failure thunk,
;; in-directory, the call-with-*-file* forms and filesystem-change-evt's
;; failure thunk.

(provide directory-list file-or-directory-modify-seconds in-directory
         call-with-input-file* call-with-output-file* filesystem-change-evt)

(define (directory-list [dir #f] #:build? [build? #f])
  (let ([names (%directory-list dir)])
    (if build?
        (let ([base (or dir (current-directory))])
          (map (lambda (n) (build-path base n)) names))
        names)))

(define (file-or-directory-modify-seconds path [secs #f] [fail #f])
  (when (and fail (not (and (procedure? fail) (procedure-arity-includes? fail 0))))
    (raise-argument-error 'file-or-directory-modify-seconds "(procedure-arity-includes/c 0)" fail))
  (let ([r (%file-or-directory-modify-seconds path secs (and fail #t))])
    (if (eq? r #f) (fail) r)))

;; The position is the list of paths still to produce; moving past a
;; directory puts its content (sorted) in front of the rest.
(define (in-directory [dir #f] [use-dir? (lambda (d) #t)])
  (let ([start-dir (current-directory)])
    (define (with-content full shown rest)
      (let loop ([names (reverse (%directory-list full))] [acc rest])
        (if (null? names) acc (loop (cdr names) (cons (build-path shown (car names)) acc)))))
    (%make-proc-sequence
     (lambda ()
       (if dir
           (with-content (path->complete-path dir start-dir) dir '())
           (%directory-list start-dir)))
     pair?
     car
     (lambda (l)
       (let ([full (path->complete-path (car l) start-dir)])
         (if (and (directory-exists? full) (use-dir? full))
             (with-content full (car l) (cdr l))
             (cdr l)))))))

(define (call-with-input-file* path proc #:mode [mode 'binary])
  (unless (path-string? path) (raise-argument-error 'call-with-input-file* "path-string?" path))
  (unless (and (procedure? proc) (procedure-arity-includes? proc 1))
    (raise-argument-error 'call-with-input-file* "(input-port? . -> . any)" proc))
  (unless (memq mode '(binary text)) (raise-argument-error 'call-with-input-file* "(or/c 'binary 'text)" mode))
  (let ([p (open-input-file path #:mode mode)])
    (dynamic-wind void (lambda () (proc p)) (lambda () (close-input-port p)))))

(define (call-with-output-file* path proc #:exists [exists 'error] #:mode [mode 'binary] #:permissions [perms #o666])
  (unless (path-string? path) (raise-argument-error 'call-with-output-file* "path-string?" path))
  (unless (and (procedure? proc) (procedure-arity-includes? proc 1))
    (raise-argument-error 'call-with-output-file* "(output-port? . -> . any)" proc))
  (unless (memq mode '(binary text)) (raise-argument-error 'call-with-output-file* "(or/c 'binary 'text)" mode))
  (unless (memq exists '(error append update can-update replace truncate must-truncate truncate/replace))
    (raise-argument-error
     'call-with-output-file*
     "(or/c 'error 'append 'update 'can-update 'replace 'truncate 'must-truncate 'truncate/replace)" exists))
  (unless (and (exact-integer? perms) (<= 0 perms 65535))
    (raise-argument-error 'call-with-output-file* "(integer-in 0 65535)" perms))
  (let ([p (open-output-file path #:exists exists #:mode mode #:permissions perms)])
    (dynamic-wind void (lambda () (proc p)) (lambda () (close-output-port p)))))

(define (filesystem-change-evt path [fail #f])
  (unless (path-string? path) (raise-argument-error 'filesystem-change-evt "path-string?" path))
  (when (and fail (not (and (procedure? fail) (procedure-arity-includes? fail 0))))
    (raise-argument-error 'filesystem-change-evt "(or/c (procedure-arity-includes/c 0) #f)" fail))
  (or (%filesystem-change-evt path (and fail #t)) (fail)))
