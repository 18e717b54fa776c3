#lang racket/base
;; Ports: the keyword front ends of the file ports over %open-input-file,
;; %open-output-file and %open-input-output-file, and the port sequences
;; (racket/port's own procedures are in port-lib.rkt).

(provide open-input-file open-output-file open-input-output-file
         call-with-input-file call-with-output-file
         with-input-from-file with-output-to-file
         in-port in-input-port-bytes in-input-port-chars in-bytes-lines)

(define exists-modes '(error append update can-update replace truncate must-truncate truncate/replace))

;; The checks of Racket's front ends, in their order: the path, the
;; procedure (when there is one), then the mode, exists mode and permissions.
(define (check-path who path)
  (unless (path-string? path) (raise-argument-error who "path-string?" path)))
(define (check-mode who mode)
  (unless (memq mode '(binary text)) (raise-argument-error who "(or/c 'binary 'text)" mode)))
(define (check-output who mode exists perms)
  (check-mode who mode)
  (unless (memq exists exists-modes)
    (raise-argument-error
     who "(or/c 'error 'append 'update 'can-update 'replace 'truncate 'must-truncate 'truncate/replace)" exists))
  (unless (and (exact-integer? perms) (<= 0 perms 65535))
    (raise-argument-error who "(integer-in 0 65535)" perms)))

(define (open-input-file path #:mode [mode 'binary] #:for-module? [for-module? #f])
  (check-path 'open-input-file path)
  (check-mode 'open-input-file mode)
  (%open-input-file path))

(define (open-output-file path #:exists [exists 'error] #:mode [mode 'binary] #:permissions [perms #o666])
  (check-path 'open-output-file path)
  (check-output 'open-output-file mode exists perms)
  (%open-output-file path exists perms))

(define (open-input-output-file path #:exists [exists 'error] #:mode [mode 'binary] #:permissions [perms #o666])
  (check-path 'open-input-output-file path)
  (check-output 'open-input-output-file mode exists perms)
  (%open-input-output-file path exists perms))

(define (call-with-input-file path proc #:mode [mode 'binary])
  (check-path 'call-with-input-file path)
  (unless (and (procedure? proc) (procedure-arity-includes? proc 1))
    (raise-argument-error 'call-with-input-file "(input-port? . -> . any)" proc))
  (check-mode 'call-with-input-file mode)
  (let ([p (%open-input-file path)])
    (begin0 (proc p) (close-input-port p))))

(define (call-with-output-file path proc #:exists [exists 'error] #:mode [mode 'binary] #:permissions [perms #o666])
  (check-path 'call-with-output-file path)
  (unless (and (procedure? proc) (procedure-arity-includes? proc 1))
    (raise-argument-error 'call-with-output-file "(output-port? . -> . any)" proc))
  (check-output 'call-with-output-file mode exists perms)
  (let ([p (%open-output-file path exists perms)])
    (begin0 (proc p) (close-output-port p))))

(define (with-input-from-file path thunk #:mode [mode 'binary])
  (check-path 'with-input-from-file path)
  (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0))
    (raise-argument-error 'with-input-from-file "(-> any)" thunk))
  (check-mode 'with-input-from-file mode)
  (let ([p (%open-input-file path)])
    (dynamic-wind void
                  (lambda () (parameterize ([current-input-port p]) (thunk)))
                  (lambda () (close-input-port p)))))

(define (with-output-to-file path thunk #:exists [exists 'error] #:mode [mode 'binary] #:permissions [perms #o666])
  (check-path 'with-output-to-file path)
  (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0))
    (raise-argument-error 'with-output-to-file "(-> any)" thunk))
  (check-output 'with-output-to-file mode exists perms)
  (let ([p (%open-output-file path exists perms)])
    (dynamic-wind void
                  (lambda () (parameterize ([current-output-port p]) (thunk)))
                  (lambda () (close-output-port p)))))

;; Sequences over a port: each element is what `reader` returns, until eof.
(define (port-sequence reader in)
  (%make-proc-sequence (lambda () (reader in))
                       (lambda (v) (not (eof-object? v)))
                       (lambda (v) v)
                       (lambda (v) (reader in))))

(define (in-port [reader read] [in (current-input-port)])
  (unless (and (procedure? reader) (procedure-arity-includes? reader 1))
    (raise-argument-error 'in-port "(procedure-arity-includes/c 1)" reader))
  (unless (input-port? in) (raise-argument-error 'in-port "input-port?" in))
  (port-sequence reader in))

(define (in-input-port-bytes in)
  (unless (input-port? in) (raise-argument-error 'in-input-port-bytes "input-port?" in))
  (port-sequence read-byte in))

(define (in-input-port-chars in)
  (unless (input-port? in) (raise-argument-error 'in-input-port-chars "input-port?" in))
  (port-sequence read-char in))

(define (in-bytes-lines [in (current-input-port)] [mode 'any])
  (unless (input-port? in) (raise-argument-error 'in-bytes-lines "input-port" in))
  (unless (memq mode '(linefeed return return-linefeed any any-one))
    (raise-argument-error 'in-bytes-lines "(or/c 'linefeed 'return 'return-linefeed 'any 'any-one)" mode))
  (port-sequence (lambda (in) (read-bytes-line in mode)) in))
