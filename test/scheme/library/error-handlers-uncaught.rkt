#lang racket/base
;; An uncaught-exception handler that returns; then an error in the module body ends the run.

(uncaught-exception-handler (lambda (e) (printf "UNCAUGHT ~a\n" (exn-message e)) 'ret))
(thread-wait (thread (lambda () (error 'a "x") (displayln "thread continues"))))
(displayln "main")
(error 'b "y")
(displayln "after")
