#lang racket/base
;; Error handler parameters: display, escape, uncaught, value->string, print width.

(define-syntax-rule (try e)
  (with-handlers ([(lambda (x) #t) (lambda (x) (displayln (if (exn? x) (exn-message x) x)))])
    (println e)))

(try uncaught-exception-handler)
(try (uncaught-exception-handler))
(try (error-display-handler))
(try (error-escape-handler))
(try (exit-handler))
(try (eq? void (executable-yield-handler)))
(try (error-value->string-handler))
(try (error-syntax->string-handler))
(try (list (error-print-width) (error-print-context-length) (error-print-source-location)))

;; The default uncaught-exception handler displays through error-display-handler.
(define out (current-output-port))
(parameterize ([error-display-handler (lambda (msg e) (fprintf out "DISPLAY: ~a | ~a\n" msg (exn? e)))])
  (thread-wait (thread (lambda () (error 'in-thread "boom"))))
  (thread-wait (thread (lambda () (raise 42)))))

;; A custom uncaught-exception handler that escapes.
(parameterize ([uncaught-exception-handler
                (lambda (e) (fprintf out "UNCAUGHT ~a\n" (if (exn? e) (exn-message e) e)) ((error-escape-handler)))])
  (thread-wait (thread (lambda () (raise 43) (displayln "not reached")))))

;; The default escape handler aborts to the nearest default prompt.
(try (call-with-continuation-prompt
      (lambda ()
        (parameterize ([error-display-handler (lambda (msg e) (fprintf out "shown: ~a\n" msg))])
          (error 'p "in prompt")))
      (default-continuation-prompt-tag)
      (lambda args (list 'aborted (length args) (eq? (car args) void)))))

;; An error escape handler that returns still ends the thread.
(parameterize ([error-display-handler (lambda (msg e) (fprintf out "shown: ~a\n" msg))]
               [error-escape-handler (lambda () (fprintf out "escape handler returned\n"))])
  (thread-wait (thread (lambda () (error 'e "x") (displayln "not reached")))))

;; Calling the default display handler directly (to stderr).
((error-display-handler) "direct message" (make-exn:fail "x" (current-continuation-marks)))
((error-display-handler) "no exn" 5)

;; error-print-width and error-value->string-handler shape messages.
(parameterize ([error-print-width 10])
  (try (raise-argument-error 'f "string?" (make-string 40 #\a)))
  (try (car (list 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)))
  (try ((error-value->string-handler) (make-string 30 #\b) (error-print-width))))
(parameterize ([error-value->string-handler (lambda (v n) (format "<~a:~a>" v n))])
  (try (raise-argument-error 'f "string?" 5))
  (try (car 5))
  (try (error 'f "x ~e ~a ~s" 1 2 3))
  (try (error "x" 1 "a"))
  (try (raise-arguments-error 'f "bad" "x" 1))
  (try (raise-range-error 'f "vector" "" 5 #(1) 0 0))
  (try (raise-result-error 'f "string?" 5))
  (try (vector-ref (vector 1) 5))
  (try (+ 'a 1))
  (try (format "~e" 5)))
(parameterize ([error-value->string-handler (lambda (v n) 7)])
  (try (raise-argument-error 'f "string?" 5)))
(try ((error-value->string-handler) 'a 10))
(try ((error-value->string-handler) (list 1 2 3 4 5 6) 5))
(try ((error-syntax->string-handler) '(a b) 10))
(try ((error-syntax->string-handler) (datum->syntax #f '(a b c d e f g)) 8))
(try ((error-syntax->string-handler) (datum->syntax #f '(a b c d e f g)) #f))

;; Bad arguments.
(try (uncaught-exception-handler 5))
(try (error-display-handler (lambda (x) 1)))
(try (error-escape-handler (lambda (x) 1)))
(try (exit-handler (lambda () 1)))
(try (executable-yield-handler 5))
(try (error-value->string-handler (lambda (x) 1)))
(try (error-syntax->string-handler (lambda (x) 1)))
(try (error-print-width 2))
(try (error-print-width 'a))
(try (error-print-context-length -1))
(try (parameterize ([error-print-source-location 5]) (error-print-source-location)))
(try ((error-value->string-handler) 1 2 3))
(try ((error-value->string-handler) 1 -1))
(try ((uncaught-exception-handler) 1 2))

;; exit calls the exit handler; one that returns lets exit return.
(try (parameterize ([exit-handler (lambda (c) (fprintf out "exit with ~s\n" c))])
       (exit 7)
       (exit)
       'continued))
(exit-handler (let ([old (exit-handler)]) (lambda (c) (fprintf out "exiting ~s\n" c) (old 3))))
(executable-yield-handler (lambda (c) (fprintf out "yield ~s\n" c)))
(displayln "end of module")
