#lang racket/base
;; open-output-file, call-with-output-file and with-output-to-file with each
;; #:exists mode, #:mode and #:permissions, and their errors. Works on
;; uniquely named files in the temp directory, deleted at the end.
(define dir (find-system-path 'temp-dir))
(define tag (format "rkt-files-ports-exists-~a-~a" (current-milliseconds) (random 1000000)))
(define f (build-path dir (string-append tag ".txt")))
(define missing (build-path dir (string-append tag "-missing.txt")))
(define (hide s)
  (regexp-replace* (regexp-quote tag) (regexp-replace* (regexp-quote (path->string dir)) s "TMP/") "TAG"))
(define (show v) (hide (format "~s" v)))
(define (try thunk)
  (with-handlers ([exn:fail?
                   (lambda (e)
                     (list (cond [(exn:fail:filesystem:exists? e) 'exists]
                                 [(exn:fail:filesystem:errno? e) (exn:fail:filesystem:errno-errno e)]
                                 [(exn:fail:filesystem? e) 'filesystem]
                                 [(exn:fail:contract? e) 'contract]
                                 [else 'fail])
                           (hide (exn-message e))))])
    (thunk)))
(define (contents) (call-with-input-file f (lambda (i) (read-bytes 1000 i))))
(define (write-with mode s)
  (call-with-output-file f #:exists mode (lambda (o) (write-string s o) (file-position o))))

;; 'error makes a new file, and refuses an existing one.
(write-with 'error "hello world")
(contents)
(try (lambda () (write-with 'error "again")))
(contents)
;; 'append writes at the end; its position starts at 0 and is the end once written out.
(call-with-output-file f #:exists 'append
  (lambda (o)
    (list (file-position o) (write-string "!!" o) (file-position o)
          (begin (flush-output o) (file-position o)))))
(contents)
;; 'update and 'can-update write over the start, keeping the rest.
(write-with 'update "HELLO")
(contents)
(write-with 'can-update "J")
(contents)
;; 'truncate, 'must-truncate and 'truncate/replace empty the file first.
(write-with 'truncate "short")
(contents)
(write-with 'must-truncate "shorter")
(contents)
(write-with 'truncate/replace "tr")
(contents)
;; 'replace makes a new file in the old one's place.
(write-with 'replace "replaced")
(contents)

;; Modes that need the file: it is missing.
(try (lambda () (open-output-file missing #:exists 'update)))
(try (lambda () (open-output-file missing #:exists 'must-truncate)))
(file-exists? missing)
;; Modes that make it.
(for/list ([mode '(error append can-update replace truncate truncate/replace)])
  (call-with-output-file missing #:exists mode (lambda (o) (write mode o)))
  (begin0 (call-with-input-file missing read) (delete-file missing)))

;; with-output-to-file sends current-output-port to the file.
(with-output-to-file f #:exists 'truncate (lambda () (display "via ") (write "with-output-to-file") 42))
(contents)
;; #:mode 'text is the same as 'binary on Unix.
(call-with-output-file f #:exists 'truncate #:mode 'text (lambda (o) (write-string "line\r\nline\n" o)))
(contents)
;; #:permissions applies to a file that is made.
(call-with-output-file missing #:permissions #o600 (lambda (o) (void)))
(file-or-directory-permissions missing 'bits)
(delete-file missing)
(call-with-output-file missing #:exists 'truncate #:permissions #o640 (lambda (o) (void)))
(file-or-directory-permissions missing 'bits)
;; ... and not to one that is there.
(call-with-output-file missing #:exists 'truncate #:permissions #o600 (lambda (o) (void)))
(file-or-directory-permissions missing 'bits)
(delete-file missing)

;; A directory cannot be opened, whatever the mode.
(for/list ([mode '(error append update can-update replace truncate must-truncate truncate/replace)])
  (try (lambda () (open-output-file dir #:exists mode))))
(try (lambda () (open-input-file dir)))
(try (lambda () (open-output-file (build-path dir (string-append tag "-no-dir") "x.txt") #:exists 'truncate)))

;; Bad arguments, checked in Racket's order.
(try (lambda () (open-output-file 5)))
(try (lambda () (open-output-file "")))
(try (lambda () (open-output-file f #:exists 'bogus)))
(try (lambda () (open-output-file f #:mode 'bogus)))
(try (lambda () (open-output-file f #:mode 'bogus #:exists 'bogus)))
(try (lambda () (open-output-file f #:permissions -1)))
(try (lambda () (open-output-file f #:permissions 65536)))
(try (lambda () (open-output-file f #:permissions 'rw)))
(try (lambda () (call-with-output-file f 5)))
(try (lambda () (call-with-output-file f (lambda () 5))))
(try (lambda () (call-with-output-file 5 5)))
(try (lambda () (call-with-output-file f void #:exists 'bogus)))
(try (lambda () (with-output-to-file f 5)))
(try (lambda () (with-output-to-file f (lambda (x) x))))
(try (lambda () (with-output-to-file f void #:mode 'bogus)))
(try (lambda () (with-output-to-file f void)))
(try (lambda () (call-with-output-file* f 5)))
(try (lambda () (call-with-output-file* f void #:mode 'bogus)))
(try (lambda () (call-with-output-file* f void #:exists 'bogus)))
(try (lambda () (call-with-output-file* f void #:permissions #t)))
(try (lambda () (call-with-input-file* f void #:mode 'bogus)))
(try (lambda () (call-with-input-file* 'f void)))
(call-with-output-file* f #:exists 'append (lambda (o) (write-string "*" o)))
(call-with-input-file* f (lambda (i) (read-line i)))
(try (lambda () (call-with-output-file f void)))

(delete-file f)
(list (file-exists? f) (file-exists? missing))
