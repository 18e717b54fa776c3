#lang racket/base
;; racket/pretty's printing procedures, here for their keyword arguments;
;; the layout is prims/pretty-print.ts (%pretty-print).

(provide (rename-out [pretty-print racket/pretty:pretty-print]
                     [pretty-write racket/pretty:pretty-write]
                     [pretty-display racket/pretty:pretty-display]
                     [pretty-format racket/pretty:pretty-format]))

(define (pretty-print v [port (current-output-port)] [qd 0] #:newline? [newline? #t])
  (%pretty-print 'pretty-print v port qd newline? 'print))

(define (pretty-write v [port (current-output-port)] #:newline? [newline? #t])
  (%pretty-print 'pretty-write v port 0 newline? 'write))

(define (pretty-display v [port (current-output-port)] #:newline? [newline? #t])
  (%pretty-print 'pretty-display v port 0 newline? 'display))

(define (pretty-format v [width (%pretty-print-columns)] #:mode [mode 'print])
  (parameterize ([%pretty-print-columns width])
    (let ([out (open-output-string)])
      (case mode
        [(print) (%pretty-print 'pretty-print v out 0 #f 'print)]
        [(write) (%pretty-print 'pretty-write v out 0 #f 'write)]
        [(display) (%pretty-print 'pretty-display v out 0 #f 'display)]
        [else (raise-argument-error 'pretty-format "(or/c 'print 'write 'display)" mode)])
      (get-output-string out))))
