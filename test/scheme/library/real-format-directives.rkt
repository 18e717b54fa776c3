#lang racket/base
;; The format directives real programs use beyond ~a/~s/~v: ~c, the radix
;; directives ~b ~o ~x, ~ before whitespace, and the errors for bad patterns
;; and bad arguments (checked before anything is printed).

(define (show thunk)
  (with-handlers ([exn:fail? (lambda (e) (printf "error: ~a\n" (exn-message e)))])
    (write (thunk))
    (newline)))

;; characters
(show (lambda () (format "[~c|~C]" #\q #\λ)))
(show (lambda () (format "~c~c~c" #\tab #\nul #\x)))

;; radixes, upper and lower case, negative, big, rational and complex
(show (lambda () (format "~b ~B ~o ~O ~x ~X" 10 10 64 64 4095 4095)))
(show (lambda () (format "~x/~o/~b" -4096 -9 -6)))
(show (lambda () (format "~x" (expt 3 50))))
(show (lambda () (format "~x ~b" -7/16 5/4)))
(show (lambda () (format "~x ~b" 10+11i 3-2i)))
(show (lambda () (apply string-append (for/list ([n (in-range 12 18)]) (format "~x," n)))))

;; ~ followed by whitespace skips it, through at most one end of line
(show (lambda () (format "one~   two")))
(show (lambda () (format "one~\n     two")))
(show (lambda () (format "one~ \n \n two")))
(show (lambda () (format "one~\r\n two")))
(show (lambda () (format "one~\r\r two")))
(show (lambda () (format "one~\n\r\ntwo")))
(show (lambda () (format "one~\t\t")))
(show (lambda () (format "a~nb~%c~~d")))

;; bad patterns
(show (lambda () (format "~q")))
(show (lambda () (format "~a ~w" 1 2)))
(show (lambda () (format "trailing~")))
(show (lambda () (format "trailing~" 'x)))
(show (lambda () (format "~a~" 1)))

;; wrong argument counts come before bad arguments
(show (lambda () (format "~c ~a" 1)))
(show (lambda () (format "~c" #\a #\b)))

;; bad arguments; the message lists the arguments from the bad one on
(show (lambda () (format "~c" 65)))
(show (lambda () (format "~a ~c ~a" 1 "c" 3)))
(show (lambda () (format "~x" 2.5)))
(show (lambda () (format "~o" 8.0)))
(show (lambda () (format "~b" 'two)))
(show (lambda () (format "~a~X" 1 #\F)))

;; nothing is printed when an argument is bad
(show (lambda () (printf "before ~a after ~c\n" 'x 'y)))
(show (lambda () (fprintf (current-output-port) "~x\n" "ff")))
(show (lambda () (error 'who "wanted ~c, got ~x" #\y 255)))
(show (lambda () (error 'who "bad ~c" 3)))
(show (lambda () (raise-user-error 'who "~z")))
(printf "~c~x~o~b\n" #\! 171 8 3)
