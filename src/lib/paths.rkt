#lang racket/base
;; Paths built from other path operations: PATH-style lists, finding an
;; executable along PATH, and re-rooting a path under another.

(provide path-list-string->path-list find-executable-path reroot-path
         (rename-out [simple-form-path racket/path:simple-form-path]
                     [file-name-from-path racket/path:file-name-from-path]
                     [path-only racket/path:path-only]
                     [filename-extension racket/path:filename-extension]
                     [path-get-extension racket/path:path-get-extension]
                     [path-has-extension? racket/path:path-has-extension?]
                     [find-relative-path racket/path:find-relative-path]
                     [shrink-path-wrt racket/path:shrink-path-wrt]
                     [path-element? racket/path:path-element?]
                     [some-system-path->string racket/path:some-system-path->string]
                     [string->some-system-path racket/path:string->some-system-path]
                     [normalize-path racket/path:normalize-path]))

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

;; ---------------------------------------------------------------- racket/path

(define (simple-form-path p)
  (unless (path-string? p) (raise-argument-error 'simple-form-path "path-string?" p))
  (simplify-path (path->complete-path p)))

(define (check-path-arg who p)
  (unless (or (path-string? p) (path-for-some-system? p))
    (raise-argument-error who "(or/c path-string? path-for-some-system?)" p)))

;; The last element of `p` when it names a file (or, with `dir-ok?`, a directory too).
(define (last-element who p dir-ok?)
  (check-path-arg who p)
  (let-values ([(base name dir?) (split-path p)])
    (and (or dir-ok? (not dir?)) (path-for-some-system? name) name)))

(define (file-name-from-path p) (last-element 'file-name-from-path p #f))

(define (path-only p)
  (check-path-arg 'path-only p)
  (let-values ([(base name dir?) (split-path p)])
    (cond [dir? (if (string? p) (string->path p) p)]
          [(path-for-some-system? base) base]
          [else #f])))

;; "txt" of "b.txt": after the last dot (a name that is all extension counts).
(define (filename-extension p)
  (let ([name (last-element 'filename-extension p #f)])
    (and name
         (let ([m (regexp-match #rx#"[.]([^.]+)$" (path->bytes name))]) (and m (cadr m))))))

;; ".txt" of "b.txt", but nothing for ".rc": the dot must follow something.
(define (path-get-extension p)
  (let ([name (last-element 'path-get-extension p #t)])
    (and name
         (let ([m (regexp-match #rx#"(?<=.)([.][^.]+)$" (path->bytes name))]) (and m (cadr m))))))

;; (Racket 8.7 reports both argument errors as path-extension=?'s, the second
;; naming the path; so does this.)
(define (path-has-extension? p sfx)
  (unless (path-string? p) (raise-argument-error 'path-extension=? "path-string?" p))
  (unless (or (bytes? sfx) (string? sfx)) (raise-argument-error 'path-extension=? "(or/c bytes? string?)" p))
  (let-values ([(base name dir?) (split-path p)])
    (and base
         (path? name)
         (let ([bs (path-element->bytes name)]
               [end (if (bytes? sfx) sfx (string->bytes/utf-8 sfx))])
           (and (> (bytes-length bs) (bytes-length end))
                (bytes=? end (subbytes bs (- (bytes-length bs) (bytes-length end)))))))))

(define (exploded who p)
  (let ([parts (explode-path p)])
    (for ([e (in-list parts)])
      (unless (path-for-some-system? e)
        (raise-argument-error who "(and/c path-for-some-system? simple-form?)" p)))
    parts))

;; `file` relative to `dir` when they share their root: as `file` itself when
;; they are the same (unless #:more-than-same? is #f), else with `..` up from `dir`.
(define (find-relative-path dir file
                            #:more-than-same? [more-than-same? #t]
                            #:more-than-root? [more-than-root? #f]
                            #:normalize-case? [normalize-case? #t])
  (let ([ds (exploded 'find-relative-path dir)]
        [fs (exploded 'find-relative-path file)]
        [same? (lambda (a b) (if normalize-case? (equal? (normal-case-path a) (normal-case-path b)) (equal? a b)))])
    (if (and (same? (car ds) (car fs))
             (or (not more-than-root?) (null? (cdr ds)) (null? (cdr fs)) (same? (cadr ds) (cadr fs))))
        (let loop ([ds (cdr ds)] [fs (cdr fs)])
          (cond [(null? ds) (if (null? fs) (if more-than-same? file (build-path 'same)) (apply build-path fs))]
                [(null? fs) (apply build-path (map (lambda (x) 'up) ds))]
                [(same? (car ds) (car fs)) (loop (cdr ds) (cdr fs))]
                [else (apply build-path (append (map (lambda (x) 'up) ds) fs))]))
        file)))

;; The shortest end of `p` that tells it apart from each of `others` (#f when none differ).
(define (shrink-path-wrt p others)
  (unless (path? p) (raise-argument-error 'shrink-path-wrt "path?" 0 p others))
  (unless (and (list? others) (andmap path? others))
    (raise-argument-error 'shrink-path-wrt "(listof path?)" 1 p others))
  (let* ([mine (reverse (explode-path p))]
         [theirs (filter (lambda (x) (not (equal? x mine))) (map (lambda (o) (reverse (explode-path o))) others))])
    (if (null? theirs)
        #f
        (let ([keep (for/fold ([keep 1]) ([t (in-list theirs)])
                      (max keep (let count ([a t] [b mine] [i 1])
                                  (if (or (null? a) (null? b) (not (equal? (car a) (car b)))) i (count (cdr a) (cdr b) (add1 i))))))])
          (apply build-path (reverse (let take ([n keep] [l mine]) (if (or (zero? n) (null? l)) '() (cons (car l) (take (sub1 n) (cdr l)))))))))))

(define (path-element? p)
  (and (path-for-some-system? p)
       (let-values ([(base name dir?) (split-path p)])
         (and (eq? base 'relative) (path-for-some-system? name)))))

(define (some-system-path->string p)
  (unless (path-for-some-system? p) (raise-argument-error 'some-system-path->string "path-for-some-system?" p))
  (bytes->string/utf-8 (path->bytes p)))

(define (string->some-system-path s kind)
  (unless (string? s) (raise-argument-error 'string->some-system-path "string?" s))
  (unless (memq kind '(unix windows)) (raise-argument-error 'string->some-system-path "(or/c 'unix 'windows)" kind))
  (bytes->path (string->bytes/utf-8 s) kind))

;; ------------------------------------------------------------ normalize-path

;; (normalize-path path [wrt]): a complete path with every soft link resolved
;; and no . or .. elements; wrt completes a relative path (the current directory).
(define (normalize-path path [wrt (current-directory)])
  (unless (and (path-string? wrt) (complete-path? wrt))
    (raise-argument-error 'normalize-path "(and/c path-string? complete-path?)" wrt))
  (np-normalize path wrt))

(define (np-circular p) (error 'normalize-path "circular reference found\n  path: ~a" p))
(define (np-not-a-dir p)
  (error 'normalize-path "element within the input path is not a directory or does not exist\n  element: ~a" p))

;; Follows links from path until one resolves to itself, then normalizes that.
(define (np-resolve-all path wrt)
  (let ([start (if (and wrt (not (complete-path? path))) (path->complete-path path wrt) path)])
    (let follow ([p start] [seen (list start)])
      (let ([target (resolve-path p)])
        (if (equal? target p)
            (np-normalize target #f)
            (let ([next (if (relative-path? target)
                            (let-values ([(base name dir?) (split-path p)]) (build-path base target))
                            target)])
              (when (member next seen) (np-circular next))
              (follow (with-handlers ([exn:fail:filesystem? (lambda (e) (np-circular next))])
                        (simplify-path next))
                      (cons next seen))))))))

(define (np-resolve p)
  (if (equal? p (resolve-path p)) p (np-resolve-all p #f)))

(define (np-normalize orig wrt)
  (let walk ([p (cleanse-path orig)])
    (let-values ([(base name dir?) (split-path p)])
      (cond
        [(eq? name 'up)
         (let parent ([dir (if (eq? base 'relative) wrt (np-resolve-all base wrt))])
           (unless (directory-exists? dir) (np-not-a-dir dir))
           (let-values ([(above last dir?) (split-path dir)])
             (unless above
               (error 'normalize-path "root has no parent directory\n  root path: ~a" orig))
             (let ([above (if (eq? above 'relative) wrt (walk above))])
               (case last
                 [(same) (parent above)]
                 [(up) (parent (parent above))]
                 [else above]))))]
        [(eq? name 'same)
         (if (eq? base 'relative)
             wrt
             (let ([n (walk base)])
               (if (directory-exists? n) n (np-not-a-dir n))))]
        [(not base) (path->complete-path p)]
        [else
         (let* ([dir (walk (if (eq? base 'relative) wrt base))]
                [full (if (directory-exists? dir) (build-path dir name) (np-not-a-dir dir))]
                [target (cleanse-path (np-resolve full))])
           (cond [(relative-path? target) (walk (build-path dir target))]
                 [(complete-path? target) target]
                 [else (path->complete-path target dir)]))]))))
