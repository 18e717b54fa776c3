#lang racket/base
;; Loading and the read-eval-print loop (The Racket Reference §14.1–14.3):
;; load and its handlers, and read-eval-print-loop with the parameters it
;; goes through (current-prompt-read, current-read-interaction,
;; current-print, ...). eval itself is a primitive (prims/namespaces.ts).

(provide load load-relative load/cd load/use-compiled read-eval-print-loop
         (rename-out [default-load-handler #%rkt-internal:default-load-handler]))

;; The default load handler: a `#lang` file declares its module; any other
;; file's forms are read and evaluated in turn, the last one's values
;; being the result.
(define (default-load-handler path expected-module)
  (unless (path-string? path)
    (raise-argument-error 'default-load-handler "path-string?" path))
  (call-with-input-file path
    (lambda (in)
      (if (let ([start (peek-string 4096 0 in)])
            (and (string? start) (regexp-match? #rx"^(?:[ \t\r\n]|;[^\n]*\n)*#(?:lang |!)" start)))
          (begin (%declare-module-file (path->complete-path path)) (void))
          (let loop ([results (begin (port-count-lines! in) (list (void)))])
            (define form (read-syntax (object-name in) in))
            (if (eof-object? form)
                (apply values results)
                (loop (call-with-values (lambda () ((current-eval) form)) list))))))))

(define (directory-of path)
  (let-values ([(base name dir?) (split-path (path->complete-path path))])
    (if (path? base) base (current-directory))))

(define (load path)
  (unless (path-string? path) (raise-argument-error 'load "path-string?" path))
  (parameterize ([current-load-relative-directory (directory-of path)])
    ((current-load) (if (string? path) (string->path path) path) #f)))

(define (load-relative path)
  (unless (path-string? path) (raise-argument-error 'load-relative "path-string?" path))
  (let ([dir (current-load-relative-directory)])
    (load (if dir (path->complete-path path dir) path))))

(define (load/cd path)
  (unless (path-string? path) (raise-argument-error 'load/cd "path-string?" path))
  (parameterize ([current-directory (directory-of path)])
    (load path)))

(define (load/use-compiled path)
  (unless (path-string? path) (raise-argument-error 'load/use-compiled "path-string?" path))
  (parameterize ([current-load-relative-directory (directory-of path)])
    ((current-load/use-compiled) (if (string? path) (string->path path) path) #f)))

;; Each interaction runs under a prompt of the default tag: an abort to it,
;; or an error (reported as the default error display does), ends only
;; that interaction.
(define (read-eval-print-loop)
  (let loop ()
    (define continue?
      (call-with-continuation-prompt
       (lambda ()
         (with-handlers ([exn:fail? (lambda (e)
                                      (let ([port (current-error-port)])
                                        (display (exn-message e) port)
                                        (newline port))
                                      #t)])
           (define form ((current-prompt-read)))
           (if (eof-object? form)
               #f
               (begin
                 (call-with-values (lambda () ((current-eval) form))
                                   (lambda results (for-each (current-print) results)))
                 #t))))
       (default-continuation-prompt-tag)
       (lambda args #t)))
    (when continue? (loop))))
