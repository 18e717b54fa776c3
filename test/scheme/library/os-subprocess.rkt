#lang racket/base

;; subprocess: ports, exit statuses, kill, waiting as a blocking operation, argument checks.
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk list)))

(define (run . args)
  (define-values (p o i e) (apply subprocess #f #f #f args))
  (close-output-port i)
  (define out (read-bytes 1000 o))
  (define err (read-bytes 1000 e))
  (subprocess-wait p)
  (list out err (subprocess-status p)))

;; printed forms and results
(define-values (p o i e) (subprocess #f #f #f "/bin/echo" "hi" "there"))
(list p o i e)
(read-line o)
(read-line o)
(subprocess-wait p)
(subprocess-status p)
(subprocess? p)
(subprocess? 5)
(evt? p)
(eq? (sync p) p)
(exact-nonnegative-integer? (subprocess-pid p))
(list (file-stream-port? o) (file-stream-port? i) (file-stream-port? e))

;; exit codes, stderr, relative commands, bytes and path arguments, 'exact
(run "/bin/sh" "-c" "exit 3")
(run "/bin/sh" "-c" "echo out; echo err >&2; exit 2")
(run "/bin/echo" #"by" (string->path "pa"))
(run "/bin/echo" 'exact "a  b")
(run (string->path "/bin/sh") "-c" "echo $0")
(run "/nonexistent/program" "x")
(run "/tmp")
(parameterize ([current-directory "/bin"]) (run "echo" "relative"))
(parameterize ([current-directory "/tmp"]) (run "/bin/pwd"))
(run 'new "/bin/echo" "new group")
(run #f "/bin/echo" "no group")

;; stdin through the pipe
(define-values (c co ci ce) (subprocess #f #f #f "/bin/cat"))
(subprocess-status c)
(sync/timeout 0 c)
(write-string "abc\ndef\n" ci)
(write-bytes #"\377\0raw" ci)
(flush-output ci)
(read-line co)
(close-output-port ci)
(read-line co)
(read-bytes 10 co)
(eof-object? (read-char co))
(subprocess-wait c)
(subprocess-status c)
(try (lambda () (write-string "x" ci)))

;; stderr to stdout
(define-values (j jo ji je) (subprocess #f #f 'stdout "/bin/sh" "-c" "echo one; echo two >&2; echo three"))
je
(list (read-line jo) (read-line jo) (read-line jo) (read-line jo))

;; file-stream ports given to the child
(define tmp (build-path (find-system-path (quote temp-dir)) "rkt-os-subprocess-test.txt"))
(call-with-output-file tmp #:exists 'truncate
  (lambda (out)
    (define-values (f fo fi fe) (subprocess out #f #f "/bin/echo" "into the file"))
    (subprocess-wait f)
    (list fo fe)))
(call-with-input-file tmp (lambda (in) (read-line in)))
(call-with-input-file tmp
  (lambda (in)
    (define-values (f fo fi fe) (subprocess #f in #f "/bin/cat"))
    (subprocess-wait f)
    (list fi (read-line fo))))
(delete-file tmp)

;; kill: forced kills are status 137; subprocess-wait lets other threads run
(define-values (s so si se) (subprocess #f #f #f "/bin/sh" "-c" "read x"))
(define waiter (thread (lambda () (subprocess-wait s) (displayln "waiter saw the end"))))
(sync/timeout 0 s)
(subprocess-kill s #t)
(thread-wait waiter)
(subprocess-status s)
(subprocess-kill s #t)

;; parameters
(subprocess-group-enabled)
(current-subprocess-custodian-mode)
(current-subprocess-keep-file-descriptors)
(parameterize ([subprocess-group-enabled 5]) (subprocess-group-enabled))
(parameterize ([current-subprocess-custodian-mode 'interrupt]) (current-subprocess-custodian-mode))
(parameterize ([current-subprocess-keep-file-descriptors '()]) (current-subprocess-keep-file-descriptors))
(try (lambda () (current-subprocess-custodian-mode 5)))
(try (lambda () (current-subprocess-keep-file-descriptors 5)))

;; a custodian shutdown kills a subprocess made in 'kill mode
(define cust (make-custodian))
(define-values (k ko ki ke)
  (parameterize ([current-custodian cust] [current-subprocess-custodian-mode 'kill])
    (subprocess #f #f #f "/bin/sh" "-c" "read x")))
(custodian-shutdown-all cust)
(subprocess-wait k)
(subprocess-status k)

;; bad arguments
(try (lambda () (subprocess 1 #f #f "/bin/echo")))
(try (lambda () (subprocess (open-output-string) #f #f "/bin/echo")))
(try (lambda () (subprocess #f (open-input-string "") #f "/bin/echo")))
(try (lambda () (subprocess #f 5 #f "/bin/echo")))
(try (lambda () (subprocess #f #f 5 "/bin/echo")))
(try (lambda () (subprocess #f #f #f 'foo "/bin/echo")))
(try (lambda () (subprocess #f #f #f 'new 5)))
(try (lambda () (subprocess #f #f #f 'new #"/bin/echo")))
(try (lambda () (subprocess #f #f #f #"/bin/echo")))
(try (lambda () (subprocess #f #f #f "/bin/ec\0ho")))
(try (lambda () (subprocess #f #f #f "/bin/echo" 5)))
(try (lambda () (subprocess #f #f #f "/bin/echo" "a\0b")))
(try (lambda () (subprocess #f #f #f "/bin/echo" "x" 'exact)))
(try (lambda () (subprocess #f #f #f)))
(try (lambda () (subprocess-wait 5)))
(try (lambda () (subprocess-status 5)))
(try (lambda () (subprocess-pid 5)))
(try (lambda () (subprocess-kill 5 #t)))
(try (lambda () (subprocess-kill p)))

;; shell-execute is Windows-only
(try (lambda () (shell-execute #f "ls" "" (current-directory) 'sw_shownormal)))
(try (lambda () (shell-execute "open" "ls" "" "/tmp" 'SW_HIDE)))
(try (lambda () (shell-execute 5 "ls" "" "/tmp" 'sw_hide)))
(try (lambda () (shell-execute #f 5 "" "/tmp" 'sw_hide)))
(try (lambda () (shell-execute #f "ls" 5 "/tmp" 'sw_hide)))
(try (lambda () (shell-execute #f "ls" "" 5 'sw_hide)))
(try (lambda () (shell-execute #f "ls" "" "/tmp" 'foo)))
