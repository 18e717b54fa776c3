#lang racket/base
;; File ports as values: printed forms, object names, file-stream-port?,
;; port-file-identity, closing (and flushing on close), custodians and
;; plumbers, security guards, and reading and writing through them. Works
;; on uniquely named files in the temp directory, deleted at the end.
(define dir (find-system-path 'temp-dir))
(define tag (format "rkt-files-ports-lifecycle-~a-~a" (current-milliseconds) (random 1000000)))
(define f (build-path dir (string-append tag ".txt")))
(define g (build-path dir (string-append tag "-2.txt")))
(define (hide s)
  (regexp-replace* (regexp-quote tag) (regexp-replace* (regexp-quote (path->string dir)) s "TMP/") "TAG"))
(define (show v) (hide (format "~s" v)))
(define (try thunk)
  (with-handlers ([(lambda (e) #t)
                   (lambda (e) (list 'raised (if (exn? e) (hide (exn-message e)) e)))])
    (thunk)))
(define (size p) (file-size p))

;; Printed forms and names.
(define o (open-output-file f #:exists 'truncate))
(show o)
(hide (format "~a ~v" o o))
(show (object-name o))
(path? (object-name o))
(list (output-port? o) (input-port? o) (port? o) (file-stream-port? o) (port-closed? o) (string-port? o))
(file-stream-buffer-mode o)
;; Written text stays in the port until it is flushed or closed.
(write-string "héllo\n" o)
(write-bytes #"\377\0" o)
(list (file-position o) (size f))
(flush-output o)
(list (file-position o) (size f))
(fprintf o "~a ~s~n" 'sym "str")
(write '(1 #\x "y") o)
(close-output-port o)
(list (port-closed? o) (size f))
(close-output-port o)
(try (lambda () (write-string "late" o)))
(try (lambda () (flush-output o)))
(try (lambda () (port-file-identity o)))

(define i (open-input-file f))
(show i)
(show (object-name i))
(list (input-port? i) (file-stream-port? i) (port-closed? i) (string-port? i))
(list (read-line i) (read-bytes 2 i) (read-line i) (read i) (read i))
(close-input-port i)
(port-closed? i)
(close-input-port i)
(try (lambda () (read-char i)))

;; port-file-identity: the same for two ports on one file and for the path.
(define i1 (open-input-file f))
(define o1 (open-output-file f #:exists 'append))
(list (exact-positive-integer? (port-file-identity i1))
      (= (port-file-identity i1) (port-file-identity o1))
      (= (port-file-identity i1) (file-or-directory-identity f)))
(call-with-output-file g #:exists 'truncate void)
(= (port-file-identity i1) (file-or-directory-identity g))
(close-input-port i1)
(close-output-port o1)
(try (lambda () (port-file-identity (open-input-string "x"))))
(try (lambda () (port-file-identity 5)))

;; Reading: lines, chars, data, and port-count-lines!.
(call-with-output-file f #:exists 'truncate
  (lambda (o) (write-string "(a b) \"c\"\nline two\r\nλ three\n" o)))
(call-with-input-file f
  (lambda (in)
    (port-count-lines! in)
    (list (read in) (read in) (call-with-values (lambda () (port-next-location in)) list) (read-line in)
          (read-line in 'return-linefeed) (read-char in) (call-with-values (lambda () (port-next-location in)) list)
          (read-string 100 in) (read-char in) (eof-object? (peek-byte in)))))
(with-input-from-file f (lambda () (for/list ([l (in-lines)]) l)))
(call-with-input-file f (lambda (in) (list (file-position in) (read-bytes 3 in) (file-position in))))

;; file-stream-buffer-mode: 'none writes each write out, 'line each with a newline.
(define ob (open-output-file g #:exists 'truncate))
(file-stream-buffer-mode ob 'none)
(list (write-string "ab" ob) (size g) (write-bytes #"cd" ob) (size g))
(write 'sym ob)
(size g)
(file-stream-buffer-mode ob 'line)
(file-stream-buffer-mode ob)
(list (write-string "no newline" ob) (size g) (write-string "x\ny" ob) (size g))
(displayln "z" ob)
(size g)
(file-stream-buffer-mode ob 'block)
(write-string "a\n" ob)
(size g)
(close-output-port ob)
(size g)
(try (lambda () (file-stream-buffer-mode ob 'bad)))

;; Devices are read as reads need their bytes (/dev/zero never ends).
(call-with-input-file "/dev/zero"
  (lambda (in) (list (read-bytes 5 in) (peek-byte in) (read-bytes-avail!* (make-bytes 3 1) in) (read-char in))))
(call-with-input-file "/dev/null" (lambda (in) (list (read-char in) (read-line in) (read in) (file-stream-port? in))))
(call-with-output-file "/dev/null" #:exists 'append (lambda (o) (write-string "discarded" o)))

;; A custodian shutdown closes its file ports without flushing them.
(define c (make-custodian))
(define oc (parameterize ([current-custodian c]) (open-output-file g #:exists 'truncate)))
(define ic (parameterize ([current-custodian c]) (open-input-file f)))
(write-string "never written" oc)
(sort (map show (custodian-managed-list c (current-custodian))) string<?)
(custodian-shutdown-all c)
(list (port-closed? oc) (port-closed? ic) (size g))

;; A custodian that has been shut down opens no files.
(parameterize ([current-custodian c])
  (list (try (lambda () (open-output-file g #:exists 'truncate)))
        (try (lambda () (open-input-file f)))
        (try (lambda () (open-input-output-file g #:exists 'update)))))

;; A plumber flushes the file ports made while it was current.
(define p (make-plumber))
(define op (parameterize ([current-plumber p]) (open-output-file g #:exists 'truncate)))
(write-string "plumbed" op)
(size g)
(plumber-flush-all (current-plumber))
(size g)
(plumber-flush-all p)
(size g)
(close-output-port op)
(plumber-flush-all p)

;; The security guard is asked, with the modes each exists mode needs.
(define asked '())
(define guard
  (make-security-guard (current-security-guard)
                       (lambda (who path modes)
                         (set! asked (cons (list who (and path (equal? path f)) modes) asked))
                         (when (memq 'delete modes) (error who "no deleting here")))
                       void))
(parameterize ([current-security-guard guard])
  (for/list ([mode '(error append update can-update replace truncate must-truncate truncate/replace)])
    (try (lambda ()
           (call-with-output-file f #:exists mode void)
           mode))))
(parameterize ([current-security-guard guard])
  (list (try (lambda () (call-with-input-file f void)))
        (try (lambda () (let-values ([(i o) (open-input-output-file f #:exists 'update)])
                          (close-input-port i)
                          (close-output-port o))))))
(reverse asked)

(delete-file f)
(delete-file g)
(list (file-exists? f) (file-exists? g))
