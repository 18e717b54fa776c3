#lang racket/base
;; racket/port's whole-port readers, string and byte-string port helpers,
;; copy-port, display-lines and open-output-nowhere, with the argument checks
;; and messages of collects/racket/port.rkt.

(provide (rename-out [port->string racket/port:port->string]
                     [port->bytes racket/port:port->bytes]
                     [port->lines racket/port:port->lines]
                     [port->bytes-lines racket/port:port->bytes-lines]
                     [port->list racket/port:port->list]
                     [copy-port racket/port:copy-port]
                     [display-lines racket/port:display-lines]
                     [with-output-to-string racket/port:with-output-to-string]
                     [with-output-to-bytes racket/port:with-output-to-bytes]
                     [call-with-output-string racket/port:call-with-output-string]
                     [call-with-output-bytes racket/port:call-with-output-bytes]
                     [with-input-from-string racket/port:with-input-from-string]
                     [with-input-from-bytes racket/port:with-input-from-bytes]
                     [call-with-input-string racket/port:call-with-input-string]
                     [call-with-input-bytes racket/port:call-with-input-bytes]
                     [open-output-nowhere racket/port:open-output-nowhere]))

;; Everything `in` has left, copied into a fresh byte-string port.
(define (drain-port who in)
  (unless (input-port? in) (raise-argument-error who "input-port?" in))
  (let ([out (open-output-bytes)])
    (copy-port in out)
    out))

(define (close-if close? in)
  (when close? (close-input-port in)))

(define (port->string [in (current-input-port)] #:close? [close? #f])
  (begin0 (get-output-string (drain-port 'port->string in)) (close-if close? in)))

(define (port->bytes [in (current-input-port)] #:close? [close? #f])
  (begin0 (get-output-bytes (drain-port 'port->bytes in) #t) (close-if close? in)))

(define (check-line-mode who mode)
  (unless (memq mode '(linefeed return return-linefeed any any-one))
    (raise-argument-error who "(or/c 'linefeed 'return 'return-linefeed 'any 'any-one)" mode)))

(define (port-lines who in mode read-a-line)
  (unless (input-port? in) (raise-argument-error who "input-port?" in))
  (check-line-mode who mode)
  (let loop ([acc '()])
    (let ([line (read-a-line in mode)])
      (if (eof-object? line) (reverse acc) (loop (cons line acc))))))

(define (port->lines [in (current-input-port)] #:line-mode [mode 'any] #:close? [close? #f])
  (begin0 (port-lines 'port->lines in mode read-line) (close-if close? in)))

(define (port->bytes-lines [in (current-input-port)] #:line-mode [mode 'any] #:close? [close? #f])
  (begin0 (port-lines 'port->bytes-lines in mode read-bytes-line) (close-if close? in)))

(define (port->list [reader read] [in (current-input-port)])
  (unless (input-port? in) (raise-argument-error 'port->list "input-port?" in))
  (unless (and (procedure? reader) (procedure-arity-includes? reader 1))
    (raise-argument-error 'port->list "(procedure-arity-includes/c 1)" reader))
  (let loop ([acc '()])
    (let ([v (reader in)])
      (if (eof-object? v) (reverse acc) (loop (cons v acc))))))

;; Copies until eof, passing on each chunk as soon as it is available.
(define (copy-port in out . more-outs)
  (unless (input-port? in) (raise-type-error 'copy-port "input-port" in))
  (for ([o (in-list (cons out more-outs))])
    (unless (output-port? o) (raise-type-error 'copy-port "output-port" o)))
  (let ([buffer (make-bytes 4096)])
    (let loop ()
      (let ([n (read-bytes-avail! buffer in)])
        (cond
          [(eof-object? n) (void)]
          [(exact-integer? n)
           (write-bytes buffer out 0 n)
           (for ([o (in-list more-outs)]) (write-bytes buffer o 0 n))
           (loop)]
          [else
           ;; A special value (from a custom port): the outputs take it as a special.
           (let ([v (n 'copy-port #f #f #f)])
             (write-special v out)
             (for ([o (in-list more-outs)]) (write-special v o))
             (loop))])))))

(define (display-lines lines [out (current-output-port)] #:separator [separator #"\n"])
  (unless (list? lines) (raise-argument-error 'display-lines "list?" lines))
  (unless (output-port? out) (raise-argument-error 'display-lines "output-port?" out))
  (for ([line (in-list lines)])
    (display line out)
    (display separator out)))

;; The port `proc` writes to, made and checked as racket/port does.
(define (output-collector who arity proc)
  (unless (and (procedure? proc) (procedure-arity-includes? proc arity))
    (raise-argument-error who (if (zero? arity) "(-> any)" "(output-port? . -> . any)") proc))
  (let ([out (open-output-bytes)])
    (if (zero? arity)
        (parameterize ([current-output-port out]) (proc))
        (proc out))
    out))

(define (with-output-to-string proc)
  (get-output-string (output-collector 'with-output-to-string 0 proc)))

(define (with-output-to-bytes proc)
  (get-output-bytes (output-collector 'with-output-to-bytes 0 proc) #t))

(define (call-with-output-string proc)
  (get-output-string (output-collector 'call-with-output-string 1 proc)))

(define (call-with-output-bytes proc)
  (get-output-bytes (output-collector 'call-with-output-bytes 1 proc) #t))

;; Runs `proc` reading from a port over `text`: as the current input port, or as its argument.
(define (input-provider who arity binary? text proc)
  (unless (if binary? (bytes? text) (string? text))
    (raise-argument-error who (if binary? "bytes?" "string?") 0 text proc))
  (unless (and (procedure? proc) (procedure-arity-includes? proc arity))
    (raise-argument-error who (if (zero? arity) "(-> any)" "(input-port? . -> . any)") 1 text proc))
  (let ([in (if binary? (open-input-bytes text) (open-input-string text))])
    (if (zero? arity)
        (parameterize ([current-input-port in]) (proc))
        (proc in))))

(define (with-input-from-string text proc)
  (input-provider 'with-input-from-string 0 #f text proc))

(define (with-input-from-bytes text proc)
  (input-provider 'with-input-from-bytes 0 #t text proc))

(define (call-with-input-string text proc)
  (input-provider 'call-with-input-string 1 #f text proc))

(define (call-with-input-bytes text proc)
  (input-provider 'call-with-input-bytes 1 #t text proc))

(define (open-output-nowhere [name 'nowhere] [specials-ok? #t])
  (make-output-port name
                    always-evt
                    (lambda (bstr start end non-block? breakable?) (- end start))
                    void
                    (and specials-ok? (lambda (v non-block? breakable?) #t))))
