#lang racket/base
;; Paths built from other path operations: PATH-style lists, finding an
;; executable along PATH, and re-rooting a path under another.

(provide path-list-string->path-list find-executable-path reroot-path)

(define (path-list-string->path-list s default)
  (unless (or (bytes? s) (string? s))
    (raise-argument-error 'path-list-string->path-list "(or/c bytes? string?)" s))
  (let ([b (if (string? s) (string->bytes/utf-8 s) s)])
    (when (regexp-match? #rx#"\0" b)
      (let ([label (if (bytes? s) "byte string" "string")])
        (raise-arguments-error 'path-list-string->path-list
                               (format "given ~a contains a nul character" label)
                               label s)))
    ;; Racket checks only that the default is a list.
    (unless (list? default)
      (raise-argument-error 'path-list-string->path-list "(listof path?)" default))
    ;; An empty element stands for the default list.
    (let loop ([elems (regexp-split #rx#":" b)])
      (cond [(null? elems) '()]
            [(bytes=? (car elems) #"") (append default (loop (cdr elems)))]
            [else (cons (bytes->path (car elems)) (loop (cdr elems)))]))))

(define (find-executable-path program [related #f] [deep? #f])
  (unless (path-string? program)
    (raise-argument-error 'find-executable-path "path-string?" program))
  (unless (or (not related) (and (path-string? related) (relative-path? related)))
    (raise-argument-error 'find-executable-path "(or/c #f (and/c path-string? relative-path?))" related))
  ;; With `related`, the answer is that path beside the executable, looked for
  ;; beside each link the executable resolves through (last first when deep?).
  (define (found exec)
    (if related
        (let-values ([(base name dir?) (split-path exec)])
          (define (through-link)
            (let ([target (resolve-path exec)])
              (cond [(equal? target exec) #f]
                    [(relative-path? target) (found (build-path base target))]
                    [else (found target)])))
          (or (and deep? (through-link))
              (and (path? base)
                   (let ([lib (build-path base related)])
                     (and (or (directory-exists? lib) (file-exists? lib)) lib)))
              (and (not deep?) (through-link))))
        exec))
  (let-values ([(base name dir?) (split-path program)])
    (if (and (relative-path? program) (eq? base 'relative))
        (let ([path-var (environment-variables-ref (current-environment-variables) #"PATH")])
          (let loop ([dirs (if path-var (path-list-string->path-list path-var '()) '())])
            (and (pair? dirs)
                 (let ([candidate (build-path (path->complete-path (car dirs)) program)])
                   (if (file-exists? candidate) (found candidate) (loop (cdr dirs)))))))
        (let ([p (path->complete-path program)])
          (and (file-exists? p) (found p))))))

(define (reroot-path p root)
  (unless (or (path-string? p) (path-for-some-system? p))
    (raise-argument-error 'reroot-path "(or/c path-string? path-for-some-system?)" 0 p root))
  (unless (or (path-string? root) (path-for-some-system? root))
    (raise-argument-error 'reroot-path "(or/c path-string? path-for-some-system?)" 1 p root))
  (let ([elems (cdr (explode-path (path->complete-path p)))])
    (if (null? elems)
        (if (path? root) root (string->path root))
        (apply build-path root elems))))
