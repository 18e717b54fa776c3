#lang racket/base
;; racket/pretty: the print-line, size, print, pre- and post-print hooks,
;; pretty-format, custom writers, tentative ports and argument errors.
(require racket/pretty)

(define nums (build-list 25 (lambda (i) (* i 1001))))

;; racket/contract's blame messages indent every line by 6 spaces this way.
(define (indent-6 line port len cols)
  (if line
      (begin (unless (equal? line 0) (newline port)) (display "      " port) 6)
      0))
(parameterize ([pretty-print-print-line indent-6] [pretty-print-columns 50])
  (pretty-write '(->* (string?) (number? #:k boolean?) #:rest (listof symbol?) any)))
(newline)
(parameterize ([pretty-print-print-line indent-6] [pretty-print-columns 50])
  (pretty-write '(-> integer? string?)))
(newline)
(parameterize ([pretty-print-print-line indent-6])
  (pretty-print (list 'define '(f x) nums)))
(newline)
;; A print-line that reports its arguments.
(parameterize ([pretty-print-print-line
                (lambda (line port offset width)
                  (fprintf port "[~a ~a ~a]" line offset width)
                  (when line (newline port))
                  0)]
               [pretty-print-columns 30])
  (pretty-print (list 'a nums)))
(newline)
(parameterize ([pretty-print-print-line
                (lambda (line port offset width) (when (and line (> line 0)) (display "\n;; " port)) 3)]
               [pretty-print-columns 40])
  (pretty-write `(let ((x 1)) ,nums)))
(newline)

;; The size hook measures, the print hook prints what it measured.
(parameterize ([pretty-print-size-hook (lambda (v display? port) (and (string? v) 5))]
               [pretty-print-print-hook (lambda (v display? port) (write-string "<str>" port))])
  (pretty-print (list "a" 'b "c"))
  (parameterize ([pretty-print-columns 10])
    (pretty-print (list "aaaaaaa" "bbbbbbbbb" "c"))))
(define seen '())
(parameterize ([pretty-print-pre-print-hook (lambda (v port) (set! seen (cons (list 'pre v) seen)))]
               [pretty-print-post-print-hook (lambda (v port) (set! seen (cons (list 'post v) seen)))])
  (pretty-print (list 1 (vector 2))))
(for-each writeln (reverse seen))
(set! seen '())
(parameterize ([pretty-print-pre-print-hook (lambda (v port) (write-string "<" port))]
               [pretty-print-post-print-hook (lambda (v port) (write-string ">" port))]
               [pretty-print-columns 12])
  (pretty-print (list 1 2 (list 3 4 5 6 7 8))))

;; pretty-format
(writeln (pretty-format nums))
(writeln (pretty-format nums 30))
(writeln (pretty-format "s" #:mode 'write))
(writeln (pretty-format "s" #:mode 'display))
(writeln (pretty-format 'sym))
(writeln (pretty-format 'sym #:mode 'write))
(writeln (pretty-format (list "a" #\b) 10 #:mode 'display))
(writeln (pretty-format `(define (f x) ,nums) 'infinity))
(pretty-print-handler (list 1 2))
(pretty-print-handler (void))
(writeln (pretty-print-style-table? (pretty-print-current-style-table)))
(writeln (list (pretty-print-columns) (pretty-print-depth) (pretty-printing)
               (pretty-print-abbreviate-read-macros) (pretty-print-show-inexactness)
               (pretty-print-exact-as-decimal) (pretty-print-.-symbol-without-bars)))

;; Custom writers see pretty-printing and pretty-print-columns, and print parts through the layout.
(struct wrapper (v)
  #:property prop:custom-write
  (lambda (w port mode)
    (write-string "#<wrapper " port)
    (case mode
      [(#t) (write (wrapper-v w) port)]
      [(#f) (display (wrapper-v w) port)]
      [else (print (wrapper-v w) port mode)])
    (write-string ">" port)))
(pretty-print (wrapper 1))
(pretty-print (wrapper nums))
(pretty-write (list 'a (wrapper (list 'define '(f x) nums))))
(pretty-display (wrapper (list "a" nums)))
(pretty-print (list (wrapper (list 'x nums))))
(struct probe ()
  #:property prop:custom-write
  (lambda (p port mode)
    (fprintf port "#<probe ~a ~a ~a>" (pretty-printing) (pretty-print-columns) mode)))
(pretty-print (probe))
(pretty-print (list (probe) nums))
(pretty-write (list (probe)))
(pretty-display (list (probe)))
(print (probe))
(newline)
;; A constructor-style printer built on tentative ports, as racket/struct's is.
(struct pt (x y)
  #:property prop:custom-print-quotable 'never
  #:property prop:custom-write
  (lambda (v port mode)
    (define (print-all p multi?)
      (let-values ([(line col pos) (port-next-location p)])
        (write-string "(pt" p)
        (for ([e (list (pt-x v) (pt-y v))])
          (when multi? (pretty-print-newline p (pretty-print-columns)))
          (write-string (if multi? (make-string (add1 (or col 0)) #\space) " ") p)
          (print e p mode))
        (write-string ")" p)))
    (cond
      [(and (pretty-printing) (integer? (pretty-print-columns)))
       ((let/ec esc
          (letrec ([tport (make-tentative-pretty-print-output-port
                           port
                           (- (pretty-print-columns) 1)
                           (lambda ()
                             (esc (lambda ()
                                    (tentative-pretty-print-port-cancel tport)
                                    (print-all port #t)))))])
            (print-all tport #f)
            (tentative-pretty-print-port-transfer tport port))
          void))]
      [else (print-all port #f)])))
(pretty-print (pt 1 2))
(pretty-print (pt nums 'b))
(pretty-print (list 'a (pt (pt 1 nums) 2)))
(define o (open-output-string))
(pretty-print-newline o 79)
(writeln (get-output-string o))

;; Cycles and sharing.
(define shared-list (list 1 2))
(pretty-print (list shared-list shared-list))
(parameterize ([print-graph #t])
  (pretty-print (list shared-list shared-list))
  (pretty-print (list nums nums))
  (pretty-write (vector shared-list shared-list)))
(define cyc (mcons 1 '()))
(set-mcdr! cyc cyc)
(pretty-print cyc)
(pretty-write cyc)
(define v (vector 1 2 #f))
(vector-set! v 2 v)
(pretty-print v)
(define big (make-vector 30 0))
(vector-set! big 29 big)
(pretty-print big)
(define h (make-hash))
(hash-set! h 'self h)
(pretty-print h)
(define b (box #f))
(set-box! b (list b nums))
(pretty-print b)
(define c (read (open-input-string "#0=(1 2 . #0#)")))
(pretty-print c)
(pretty-write c)
(define c2 (read (open-input-string "#0=(1 #0# 3)")))
(pretty-print c2)

(define (report thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))
(report (lambda () (pretty-print 1 5)))
(report (lambda () (pretty-print 1 (current-output-port) 2)))
(report (lambda () (pretty-print 1 #:newline? 3)))
(report (lambda () (pretty-write 1 'x)))
(report (lambda () (pretty-display 1 #:newline? 'no)))
(report (lambda () (pretty-format 1 #:mode 'x)))
(report (lambda () (pretty-format 1 'wide)))
(report (lambda () (pretty-print-columns 1.5)))
(report (lambda () (pretty-print-columns 'x)))
(report (lambda () (pretty-print-depth 'x)))
(report (lambda () (pretty-print-print-line (lambda (x) x))))
(report (lambda () (pretty-print-size-hook (lambda (x) x))))
(report (lambda () (pretty-print-print-hook (lambda (x) x))))
(report (lambda () (pretty-print-pre-print-hook (lambda (x) x))))
(report (lambda () (pretty-print-post-print-hook (lambda (x) x))))
(report (lambda () (pretty-print-newline 1 2)))
(report (lambda () (pretty-print-current-style-table #f)))
(pretty-print-columns 40.0)
(pretty-print nums)
(pretty-print-depth 1.5)
(pretty-print '(1 (2 (3))))
(pretty-printing 'yes)
(writeln (pretty-printing))
