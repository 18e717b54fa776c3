#lang racket/base
;; Optional arguments Racket 8.7 has: try-order? for hash traversals (keys
;; sorted by type, then value), quote depth for print, the opaque marker of
;; struct->vector, a realm for procedure-rename, sync with no events.
(define h (make-hash '((3 . c) (1 . a) (2 . b) (10 . j))))
(hash-keys h #t)
(hash-values h #t)
(hash->list h #t)
(hash-map h cons #t)
(hash-for-each (hash 'b 2 'a 1 'c 3) (lambda (k v) (printf "~a=~a " k v)) #t)
(newline)
(hash-keys (hash "b" 1 "a" 2 #\c 3 'd 4 #t 5 1.5 6) #t)
(sync/timeout 0.01)
(println "x" (current-output-port) 1)
(println "x" (current-output-port) 0)
(print 'a (current-output-port) 1)
(newline)
(struct p (x) )
(struct->vector (p 1) 'hidden)
(object-name (procedure-rename car 'kar 'racket))
(with-handlers ([exn:fail? exn-message]) (println 1 (current-output-port) 2))
(hash-keys (hash "b" 1 #"x" 2 #\c 3 (quote d) 4 #t 5 1.5 6 (quote #:k) 7 (quote ()) 8 (void) 9 eof 10 #f 11 (quote e) 12) #t)
