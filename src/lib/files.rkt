#lang racket/base
;; racket/file: whole files read and written through the file ports.

(provide (rename-out [file->string racket/file:file->string]
                     [file->bytes racket/file:file->bytes]
                     [file->lines racket/file:file->lines]
                     [display-to-file racket/file:display-to-file]
                     [write-to-file racket/file:write-to-file]
                     [display-lines-to-file racket/file:display-lines-to-file]))

(define (file->string path #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (let ([s (read-string 1000000000 p)]) (if (eof-object? s) "" s)))))

(define (file->bytes path #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (let ([b (read-bytes 1000000000 p)]) (if (eof-object? b) #"" b)))))

(define (file->lines path #:line-mode [line-mode 'any] #:mode [mode 'binary])
  (call-with-input-file path (lambda (p) (for/list ([l (in-lines p line-mode)]) l))))

(define (display-to-file v path #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (display v p)) #:exists exists))

(define (write-to-file v path #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (write v p)) #:exists exists))

(define (display-lines-to-file lst path #:separator [sep "\n"] #:exists [exists 'error] #:mode [mode 'binary])
  (call-with-output-file path (lambda (p) (for-each (lambda (x) (display x p) (display sep p)) lst)) #:exists exists))
