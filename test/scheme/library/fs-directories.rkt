#lang racket/base
;; Directories, files and links under a fresh temporary directory: listing,
;; making, deleting, copying, renaming, linking, and their error messages
;; (with the temporary directory shown as TMP).

(define tmp (build-path (find-system-path 'temp-dir) (format "rkt-fs-dirs-~a" (current-milliseconds))))
(define tmp-text (path->string tmp))
(define (show-error e)
  (printf "~a: ~a\n"
          (cond [(exn:fail:filesystem:errno? e) (format "errno ~s" (exn:fail:filesystem:errno-errno e))]
                [(exn:fail:filesystem:exists? e) "exists"]
                [(exn:fail:filesystem? e) "filesystem"]
                [(exn:fail:contract? e) "contract"]
                [else "fail"])
          (regexp-replace* (regexp-quote tmp-text) (exn-message e) "TMP")))
(define-syntax-rule (try e) (with-handlers ([exn:fail? show-error]) (let ([v e]) (unless (void? v) (println v)))))

(make-directory tmp)
(current-directory tmp)

;; making and listing
(try (make-directory "a"))
(try (make-directory "a"))
(try (make-directory "b" #o700))
(try (make-directory "no/such"))
(try (make-directory 5))
(try (make-directory "c" 'x))
(try (make-directory "c" 70000))
(try (directory-list))
(try (equal? (directory-list #:build? #t) (list (build-path tmp "a") (build-path tmp "b"))))
(try (directory-list "a"))
(call-with-output-file "a/f" (lambda (o) (display "hello" o)))
(call-with-output-file "a/e" (lambda (o) (display "hi" o)))
(call-with-output-file "a/B" void)
(try (directory-list "a"))
(try (directory-list "a" #:build? #t))
(try (directory-list "a/" #:build? #t))
(try (directory-list "nope"))
(try (directory-list "a/f"))
(try (directory-list 5))

;; in-directory: depth first, each directory before its content
(make-directory "a/sub")
(call-with-output-file "a/sub/g" void)
(try (for/list ([p (in-directory)]) p))
(try (for/list ([p (in-directory "a")]) p))
(try (for/list ([p (in-directory "a" (lambda (d) #f))]) p))
(try (for/list ([p (in-directory #f (lambda (d) (printf "use? ~a\n" (equal? d (build-path tmp "a"))) #t))]) p))
(try (for/list ([p (in-directory "nope")]) p))

;; deleting
(try (delete-directory "nope"))
(try (delete-directory "a"))
(try (delete-directory "a/f"))
(try (delete-file "b"))
(try (delete-directory "b"))
(try (directory-exists? "b"))

;; copying
(try (copy-file "a/f" "g"))
(try (call-with-input-file "g" read-line))
(try (copy-file "a/f" "g"))
(try (copy-file "a/e" "g" #t))
(try (call-with-input-file "g" read-line))
(try (copy-file "nope" "h"))
(try (copy-file "a" "h"))
(try (copy-file "a/f" "a/sub"))
(try (copy-file "a/f" "a/sub" #t))
(try (copy-file "a/f" "no/such"))
(try (copy-file 5 "h"))

;; renaming
(try (rename-file-or-directory "g" "h"))
(try (list (file-exists? "g") (file-exists? "h")))
(try (rename-file-or-directory "nope" "h2"))
(try (rename-file-or-directory "h" "a/f"))
(try (rename-file-or-directory "h" "a/f" #t))
(try (call-with-input-file "a/f" read-line))
(try (rename-file-or-directory "a/sub" "a/f" #t))
(try (rename-file-or-directory "a/f" "no/such"))

;; links
(try (make-file-or-directory-link "a/f" "lnk"))
(try (make-file-or-directory-link "a/f" "lnk"))
(try (make-file-or-directory-link "a/f" "no/such"))
(try (make-file-or-directory-link "a" "dlnk"))
(try (list (link-exists? "lnk") (link-exists? "a/f") (link-exists? "nope")))
(try (list (file-exists? "lnk") (directory-exists? "dlnk")))
(try (resolve-path "lnk"))
(try (resolve-path "a/f"))
(try (resolve-path "nope"))
(try (resolve-path (string->path "dlnk")))
(try (call-with-input-file "lnk" read-line))
(try (link-exists? 5))
(try (resolve-path 5))
(try (make-file-or-directory-link "a" 5))

;; call-with-*-file*
(try (call-with-output-file* "w" (lambda (o) (write '(1 "two") o))))
(try (call-with-output-file* "w" (lambda (o) (write 'again o))))
(try (call-with-output-file* "w" (lambda (o) (write 'again o)) #:exists 'truncate))
(try (call-with-input-file* "w" read))
(try (call-with-input-file* "w" read #:mode 'text))
(try (call-with-input-file* "nope" read))
(try (let ([saved #f])
       (with-handlers ([symbol? (lambda (s) (list s (port-closed? saved)))])
         (call-with-input-file* "w" (lambda (i) (set! saved i) (raise 'escaped))))))

;; clean up
(current-directory (find-system-path 'temp-dir))
(define (remove-all p)
  (cond [(link-exists? p) (delete-file p)]
        [(directory-exists? p) (for-each (lambda (q) (remove-all (build-path p q))) (directory-list p)) (delete-directory p)]
        [else (delete-file p)]))
(remove-all tmp)
(try (directory-exists? tmp))
