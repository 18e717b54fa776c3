#lang scheme
;; In the scheme language, pretty-print is racket/pretty's pretty-write
;; under its old name: it writes (strings in quotes, no quote mark on
;; lists) and takes a value and an optional port.
(pretty-print '(a "b" #\c))
(pretty-print "text" (current-output-port))
(display (procedure-arity pretty-print)) (newline)
(display (object-name pretty-print)) (newline)
(display (with-handlers ([exn:fail:contract:arity? (lambda (e) "arity error")])
           (pretty-print 1 (current-output-port) 1)))
(newline)
