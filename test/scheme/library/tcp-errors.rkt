#lang racket/base
;; racket/tcp's errors: a refused connection to a port just closed, a port in
;; use, a name that does not resolve, a closed listener or port, bad arguments,
;; a shut-down custodian; and tcp-addresses on listeners and ports.
(require racket/tcp)

(define (kind e)
  (for/first ([p (list exn:fail:network:errno? exn:fail:network? exn:fail:contract? exn:fail?)]
              [n '(network:errno network contract fail)]
              #:when (p e))
    n))
(define-syntax-rule (try e)
  (with-handlers ([exn? (lambda (x)
                          (printf "~a [~a~a]\n" (exn-message x) (kind x)
                                  (if (exn:fail:network:errno? x)
                                      (format " ~s" (exn:fail:network:errno-errno x))
                                      "")))])
    (call-with-values (lambda () e) (lambda vs (printf "ok ~s\n" vs)))))
;; Port numbers the system picks differ from run to run: show them as P.
(define (without-port msg port) (regexp-replace* (number->string port) msg "P"))
(define-syntax-rule (try/port port e)
  (with-handlers ([exn? (lambda (x) (printf "~a [~a]\n" (without-port (exn-message x) port) (kind x)))])
    e
    (printf "ok\n")))

(define listener (tcp-listen 0 5 #f "127.0.0.1"))
(define-values (host port any-host any-port) (tcp-addresses listener #t))
(try (tcp-addresses listener))
(println (list host any-host any-port))

;; Listening on a port in use, with and without a host name.
(try/port port (tcp-listen port 5 #f "127.0.0.1"))
(try/port port (tcp-listen port 5 #t "127.0.0.1"))
(try (tcp-listen 0 5 #f ""))

;; A connection and its addresses.
(define-values (ci co) (tcp-connect "127.0.0.1" port))
(define-values (si so) (tcp-accept listener))
(define-values (cl clp cr crp) (tcp-addresses ci #t))
(define-values (sl slp sr srp) (tcp-addresses so #t))
(println (list cl cr (= crp port) sl sr (= slp port) (= srp clp)))
(try (tcp-addresses co))
(println (length (call-with-values (lambda () (tcp-addresses si 'yes-please)) list)))

;; Closed listener: every operation says so; a connection to its port is refused.
(tcp-close listener)
(try (tcp-close listener))
(try (tcp-accept listener))
(try (tcp-accept/enable-break listener))
(try (tcp-accept-ready? listener))
(try (tcp-addresses listener))
(println (tcp-accept-evt listener))
(try (sync (tcp-accept-evt listener)))
(try/port port (tcp-connect "127.0.0.1" port))
(try/port port (tcp-connect/enable-break "localhost" port))
(try/port port (tcp-connect "127.0.0.1" port "127.0.0.1" #f))
(try (tcp-connect "" 80))

;; Closed ports.
(close-output-port co)
(try (tcp-addresses co))
(try (tcp-addresses ci))
(try (write-string "x" co))
(close-input-port ci)
(try (tcp-addresses ci))
(try (read-byte ci))
(println (list (tcp-port? ci) (port-closed? ci) (port-closed? co)))
(try (tcp-abandon-port co))
(close-input-port si)
(close-output-port so)

;; Bad arguments.
(try (tcp-listen -1))
(try (tcp-listen 65536))
(try (tcp-listen 0.0))
(try (tcp-listen 0 -1))
(try (tcp-listen 0 'many))
(try (tcp-listen 0 5 #f 'localhost))
(try (tcp-connect 'localhost 80))
(try (tcp-connect "127.0.0.1" 0))
(try (tcp-connect "127.0.0.1" 65536))
(try (tcp-connect "127.0.0.1" 80 'here))
(try (tcp-connect "127.0.0.1" 80 "127.0.0.1" 0))
(try (tcp-connect "127.0.0.1" 80 "127.0.0.1"))
(try (tcp-connect/enable-break 5 80))
(try (tcp-accept 5))
(try (tcp-accept/enable-break "listener"))
(try (tcp-accept-ready? #f))
(try (tcp-accept-evt 'l))
(try (tcp-close (current-output-port)))
(try (tcp-addresses (current-output-port)))
(try (tcp-addresses 5))
(try (tcp-listen))
(try (tcp-connect "127.0.0.1"))
(try (tcp-abandon-port 5))
(try (tcp-abandon-port (open-output-string)))

;; Predicates.
(println (map port-number? (list 0 1 80 65535 65536 -1 1.0 'x)))
(println (map listen-port-number? (list 0 1 65535 65536 -1 "0")))
(println (map tcp-listener? (list listener 5 ci)))
(println (map tcp-port? (list ci co (current-input-port) listener)))

;; A custodian's listener and ports close when it is shut down.
(define cust (make-custodian))
(define l2 (parameterize ([current-custodian cust]) (tcp-listen 0 5 #f "127.0.0.1")))
(define-values (h2 p2 r2 rp2) (tcp-addresses l2 #t))
(define-values (ci2 co2) (parameterize ([current-custodian cust]) (tcp-connect "127.0.0.1" p2)))
(custodian-shutdown-all cust)
(try (tcp-accept l2))
(try (tcp-accept-ready? l2))
(println (list (port-closed? ci2) (port-closed? co2)))
(try (read-byte ci2))
(try/port p2 (tcp-connect "127.0.0.1" p2))
(try (parameterize ([current-custodian cust]) (tcp-listen 0 5 #f "127.0.0.1")))
(try (parameterize ([current-custodian cust]) (tcp-connect "127.0.0.1" p2)))

;; A security guard sees each listen and connect, and can refuse them.
(define seen '())
(parameterize ([current-security-guard
                (make-security-guard (current-security-guard) void
                                     (lambda (who host port mode)
                                       (set! seen (cons (list who host (and port (zero? port)) mode) seen))
                                       (when (equal? host "127.0.0.2") (error who "refused by guard"))))])
  (try (tcp-listen 0 5 #f "127.0.0.2"))
  (try (tcp-connect "127.0.0.2" 9)))
(println (reverse seen))
