#lang racket/base
;; Ports: the keyword front ends of the file ports over %open-input-file and
;; %open-output-file, and racket/port's string-port helpers.

(provide open-input-file open-output-file call-with-input-file call-with-output-file
         with-input-from-file with-output-to-file
         (rename-out [call-with-output-string racket/port:call-with-output-string]
                     [with-output-to-string racket/port:with-output-to-string]))

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

(define (call-with-output-string f)
  (let ([p (open-output-string)]) (f p) (get-output-string p)))

(define (with-output-to-string thunk)
  (let ([p (open-output-string)])
    (parameterize ([current-output-port p]) (thunk))
    (get-output-string p)))
