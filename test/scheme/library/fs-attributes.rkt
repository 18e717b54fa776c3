#lang racket/base
;; What the file system says of files: size, modification time (getting,
;; setting, the failure thunk), permissions, type, stat and identity, under
;; a fresh temporary directory (shown as TMP in messages).

(define tmp (build-path (find-system-path 'temp-dir) (format "rkt-fs-attrs-~a" (current-milliseconds))))
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
(make-directory "d")
(call-with-output-file "f" (lambda (o) (display "hello" o)))
(make-file-or-directory-link "f" "lnk")
(make-file-or-directory-link "gone" "dangling")

;; size
(try (file-size "f"))
(try (file-size "lnk"))
(try (file-size "nope"))
(try (file-size "d"))
(try (file-size 5))

;; modify seconds
(try (file-or-directory-modify-seconds "f" 1000))
(try (file-or-directory-modify-seconds "f"))
(try (file-or-directory-modify-seconds "f" 2000 (lambda () 'failed)))
(try (file-or-directory-modify-seconds "f"))
(try (file-or-directory-modify-seconds "nope"))
(try (file-or-directory-modify-seconds "nope" #f (lambda () 'failed)))
(try (file-or-directory-modify-seconds "nope" 5))
(try (file-or-directory-modify-seconds "nope" 5 (lambda () 'failed)))
(try (file-or-directory-modify-seconds "f" 'x))
(try (file-or-directory-modify-seconds "f" 1.5))
(try (file-or-directory-modify-seconds "f" (expt 2 70)))
(try (file-or-directory-modify-seconds "f" #f 5))
(try (file-or-directory-modify-seconds "f" #f (lambda (x) x)))
(try (file-or-directory-modify-seconds 5))
(try (exact-nonnegative-integer? (file-or-directory-modify-seconds "d")))

;; permissions
(try (file-or-directory-permissions "f" #o640))
(try (file-or-directory-permissions "f" 'bits))
(try (file-or-directory-permissions "f" #o755))
(try (file-or-directory-permissions "f" 'bits))
(try (file-or-directory-permissions "d" 'bits))
(try (file-or-directory-permissions "d"))
(try (file-or-directory-permissions "nope"))
(try (file-or-directory-permissions "nope" 'bits))
(try (file-or-directory-permissions "nope" #o600))
(try (file-or-directory-permissions "f" 'x))
(try (file-or-directory-permissions "f" 70000))
(try (file-or-directory-permissions "f" -1))
(try (file-or-directory-permissions 5))

;; type
(try (map file-or-directory-type '("f" "d" "lnk" "dangling")))
(try (file-or-directory-type "nope"))
(try (file-or-directory-type "nope" #t))
(try (file-or-directory-type 5))

;; stat
(define st (file-or-directory-stat "f"))
(try (sort (map symbol->string (hash-keys st)) string<?))
(try (immutable? st))
(try (hash-ref st 'size))
(try (= (bitwise-and (hash-ref st 'mode) #o7777) (file-or-directory-permissions "f" 'bits)))
(try (= (hash-ref st 'modify-time-seconds) (file-or-directory-modify-seconds "f")))
(try (= (quotient (hash-ref st 'modify-time-nanoseconds) 1000000000) (hash-ref st 'modify-time-seconds)))
(try (list (hash-ref st 'hardlink-count) (hash-ref st 'creation-time-seconds) (hash-ref st 'creation-time-nanoseconds)))
(try (= (hash-ref st 'inode) (hash-ref (file-or-directory-stat "lnk") 'inode)))
(try (= (hash-ref st 'inode) (hash-ref (file-or-directory-stat "lnk" #t) 'inode)))
(try (hash-ref (file-or-directory-stat "lnk" #t) 'size))
(try (file-or-directory-stat "nope"))
(try (file-or-directory-stat 5))

;; identity
(try (exact-positive-integer? (file-or-directory-identity "f")))
(try (= (file-or-directory-identity "f") (file-or-directory-identity "lnk")))
(try (= (file-or-directory-identity "f") (file-or-directory-identity "lnk" #t)))
(try (= (file-or-directory-identity "f") (file-or-directory-identity "d")))
(try (file-or-directory-identity "nope"))
(try (file-or-directory-identity 5))

;; clean up
(current-directory (find-system-path 'temp-dir))
(for-each (lambda (n) (delete-file (build-path tmp n))) '("dangling" "lnk" "f"))
(delete-directory (build-path tmp "d"))
(delete-directory tmp)
(try (directory-exists? tmp))
