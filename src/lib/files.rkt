#lang racket/base
;; racket/file: whole files read and written, directory trees (copy, delete,
;; fold, find, closure), temporary files, atomic output, lock files, the
;; preferences file, and the permission-bit constants, with the argument
;; checks and messages of collects/racket/file.rkt.

(provide (rename-out [file->string racket/file:file->string]
                     [file->bytes racket/file:file->bytes]
                     [file->value racket/file:file->value]
                     [file->list racket/file:file->list]
                     [file->lines racket/file:file->lines]
                     [file->bytes-lines racket/file:file->bytes-lines]
                     [display-to-file racket/file:display-to-file]
                     [write-to-file racket/file:write-to-file]
                     [display-lines-to-file racket/file:display-lines-to-file]
                     [delete-directory/files racket/file:delete-directory/files]
                     [copy-directory/files racket/file:copy-directory/files]
                     [make-directory* racket/file:make-directory*]
                     [make-parent-directory* racket/file:make-parent-directory*]
                     [make-temporary-file #%rkt-internal:make-temporary-file]
                     [make-temporary-directory #%rkt-internal:make-temporary-directory]
                     [make-temporary-file* #%rkt-internal:make-temporary-file*]
                     [make-temporary-directory* #%rkt-internal:make-temporary-directory*]
                     [make-temporary/affixes #%rkt-internal:make-temporary/affixes]
                     [call-with-atomic-output-file racket/file:call-with-atomic-output-file]
                     [get-preference racket/file:get-preference]
                     [put-preferences racket/file:put-preferences]
                     [preferences-lock-file-mode racket/file:preferences-lock-file-mode]
                     [make-handle-get-preference-locked racket/file:make-handle-get-preference-locked]
                     [make-lock-file-name racket/file:make-lock-file-name]
                     [call-with-file-lock/timeout racket/file:call-with-file-lock/timeout]
                     [fold-files racket/file:fold-files]
                     [find-files racket/file:find-files]
                     [pathlist-closure racket/file:pathlist-closure]
                     [file-type-bits racket/file:file-type-bits]
                     [socket-type-bits racket/file:socket-type-bits]
                     [symbolic-link-type-bits racket/file:symbolic-link-type-bits]
                     [regular-file-type-bits racket/file:regular-file-type-bits]
                     [block-device-type-bits racket/file:block-device-type-bits]
                     [directory-type-bits racket/file:directory-type-bits]
                     [character-device-type-bits racket/file:character-device-type-bits]
                     [fifo-type-bits racket/file:fifo-type-bits]
                     [set-user-id-bit racket/file:set-user-id-bit]
                     [set-group-id-bit racket/file:set-group-id-bit]
                     [sticky-bit racket/file:sticky-bit]
                     [user-permission-bits racket/file:user-permission-bits]
                     [user-read-bit racket/file:user-read-bit]
                     [user-write-bit racket/file:user-write-bit]
                     [user-execute-bit racket/file:user-execute-bit]
                     [group-permission-bits racket/file:group-permission-bits]
                     [group-read-bit racket/file:group-read-bit]
                     [group-write-bit racket/file:group-write-bit]
                     [group-execute-bit racket/file:group-execute-bit]
                     [other-permission-bits racket/file:other-permission-bits]
                     [other-read-bit racket/file:other-read-bit]
                     [other-write-bit racket/file:other-write-bit]
                     [other-execute-bit racket/file:other-execute-bit]))

;; ------------------------------------------------------------ whole files

(define (check-path who f)
  (unless (path-string? f) (raise-argument-error who "path-string?" f)))

(define (check-file-mode who mode)
  (unless (memq mode '(binary text)) (raise-argument-error who "(or/c 'binary 'text)" mode)))

(define (check-line-mode who mode)
  (unless (memq mode '(linefeed return return-linefeed any any-one))
    (raise-argument-error who "(or/c 'linefeed 'return 'return-linefeed 'any 'any-one)" mode)))

;; All of the file, read in chunks by `read-chunk` and joined by `join`.
(define (file->whole who f mode read-chunk join empty)
  (check-path who f)
  (check-file-mode who mode)
  (call-with-input-file* f #:mode mode
    (lambda (in)
      (let loop ([acc '()])
        (let ([chunk (read-chunk 4096 in)])
          (if (eof-object? chunk)
              (if (null? acc) empty (apply join (reverse acc)))
              (loop (cons chunk acc))))))))

(define (file->string f #:mode [mode 'binary])
  (file->whole 'file->string f mode read-string string-append ""))

(define (file->bytes f #:mode [mode 'binary])
  (file->whole 'file->bytes f mode read-bytes bytes-append #""))

(define (file->value f #:mode [mode 'binary])
  (check-path 'file->value f)
  (check-file-mode 'file->value mode)
  (call-with-input-file* f #:mode mode read))

(define (file->list f [reader read] #:mode [mode 'binary])
  (check-path 'file->list f)
  (check-file-mode 'file->list mode)
  (unless (and (procedure? reader) (procedure-arity-includes? reader 1))
    (raise-argument-error 'file->list "(procedure-arity-includes/c 1)" reader))
  (call-with-input-file* f #:mode mode
    (lambda (in)
      (let loop ([acc '()])
        (let ([v (reader in)])
          (if (eof-object? v) (reverse acc) (loop (cons v acc))))))))

(define (file->some-lines who f line-mode mode read-a-line)
  (check-path who f)
  (check-line-mode who line-mode)
  (check-file-mode who mode)
  (call-with-input-file* f #:mode mode
    (lambda (in)
      (let loop ([acc '()])
        (let ([l (read-a-line in line-mode)])
          (if (eof-object? l) (reverse acc) (loop (cons l acc))))))))

(define (file->lines f #:line-mode [line-mode 'any] #:mode [mode 'binary])
  (file->some-lines 'file->lines f line-mode mode read-line))

(define (file->bytes-lines f #:line-mode [line-mode 'any] #:mode [mode 'binary])
  (file->some-lines 'file->bytes-lines f line-mode mode read-bytes-line))

(define (to-file who f mode exists write-it)
  (check-path who f)
  (check-file-mode who mode)
  (unless (memq exists '(error append update replace truncate truncate/replace))
    (raise-argument-error who "(or/c 'error 'append 'update 'replace 'truncate 'truncate/replace)" exists))
  (call-with-output-file* f #:mode mode #:exists exists write-it))

(define (display-to-file v f #:mode [mode 'binary] #:exists [exists 'error])
  (to-file 'display-to-file f mode exists (lambda (out) (display v out))))

(define (write-to-file v f #:mode [mode 'binary] #:exists [exists 'error])
  (to-file 'write-to-file f mode exists (lambda (out) (write v out))))

(define (display-lines-to-file lines f #:mode [mode 'binary] #:exists [exists 'error] #:separator [sep #"\n"])
  (unless (list? lines) (raise-argument-error 'display-lines-to-file "list?" lines))
  (to-file 'display-lines-to-file f mode exists
           (lambda (out)
             (for-each (lambda (l) (display l out) (display sep out)) lines))))

;; ------------------------------------------------------------ directory trees

(define (not-file-or-directory who path)
  (raise (make-exn:fail:filesystem
          (format "~a: encountered path that is neither file nor directory\n  path: ~a" who path)
          (current-continuation-marks))))

(define (delete-directory/files path #:must-exist? [must-exist? #t])
  (check-path 'delete-directory/files path)
  (let loop ([path path])
    (case (file-or-directory-type path)
      [(file link) (delete-file path)]
      [(directory)
       (for-each (lambda (e) (loop (build-path path e))) (directory-list path))
       (delete-directory path)]
      [(directory-link) (delete-directory path)]
      [else (when must-exist? (not-file-or-directory 'delete-directory/files path))])))

(define (copy-directory/files src dest #:keep-modify-seconds? [keep-seconds? #f] #:preserve-links? [links? #f])
  (let loop ([src src] [dest dest])
    (cond
      [(and links? (link-exists? src)) (make-file-or-directory-link (resolve-path src) dest)]
      [(file-exists? src)
       (copy-file src dest)
       (when keep-seconds?
         (file-or-directory-modify-seconds dest (file-or-directory-modify-seconds src)))]
      [(directory-exists? src)
       (make-directory dest)
       (for-each (lambda (e) (loop (build-path src e) (build-path dest e))) (directory-list src))]
      [else (not-file-or-directory 'copy-directory/files src)])))

(define (make-directory* dir)
  (check-path 'make-directory* dir)
  (let-values ([(base name dir?) (split-path dir)])
    (when (and (path? base) (not (directory-exists? base)))
      (make-directory* base))
    (unless (directory-exists? dir)
      (with-handlers ([exn:fail:filesystem:exists? void])
        (make-directory dir)))))

(define (make-parent-directory* p)
  (check-path 'make-parent-directory* p)
  (let-values ([(base name dir?) (split-path p)])
    (when (path? base) (make-directory* base))))

;; Calls (f path kind acc) on each path of the tree, directories before their content;
;; for a directory, a second result #f skips its content.
(define (fold-files f init [path #f] [follow-links? #t])
  (define (first-of thunk)
    (call-with-values thunk (case-lambda [(v) v] [(v skip) v])))
  (define (one path acc)
    (cond
      [(and (not follow-links?) (link-exists? path)) (first-of (lambda () (f path 'link acc)))]
      [(directory-exists? path)
       (call-with-values (lambda () (f path 'dir acc))
                         (case-lambda
                           [(acc) (many (map (lambda (p) (build-path path p)) (directory-list path)) acc)]
                           [(acc descend?)
                            (if descend?
                                (many (map (lambda (p) (build-path path p)) (directory-list path)) acc)
                                acc)]))]
      [(file-exists? path) (first-of (lambda () (f path 'file acc)))]
      [(link-exists? path) (first-of (lambda () (f path 'link acc)))]
      [else (error 'fold-files "path disappeared: ~e" path)]))
  (define (many paths acc)
    (if (null? paths) acc (many (cdr paths) (one (car paths) acc))))
  (if path
      (one (if (path? path) path (string->path path)) init)
      (many (directory-list) init)))

(define (find-files pred [path #f] #:follow-links? [follow-links? #t] #:skip-filtered-directory? [skip? #f])
  (reverse
   (fold-files (lambda (p kind acc)
                 (cond
                   [(pred p) (cons p acc)]
                   [(and skip? (eq? kind 'dir)) (values acc #f)]
                   [else acc]))
               '()
               path
               follow-links?)))

;; A link's target, as a path beside the link when it is relative.
(define (follow-link p)
  (let ([target (resolve-path p)])
    (if (relative-path? target)
        (let-values ([(base name dir?) (split-path p)])
          ((if dir? path->directory-path values) (if (path? base) (build-path base target) target)))
        target)))

(define (pathlist-closure paths #:follow-links? [follow-links? #f] #:path-filter [path-filter #f])
  (let loop ([paths (map (lambda (p)
                           (simplify-path
                            (let resolve ([p p])
                              (if (and follow-links? (link-exists? p)) (resolve (follow-link p)) p))
                            #f))
                         paths)]
             [result '()])
    (if (null? paths)
        (reverse result)
        (let ([p (car paths)])
          (let add-parents ([path p]
                            [new (cond
                                   [(and (not follow-links?) (link-exists? p)) (list p)]
                                   [(file-exists? p) (list p)]
                                   [(directory-exists? p)
                                    (find-files (or path-filter void)
                                                (path->directory-path p)
                                                #:skip-filtered-directory? #t
                                                #:follow-links? follow-links?)]
                                   [else (error 'pathlist-closure "file/directory not found: ~a" p)])])
            (let-values ([(base name dir?) (split-path path)])
              (if (path? base)
                  (add-parents base (if (or (member base result) (member base paths)) new (cons base new)))
                  (loop (cdr paths) (append (reverse new) result)))))))))

;; ------------------------------------------------------------ temporary files

;; The make-temporary-file forms (macros/temporary-files.ts) call these; a
;; use without a template passes one made from where the use is.
(define (make-temporary-at who copy-from base-dir make-name)
  (let ([tmpdir (find-system-path 'temp-dir)])
    (let loop ([s (current-seconds)]
               [ms (inexact->exact (truncate (current-inexact-milliseconds)))])
      (let ([p (path->complete-path
                (let ([n (make-name (format "~a~a" s ms))])
                  (cond
                    [base-dir (build-path base-dir n)]
                    [(relative-path? n) (build-path tmpdir n)]
                    [else n])))])
        (with-handlers ([exn:fail:filesystem:exists?
                         (lambda (e) (loop (- s (random 10)) (+ ms (random 10))))])
          (cond
            [(eq? copy-from 'directory) (make-directory p)]
            [copy-from (copy-file copy-from p)]
            [else (close-output-port (open-output-file p))])
          p)))))

(define (check-base-dir who base-dir)
  (unless (or (not base-dir) (path-string? base-dir))
    (raise-argument-error who "(or/c path-string? #f)" base-dir)))

(define (invalid-result-message what details)
  (string-append "given " what " produced an invalid result;\n " details))

(define (make-from-template who template copy-from base-dir)
  (unless (or (not copy-from) (path-string? copy-from) (eq? copy-from 'directory))
    (raise-argument-error who "(or/c path-string? 'directory #f)" copy-from))
  (check-base-dir who base-dir)
  (unless (string? template) (raise-argument-error who "string?" template))
  (let* ([make-name (lambda (digits) (format template digits))]
         [sample (with-handlers ([exn:fail:contract?
                                  (lambda (e)
                                    (raise-arguments-error
                                     who "malformed template"
                                     "expected" (unquoted-printing-string "a format string accepting 1 string argument")
                                     "given" template))])
                   (make-name "0"))])
    (unless (path-string? sample)
      (raise-arguments-error who "given template produced an invalid path"
                             "promised" (unquoted-printing-string "path-string?")
                             "produced" sample
                             "template" template))
    (when (and base-dir (complete-path? sample))
      (raise-arguments-error who (invalid-result-message "template" "complete path can not be combined with base-dir")
                             "template" template "produced" sample "base-dir" base-dir))
    (unless (eq? copy-from 'directory)
      (let-values ([(base name dir?) (split-path sample)])
        (when dir?
          (raise-arguments-error who (invalid-result-message "template" "syntactic directory path not allowed unless copy-from is 'directory")
                                 "template" template "produced" sample "copy-from" copy-from))))
    (make-temporary-at who copy-from base-dir make-name)))

;; The by-position copy-from and base-dir (the old protocol) default to the keyword ones.
(define (make-temporary-file [template "rkttmp~a"] [copy-from unspecified] [base-dir unspecified]
                             #:copy-from [kw-copy-from #f] #:base-dir [kw-base-dir #f])
  (make-from-template 'make-temporary-file template
                      (if (eq? copy-from unspecified) kw-copy-from copy-from)
                      (if (eq? base-dir unspecified) kw-base-dir base-dir)))

(define unspecified (string->uninterned-symbol "unspecified"))

(define (make-temporary-directory [template "rkttmp~a"] #:base-dir [base-dir #f])
  (make-from-template 'make-temporary-directory template 'directory base-dir))

(define (make-from-affixes who context prefix suffix copy-from base-dir directory?)
  (unless (bytes? prefix) (raise-argument-error who "bytes?" prefix))
  (unless (bytes? suffix) (raise-argument-error who "bytes?" suffix))
  (check-base-dir who base-dir)
  (unless (or directory? (not copy-from) (path-string? copy-from))
    (raise-argument-error who "(or/c path-string? #f)" copy-from))
  (let* ([name-bytes (lambda (digits) (bytes-append prefix context (string->bytes/utf-8 digits) suffix))]
         [sample-bytes (name-bytes "0")]
         [sample (with-handlers ([exn:fail?
                                  (lambda (e)
                                    (raise-arguments-error who "given prefix and suffix produced an invalid path"
                                                           "prefix" prefix "suffix" suffix "produced" sample-bytes))])
                   (bytes->path sample-bytes))])
    (when (and base-dir (complete-path? sample))
      (raise-arguments-error who (invalid-result-message "prefix and suffix" "complete path can not be combined with base-dir")
                             "prefix" prefix "suffix" suffix "produced" sample "base-dir" base-dir))
    (unless directory?
      (let-values ([(base name dir?) (split-path sample)])
        (when dir?
          (raise-arguments-error who (invalid-result-message "prefix and suffix" "syntactic directory path not allowed")
                                 "prefix" prefix "suffix" suffix "produced" sample))))
    (make-temporary-at who (if directory? 'directory copy-from) base-dir
                       (lambda (digits) (bytes->path (name-bytes digits))))))

(define (make-temporary-file* prefix suffix #:copy-from [copy-from #f] #:base-dir [base-dir #f])
  (make-from-affixes 'make-temporary-file* #"" prefix suffix copy-from base-dir #f))

(define (make-temporary-directory* prefix suffix #:base-dir [base-dir #f])
  (make-from-affixes 'make-temporary-directory* #"" prefix suffix 'directory base-dir #t))

;; A `*` form's use: `context` (where the use is) goes between the prefix and the digits.
(define (make-temporary/affixes context prefix suffix copy-from base-dir directory?)
  (make-from-affixes (if directory? 'make-temporary-directory* 'make-temporary-file*)
                     context prefix suffix copy-from base-dir directory?))

;; The name Racket's call-with-atomic-output-file gives its file: its make-temporary-file
;; use in collects/racket/file.rkt (line 586, column 20) names it.
(define atomic-template "COLLECTS-racket-file.rkt-586-20_~a")

;; The directory `path` is in, or the current directory for a bare name.
(define (directory-of path)
  (let-values ([(base name dir?) (split-path path)])
    (if (path? base) base (current-directory))))

;; Writes to a temporary file beside `path`, renamed to `path` once `proc` returns;
;; removed if `proc` escapes.
(define (call-with-atomic-output-file path proc #:security-guard [guard #f] #:rename-fail-handler [rename-fail #f])
  (check-path 'call-with-atomic-output-file path)
  (unless (and (procedure? proc) (procedure-arity-includes? proc 2))
    (raise-argument-error 'call-with-atomic-output-file "(procedure-arity-includes/c 2)" proc))
  (unless (or (not guard) (security-guard? guard))
    (raise-argument-error 'call-with-atomic-output-file "(or/c #f security-guard?)" guard))
  (unless (or (not rename-fail) (procedure? rename-fail))
    (raise-argument-error 'call-with-atomic-output-file "(or/c #f (procedure-arity-includes/c 2))" rename-fail))
  (let* ([with-guard (lambda (thunk)
                       (parameterize ([current-security-guard (or guard (current-security-guard))]) (thunk)))]
         [tmp (with-guard (lambda () (make-temporary-file atomic-template #f (directory-of path))))]
         [ok? #f])
    (dynamic-wind
     void
     (lambda ()
       (begin0
         (let ([out (with-guard (lambda () (open-output-file tmp #:exists 'truncate/replace)))])
           (dynamic-wind void (lambda () (proc out tmp)) (lambda () (close-output-port out))))
         (set! ok? #t)))
     (lambda ()
       (with-guard
        (lambda ()
          (if ok?
              (with-handlers ([(lambda (e) #t)
                               (lambda (e)
                                 (with-handlers ([exn:fail:filesystem? void]) (delete-file tmp))
                                 (raise e))])
                (rename-file-or-directory tmp path #t))
              (with-handlers ([exn:fail:filesystem? void]) (delete-file tmp)))))))))

;; ------------------------------------------------------------ lock files

(define make-lock-file-name
  (case-lambda
    [(path)
     (check-path 'make-lock-file-name path)
     (let-values ([(dir name dir?) (split-path path)])
       (if (eq? dir 'relative)
           (lock-element name)
           (make-lock-file-name dir name)))]
    [(dir name)
     (check-path 'make-lock-file-name dir)
     (unless (path-element? name) (raise-argument-error 'make-lock-file-name "path-element?" name))
     (build-path dir (lock-element name))]))

(define (lock-element name)
  (bytes->path-element (bytes-append #".LOCK" (path-element->bytes name))))

(define (preferences-lock-file-mode) 'exists)

;; The file locks this runtime holds: lock file (complete path) -> (kind . holders).
;; Node has no advisory locks (flock), so a 'file-lock lock is kept here: it
;; excludes the other threads of this program, not other processes.
(define held-locks (make-hash))

(define (take-file-lock! lock-file kind)
  (let* ([key (path->string (path->complete-path lock-file))]
         [held (hash-ref held-locks key #f)])
    (cond
      [(not held) (hash-set! held-locks key (cons kind 1)) key]
      [(and (eq? kind 'shared) (eq? (car held) 'shared))
       (hash-set! held-locks key (cons 'shared (add1 (cdr held))))
       key]
      [else #f])))

(define (release-file-lock! key)
  (let ([held (hash-ref held-locks key)])
    (if (= (cdr held) 1)
        (hash-remove! held-locks key)
        (hash-set! held-locks key (cons (car held) (sub1 (cdr held)))))))

;; Runs `thunk` holding the lock, or `failure-thunk` when another has it.
(define (with-file-lock kind lock-file thunk failure-thunk lock-style)
  (if (eq? lock-style 'file-lock)
      (begin
        ;; The lock file is made if it is missing, and stays, as Racket's does.
        (unless (file-exists? lock-file)
          (with-handlers ([exn:fail:filesystem:exists? void])
            (close-output-port (open-output-file lock-file #:exists 'error))))
        (let ([key (take-file-lock! lock-file kind)])
          (if key
              (dynamic-wind void thunk (lambda () (release-file-lock! key)))
              (failure-thunk))))
      (case kind
        [(shared) (thunk)]
        [else
         (if (with-handlers ([exn:fail:filesystem:exists? (lambda (e) #f)])
               (close-output-port (open-output-file lock-file #:exists 'error))
               #t)
             (dynamic-wind void thunk (lambda () (delete-file lock-file)))
             (failure-thunk))])))

(define (call-with-file-lock/timeout fn kind thunk failure-thunk
                                     #:lock-file [lock-file #f] #:delay [delay 0.01] #:max-delay [max-delay 0.2])
  (let ([who 'call-with-file-lock/timeout])
    (unless (or (path-string? fn) (not fn)) (raise-argument-error who "(or/c path-string? #f)" fn))
    (unless (memq kind '(shared exclusive)) (raise-argument-error who "(or/c 'shared 'exclusive)" kind))
    (unless (and (procedure? thunk) (procedure-arity-includes? thunk 0)) (raise-argument-error who "(-> any)" thunk))
    ;; Racket tests the failure thunk's arity without testing that it is a procedure.
    (unless (procedure-arity-includes? failure-thunk 0)
      (raise-argument-error who "(-> any)" failure-thunk))
    (unless (or (not lock-file) (path-string? lock-file)) (raise-argument-error who "(or/c path-string? #f)" lock-file))
    (unless (and (real? delay) (not (negative? delay))) (raise-argument-error who "(>=/c 0.0)" delay))
    (unless (and (real? max-delay) (not (negative? max-delay))) (raise-argument-error who "(>=/c 0.0)" max-delay))
    (let ([lock (or lock-file (make-lock-file-name fn))])
      (let loop ([delay delay])
        (with-file-lock kind lock thunk
                        (lambda ()
                          (if (< delay max-delay)
                              (begin (sleep delay) (loop (* 2 delay)))
                              (failure-thunk)))
                        'file-lock)))))

;; ------------------------------------------------------------ preferences

(define (with-pref-params thunk)
  (parameterize ([read-case-sensitive #f]
                 [read-square-bracket-as-paren #t]
                 [read-curly-brace-as-paren #t]
                 [read-accept-box #t]
                 [read-accept-compiled #f]
                 [read-accept-bar-quote #t]
                 [read-accept-graph #t]
                 [read-decimal-as-inexact #t]
                 [read-accept-dot #t]
                 [read-accept-infix-dot #t]
                 [read-accept-quasiquote #t]
                 [read-accept-reader #f]
                 [print-struct #f]
                 [print-graph #f]
                 [print-box #t]
                 [print-vector-length #t]
                 [current-readtable #f])
    (thunk)))

(define (lock-held who lock-file)
  (error who "~a, ~a: ~e" "some other process has the preference-file lock"
         "as indicated by the existence of the lock file" lock-file))

;; The preferences as a list of (name value) lists; '() when the file is missing or malformed.
(define (read-preferences file use-lock? lock-there)
  (with-handlers ([exn:fail:filesystem? (lambda (e) '())])
    (let ([prefs (with-pref-params
                  (lambda ()
                    (with-handlers ([exn:fail:read?
                                     (lambda (e) (log-error (format "error reading preferences: ~a" (exn-message e))) '())])
                      (if use-lock?
                          (with-file-lock 'shared (make-lock-file-name file)
                            (lambda () (with-input-from-file file read))
                            (lambda () (if lock-there
                                           (lock-there (make-lock-file-name file))
                                           (lock-held 'get-preference (make-lock-file-name file))))
                            (preferences-lock-file-mode))
                          (with-input-from-file file read)))))])
      (if (and (list? prefs)
               (andmap (lambda (x) (and (pair? x) (symbol? (car x)) (pair? (cdr x)) (null? (cddr x)))) prefs))
          prefs
          (begin
            (log-error "preference file content is not a list of symbol--value lists")
            '())))))

(define (make-handle-get-preference-locked delay name [fail-thunk (lambda () #f)] [refresh-cache? 'timestamp]
                                           [filename #f] #:lock-there [lock-there #f] #:max-delay [max-delay 0.2])
  (lambda (lock-filename)
    (sleep delay)
    (get-preference name fail-thunk refresh-cache? filename
                    #:lock-there (let ([next (* 2 delay)])
                                   (if (< next max-delay)
                                       (make-handle-get-preference-locked next name fail-thunk refresh-cache? filename
                                                                          #:lock-there lock-there #:max-delay max-delay)
                                       lock-there)))))

;; What was last read from or written to each preferences file (complete path):
;; (modify-seconds . prefs). refresh-cache? #f uses it as it is, 'timestamp while
;; the file's time is the same, anything else reads the file again.
(define pref-cache (make-hash))

(define (file-seconds f)
  (file-or-directory-modify-seconds f #f (lambda () -inf.0)))

(define (cached-preferences refresh file use-lock? lock-there)
  (let ([cached (hash-ref pref-cache (path->string file) #f)])
    (if (and cached (or (not refresh) (and (eq? refresh 'timestamp) (= (car cached) (file-seconds file)))))
        (cdr cached)
        (let* ([seconds (file-seconds file)]
               [prefs (read-preferences file use-lock? lock-there)])
          (hash-set! pref-cache (path->string file) (cons seconds prefs))
          prefs))))

(define (get-preference name [fail-thunk (lambda () #f)] [refresh-cache? 'timestamp] [filename #f]
                        #:timeout-lock-there [timeout-lock-there #f]
                        #:lock-there [lock-there 'retry]
                        #:use-lock? [use-lock? #t])
  (unless (symbol? name) (raise-argument-error 'get-preference "symbol?" name))
  (unless (and (procedure? fail-thunk) (procedure-arity-includes? fail-thunk 0))
    (raise-argument-error 'get-preference "(-> any)" fail-thunk))
  ;; By default a held lock is waited for a while, retrying; #f raises at once.
  (let* ([lock-there (if (eq? lock-there 'retry)
                         (make-handle-get-preference-locked 0.01 name fail-thunk refresh-cache? filename
                                                            #:lock-there timeout-lock-there)
                         lock-there)]
         [file (path->complete-path (or filename (find-system-path 'pref-file)))])
    ((let/ec esc
       (let ([prefs (cached-preferences refresh-cache? file use-lock?
                                        (and lock-there (lambda (f) (esc (lambda () (lock-there f))))))])
         (lambda ()
           (let ([m (assq name prefs)])
             (if m (cadr m) (fail-thunk)))))))))

(define (put-preferences names vals [lock-there #f] [filename #f])
  (unless (and (list? names) (andmap symbol? names))
    (raise-argument-error 'put-preferences "(listof symbol?)" names))
  (unless (list? vals) (raise-argument-error 'put-preferences "list?" vals))
  (unless (= (length names) (length vals))
    (raise-arguments-error 'put-preferences
                           "the length of the name list does not match the length of the value list"
                           "name list length" (length names)
                           "value list length" (length vals)
                           "name list" names
                           "value list" vals))
  (let* ([file (or filename (find-system-path 'pref-file))]
         [dir (let-values ([(base name dir?) (split-path file)])
                (if (symbol? base) (current-directory) base))]
         [lock-file (let-values ([(base name dir?) (split-path file)]) (make-lock-file-name dir name))])
    (unless (directory-exists? dir) (make-directory* dir))
    (with-file-lock 'exclusive lock-file
      (lambda ()
        (let* ([old (read-preferences (path->complete-path file) #f #f)]
               [kept (filter (lambda (p) (not (memq (car p) names))) old)]
               ;; The new ones go last, in reverse, as Racket writes them.
               [prefs (append kept (reverse (map list names vals)))]
               [tmp (make-temporary-file "TMPPREF~a" (and (file-exists? file) file) dir)])
          (with-handlers ([exn:fail? (lambda (e)
                                       (with-handlers ([exn:fail:filesystem? void]) (delete-file tmp))
                                       (raise e))])
            (with-output-to-file tmp #:exists 'truncate/replace
              (lambda ()
                (with-pref-params
                 (lambda ()
                   (parameterize ([print-unreadable #f])
                     (printf "(\n")
                     (for-each (lambda (p)
                                 (if (and (list? (cadr p)) (< 4 (length (cadr p))))
                                     (begin
                                       (printf " (~s\n  (\n" (car p))
                                       (for-each (lambda (i) (printf "   ~s\n" i)) (cadr p))
                                       (printf "  ))\n"))
                                     (printf " ~s\n" p)))
                               prefs)
                     (printf ")\n"))))))
            (hash-set! pref-cache (path->string (path->complete-path file)) (cons (file-seconds tmp) prefs))
            (rename-file-or-directory tmp file #t))))
      (lambda ()
        (if lock-there (lock-there lock-file) (lock-held 'put-preferences lock-file)))
      (preferences-lock-file-mode))))

;; ------------------------------------------------------------ permission bits

(define file-type-bits #o170000)
(define socket-type-bits #o140000)
(define symbolic-link-type-bits #o120000)
(define regular-file-type-bits #o100000)
(define block-device-type-bits #o060000)
(define directory-type-bits #o040000)
(define character-device-type-bits #o020000)
(define fifo-type-bits #o010000)
(define set-user-id-bit #o004000)
(define set-group-id-bit #o002000)
(define sticky-bit #o001000)
(define user-permission-bits #o000700)
(define user-read-bit #o000400)
(define user-write-bit #o000200)
(define user-execute-bit #o000100)
(define group-permission-bits #o000070)
(define group-read-bit #o000040)
(define group-write-bit #o000020)
(define group-execute-bit #o000010)
(define other-permission-bits #o000007)
(define other-read-bit #o000004)
(define other-write-bit #o000002)
(define other-execute-bit #o000001)
