#lang racket/base
;; Ports: the keyword front ends of the file ports over %open-input-file and
;; %open-output-file, and the port sequences (racket/port's own procedures
;; are in port-lib.rkt).

(provide open-input-file open-output-file call-with-input-file call-with-output-file
         with-input-from-file with-output-to-file
         in-port in-input-port-bytes in-input-port-chars in-bytes-lines)

(define (open-input-file path #:mode [mode 'binary] #:for-module? [for-module? #f])
  (%open-input-file path))

(define (open-output-file path #:exists [exists 'error] #:mode [mode 'binary]
                          #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (%open-output-file path exists))

(define (call-with-input-file path proc #:mode [mode 'binary])
  (let ([p (%open-input-file path)])
    (begin0 (proc p) (close-input-port p))))

(define (call-with-output-file path proc #:exists [exists 'error] #:mode [mode 'binary]
                               #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (let ([p (%open-output-file path exists)])
    (begin0 (proc p) (close-output-port p))))

(define (with-input-from-file path thunk #:mode [mode 'binary])
  (let ([p (%open-input-file path)])
    (dynamic-wind void
                  (lambda () (parameterize ([current-input-port p]) (thunk)))
                  (lambda () (close-input-port p)))))

(define (with-output-to-file path thunk #:exists [exists 'error] #:mode [mode 'binary]
                             #:permissions [perms #o666] #:replace-permissions? [replace? #f])
  (let ([p (%open-output-file path exists)])
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
