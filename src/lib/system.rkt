#lang racket/base
;; racket/system: running programs (directly or through /bin/sh -c) over
;; subprocess. A port of the program that is not a file-stream port cannot be
;; handed to the child, so a thread copies between it and the child's pipe;
;; the argument checks and messages are those of collects/racket/system.rkt.

(provide (rename-out [system racket/system:system]
                     [system* racket/system:system*]
                     [system/exit-code racket/system:system/exit-code]
                     [system*/exit-code racket/system:system*/exit-code]
                     [process racket/system:process]
                     [process* racket/system:process*]
                     [process/ports racket/system:process/ports]
                     [process*/ports racket/system:process*/ports]
                     [string-no-nuls? racket/system:string-no-nuls?]
                     [bytes-no-nuls? racket/system:bytes-no-nuls?]))

;; The empty string is no path, yet it is a fine argument.
(define (arg-string? s)
  (or (path-string? s) (equal? s "")))

(define (string-no-nuls? s)
  (and (string? s) (arg-string? s)))

(define (bytes-no-nuls? s)
  (and (bytes? s) (not (for/or ([b (in-bytes s)]) (zero? b)))))

(define (check-command who str)
  (unless (or (string-no-nuls? str) (bytes-no-nuls? str))
    (raise-argument-error who "(or/c string-no-nuls? bytes-no-nuls?)" str)))

(define (check-exe who exe)
  (unless (path-string? exe)
    (raise-argument-error who "path-string?" exe))
  exe)

(define (check-args who args)
  (cond
    [(null? args) args]
    [(eq? (car args) 'exact)
     (cond
       [(null? (cdr args))
        (raise-mismatch-error who "expected a single string argument after: " (car args))]
       ;; More than one argument after 'exact is reported as the first one being wrong, as Racket does.
       [(not (and (null? (cddr args)) (string? (cadr args)) (arg-string? (cadr args))))
        (raise-mismatch-error who "expected a single string argument after 'exact, given: " (cadr args))]
       [else args])]
    [else
     (for ([a (in-list args)])
       (unless (or (arg-string? a) (bytes-no-nuls? a))
         (raise-argument-error who "(or/c path-string? bytes-no-nuls?)" a)))
     args]))

(define (shell-command str)
  (list "/bin/sh" "-c" str))

;; What subprocess is given for a port of the program: the port itself when the
;; child can share it, else #f (a pipe, copied by a thread).
(define (stream-out who p [stdout-ok? #f])
  (cond
    [(and stdout-ok? (eq? p 'stdout)) p]
    [(or (not p) (and (output-port? p) (file-stream-port? p))) p]
    [(output-port? p) #f]
    [else (raise-type-error who (if stdout-ok? "output port, #f, or 'stdout" "output port or #f") p)]))

(define (stream-in who p)
  (cond
    [(or (not p) (and (input-port? p) (file-stream-port? p))) p]
    [(input-port? p) #f]
    [else (raise-type-error who "input port or #f" p)]))

(define (pump from to)
  (let ([buffer (make-bytes 4096)])
    (let loop ()
      (let ([n (read-bytes-avail! buffer from)])
        (when (exact-integer? n)
          (write-bytes buffer to 0 n)
          (flush-output to)
          (loop))))))

(define (needs-copy? p)
  (and (port? p) (not (file-stream-port? p))))

;; A thread copying the child's output `from` to the program's port `to`.
(define (copy-out to from)
  (if (needs-copy? to)
      (thread (lambda ()
                (dynamic-wind void (lambda () (pump from to)) (lambda () (close-input-port from)))))
      from))

;; A thread copying the program's port `from` to the child's input `to`,
;; until `from` ends or `stop` is called (the child has exited).
(define (copy-in from to)
  (if (needs-copy? from)
      (thread (lambda ()
                (pump from to)
                (close-output-port to)))
      to))

(define (stop-copy-in t to)
  (when (thread? t)
    (kill-thread t)
    (close-output-port to)))

;; Runs `thunk` with PWD set to the current directory, as a shell expects.
(define (with-pwd set-pwd? thunk)
  (if set-pwd?
      (parameterize ([current-environment-variables
                      (environment-variables-copy (current-environment-variables))])
        (putenv "PWD" (path->string (current-directory)))
        (thunk))
      (thunk)))

(define (start who set-pwd? cout cin cerr exe args)
  (let ([out (stream-out who cout)]
        [in (stream-in who cin)]
        [err (stream-out who cerr #t)]
        [exe (check-exe who exe)]
        [args (check-args who args)])
    (with-pwd set-pwd? (lambda () (apply subprocess out in err exe args)))))

(define (process-ports who set-pwd? cout cin cerr exe args)
  (let-values ([(p out in err) (start who set-pwd? cout cin cerr exe args)])
    (let* ([so (copy-out cout out)]
           [si (copy-in cin in)]
           [se (copy-out cerr err)]
           [copying? (lambda () (for/or ([t (list so si se)]) (and (thread? t) (thread-running? t))))]
           [port-or-false (lambda (x) (and (port? x) x))])
      (when (thread? si)
        (thread (lambda () (subprocess-wait p) (stop-copy-in si in))))
      (define (control m)
        (case m
          [(status)
           (let ([s (subprocess-status p)])
             (cond
               [(or (not (integer? s)) (copying?)) 'running]
               [(zero? s) 'done-ok]
               [else 'done-error]))]
          [(exit-code)
           (if (copying?)
               #f
               (let ([s (subprocess-status p)]) (and (integer? s) s)))]
          [(wait)
           (subprocess-wait p)
           (for ([t (list so si se)]) (when (thread? t) (thread-wait t)))]
          [(interrupt) (subprocess-kill p #f)]
          [(kill) (subprocess-kill p #t)]
          [else (raise-argument-error 'control-process "(or/c 'status 'exit-code 'wait 'interrupt 'kill)" m)]))
      (list (port-or-false so) (port-or-false si) (subprocess-pid p) (port-or-false se) control))))

(define (process*/ports cout cin cerr exe #:set-pwd? [set-pwd? #t] . args)
  (process-ports 'process*/ports set-pwd? cout cin cerr exe args))

(define (process/ports cout cin cerr str #:set-pwd? [set-pwd? #t])
  (process-ports 'process/ports set-pwd? cout cin cerr "/bin/sh" (list "-c" str)))

(define (process* exe #:set-pwd? [set-pwd? #t] . args)
  (process-ports 'process* set-pwd? #f #f #f exe args))

(define (process str #:set-pwd? [set-pwd? #t])
  (check-command 'process str)
  (process-ports 'process set-pwd? #f #f #f "/bin/sh" (list "-c" str)))

;; Runs the program on the current ports and waits for it and the copying to end.
(define (run-to-exit who set-pwd? exe args)
  (let ([cout (current-output-port)]
        [cin (current-input-port)]
        [cerr (current-error-port)])
    (let-values ([(p out in err) (start who set-pwd? cout cin cerr exe args)])
      (let ([so (copy-out cout out)]
            [si (copy-in cin in)]
            [se (copy-out cerr err)])
        (subprocess-wait p)
        (stop-copy-in si in)
        (when (thread? so) (thread-wait so))
        (when (thread? se) (thread-wait se))
        (when err (close-input-port err))
        (when out (close-input-port out))
        (when in (close-output-port in))
        (subprocess-status p)))))

(define (system*/exit-code exe #:set-pwd? [set-pwd? #t] . args)
  (run-to-exit 'system*/exit-code set-pwd? exe args))

(define (system* exe #:set-pwd? [set-pwd? #t] . args)
  (zero? (run-to-exit 'system* set-pwd? exe args)))

(define (system str #:set-pwd? [set-pwd? #t])
  (check-command 'system str)
  (zero? (run-to-exit 'system set-pwd? "/bin/sh" (list "-c" str))))

(define (system/exit-code str #:set-pwd? [set-pwd? #t])
  (check-command 'system/exit-code str)
  (run-to-exit 'system/exit-code set-pwd? "/bin/sh" (list "-c" str)))
