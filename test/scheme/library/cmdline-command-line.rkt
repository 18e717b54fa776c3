#lang racket/base
;; racket/cmdline's command-line: flags of each kind, arguments, the help
;; text, and the errors a bad command line gets.
(require racket/cmdline)

;; Runs a command line over `argv`; --help's exit is caught and shown.
(define-syntax-rule (run argv clause ...)
  (with-handlers ([exn:fail:user? (lambda (e) (printf "error: ~a\n" (exn-message e)))])
    (let/ec escape
      (parameterize ([exit-handler (lambda (code) (printf "[exit ~a]\n" code) (escape (void)))])
        (command-line #:program "udp-tool" #:argv argv clause ...)))))

(define verbose? #f)
(define port 0)
(define mode 'fast)
(define includes '())
(define (reset!) (set! verbose? #f) (set! port 0) (set! mode 'fast) (set! includes '()))

(define-syntax-rule (tool argv)
  (begin
    (reset!)
    (let ([r (run argv
                  #:usage-help "Sends datagrams." "Second usage line."
                  #:once-each
                  [("-v" "--verbose") "Print more" (set! verbose? #t)]
                  [("-p" "--port") p "Listen on <p>" (set! port (string->number p))]
                  #:once-any
                  [("--fast") "Go fast" (set! mode 'fast)]
                  [("--slow") ("Go slow" "(safer)") (set! mode 'slow)]
                  #:multi
                  [("-I" "--include") dir "Add <dir>" (set! includes (cons dir includes))]
                  #:help-labels "More options:"
                  #:final
                  [("-x") "Stop reading flags" (displayln "final")]
                  #:ps "Postscript line" "PS 2"
                  #:args (host . rest)
                  (list host rest))])
      (printf "verbose=~a port=~a mode=~a includes=~a result=~s\n" verbose? port mode includes r))))

(tool (vector "--help"))
(tool (vector "a" "b" "c"))
(tool (vector "-v" "-p" "9" "--slow" "-I" "x" "-I" "y" "h"))
(tool '("-vp" "9" "h"))
(tool (vector "--bogus" "h"))
(tool (vector "-p"))
(tool (vector "--fast" "--slow" "h"))
(tool (vector "-v" "-v" "h"))
(tool (vector "-vv" "h"))
(tool (vector))
(tool (vector "--" "-v"))
(tool (vector "-x" "-v" "h"))
(tool (vector "-z"))
(tool (vector "-5" "h"))
(tool (vector "h" "-v"))

;; Argument shapes, in the usage line and the errors.
(run (vector "--help") #:args (x y) 1)
(run (vector "--help") #:args args 1)
(run (vector "--help") #:args ([opt "d"] [opt2 "e"]) 1)
(run (vector "--help") #:once-any [("-a") "only a" 1] #:args (a [opt "d"] . more) 1)
(run (vector "x") #:args (a b) 1)
(run (vector "x" "y" "z") #:args (a b) 1)
(run (vector "x" "y" "z") #:args (a) 1)
(run (vector "x") #:args () 1)
(run (vector) #:args (a [b "q"]) (list a b))
(run (vector "1" "2") #:args (a [b "q"]) (list a b))
(run (vector "a" "b") #:args args args)
(run (vector "x"))
(run (vector))

;; Flags with several arguments and help lines; results of the handlers go to #:handlers.
(run (vector "--help") #:once-each [("-l") ("line one" "line two") 1] [("-m") a b "two args <a> <b>" 1])
(run (vector "-m" "x") #:once-each [("-m") a b "two args" 1])
(run (vector "-m") #:once-each [("-m") a b "two args" 1])
(run (vector "-m" "1" "2" "-q" "z")
     #:multi [("-m") a b "two" (list 'm a b)] [("-q") "q" 'q]
     #:handlers (lambda (results x) (list results x)) '("x"))
(run (vector "+x" "--long" "a" "++plus")
     #:once-each [("+x") "plus x" (displayln "plus x")] [("--long") v "long" (printf "long=~a\n" v)]
     [("++plus") "plus plus" (displayln "plus plus")])
(run (vector "-a") #:once-each [("-a") => (lambda (flag) (printf "handler got ~a\n" flag)) '("Flag a")])

;; The default program name is the run file's name.
(with-handlers ([exn:fail:user? (lambda (e) (displayln (exn-message e)))])
  (command-line #:argv (vector "--nope")))
