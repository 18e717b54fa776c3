#lang racket/base
;; racket/system: system, system*, the /exit-code variants and the process
;; procedures, over pipes and over ports that need copying threads.
(require racket/system racket/port)

(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk list)))

;; The child gets no input unless a test gives it some.
(current-input-port (open-input-string ""))

;; straight to a file-stream stdout (flushed first, so the order is fixed)
(flush-output)
(system "echo hi")
(flush-output)
(system* "/bin/echo" "a" "b")
(flush-output)
(system/exit-code "exit 3")
(system*/exit-code "/bin/sh" "-c" "exit 4")
(system* "/bin/sh" "-c" "exit 1")
(flush-output)
(system #"echo bytes")
(flush-output)

;; current ports that are not file-stream ports: copied by threads
(with-output-to-string (lambda () (system "echo one; echo two")))
(let ([err (open-output-string)])
  (list (with-output-to-string
          (lambda () (parameterize ([current-error-port err]) (system "echo out; echo err >&2; exit 5"))))
        (get-output-string err)))
(with-output-to-string
  (lambda () (parameterize ([current-input-port (open-input-string "abc\ndef\n")]) (system "cat; echo done"))))
(with-output-to-string
  (lambda () (parameterize ([current-input-port (open-input-string "x y\n")]) (system*/exit-code "/bin/sh" "-c" "read a b; echo $b $a; exit 7"))))
(with-output-to-string (lambda () (system* "/bin/echo" #"by" (string->path "pa") "")))
(with-output-to-string (lambda () (system* (string->path "/bin/echo") 'exact "a  b")))
(with-output-to-string (lambda () (system "printf '\\000\\377raw'")))
(with-output-to-bytes (lambda () (system "printf '\\000\\377raw'")))

;; PWD follows current-directory unless #:set-pwd? is #f
(with-output-to-string (lambda () (parameterize ([current-directory "/tmp"]) (system "echo $PWD; pwd"))))
(with-output-to-string (lambda () (parameterize ([current-directory "/"]) (system* "/bin/sh" "-c" "echo $PWD"))))
(with-output-to-string
  (lambda ()
    (parameterize ([current-directory "/tmp"])
      (putenv "PWD" "/nowhere")
      (system "echo $PWD" #:set-pwd? #f))))

;; process: the ports, the pid and the control procedure
(define l (process "echo one; echo two >&2; exit 2"))
(length l)
(list (input-port? (list-ref l 0)) (output-port? (list-ref l 1))
      (exact-positive-integer? (list-ref l 2)) (input-port? (list-ref l 3)))
(define control (list-ref l 4))
control
(control 'wait)
(control 'status)
(control 'exit-code)
(read-line (list-ref l 0))
(read-line (list-ref l 3))
(eof-object? (read-line (list-ref l 0)))
(try (lambda () (control 5)))

(define c (process* "/bin/cat"))
((list-ref c 4) 'status)
((list-ref c 4) 'exit-code)
(write-string "through cat\n" (list-ref c 1))
(flush-output (list-ref c 1))
(read-line (list-ref c 0))
(close-output-port (list-ref c 1))
((list-ref c 4) 'wait)
((list-ref c 4) 'status)
((list-ref c 4) 'exit-code)

(define s (process "read x"))
((list-ref s 4) 'kill)
((list-ref s 4) 'wait)
((list-ref s 4) 'status)
((list-ref s 4) 'exit-code)
(define s2 (process "echo ready; read x"))
(read-line (list-ref s2 0))
((list-ref s2 4) 'interrupt)
((list-ref s2 4) 'wait)
((list-ref s2 4) 'exit-code)

;; process/ports: given ports are copied to or shared, #f ones are returned
(let* ([o (open-output-string)]
       [l (process/ports o (open-input-string "xyz") #f "cat; echo E >&2")])
  ((list-ref l 4) 'wait)
  (list (get-output-string o) (read-line (list-ref l 3)) (list-ref l 0) (list-ref l 1)))
(let* ([o (open-output-string)]
       [l (process*/ports o #f 'stdout "/bin/sh" "-c" "echo A; echo B >&2")])
  (write-string "ignored" (list-ref l 1))
  (close-output-port (list-ref l 1))
  ((list-ref l 4) 'wait)
  (list (get-output-string o) (list-ref l 0) (list-ref l 3) ((list-ref l 4) 'status)))
(let* ([e (open-output-string)]
       [l (process*/ports #f #f e "/bin/sh" "-c" "echo to-err >&2; echo to-out")])
  ((list-ref l 4) 'wait)
  (list (read-line (list-ref l 0)) (get-output-string e) (list-ref l 3)))

;; string-no-nuls? and bytes-no-nuls?
(map string-no-nuls? (list "" "abc" "a\0b" #"abc" 5))
(map bytes-no-nuls? (list #"" #"abc" #"a\0b" "abc" 5))

;; bad arguments
(try (lambda () (system 5)))
(try (lambda () (system "a\0b")))
(try (lambda () (system/exit-code 'x)))
(try (lambda () (process #"a\0b")))
(try (lambda () (system* 5)))
(try (lambda () (system* "/bin/echo" 5)))
(try (lambda () (system* "/bin/echo" "a\0b")))
(try (lambda () (system*/exit-code "")))
(try (lambda () (process* "/bin/echo" 'exact)))
(try (lambda () (process* "/bin/echo" 'exact 5)))
(try (lambda () (process* "/bin/echo" 'exact "a" "b")))
(try (lambda () (process/ports 5 #f #f "ls")))
(try (lambda () (process/ports #f 5 #f "ls")))
(try (lambda () (process/ports #f #f 5 "ls")))
(try (lambda () (process*/ports #f #f #f 5)))
(try (lambda () (system "ls" #:bad 1)))
(try (lambda () (system* "/nonexistent/program")))
