#lang racket/base
;; Regular expressions: malformed patterns and contract violations.
(define (show thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (printf "~a ~a\n" (exn:fail:contract? e) (exn-message e)))])
    (println (thunk))))

;; --- malformed patterns
(for ([p '("(" "a(" "(a" "(a|b" "((a)" ")" "(a))" "[" "[a" "[a-" "*a" "+" "?" "a|*" "(*)" "a**" "a+*" "a???" "a*?*"
           "()*" "(a*)*" "(a?)+" "(^)*" "$*" "(?=a)*" "(?:a|)*" "(|a)+" "[z-a]" "[]-a]" "[--/]+" "[a-c-e]"
           "(?" "(?i" "(?i)abc" "(?z:a)" "(?<a)" "(?i:" "(?:a" "(?>a" "(?=a" "(?<=a" "(?<=a*)b"
           "(?(1)a|b)" "(a)(?(1" "(a)(?(1x)b)" "(?(a)b)" "(?(1)a|b|c)" "(a)(?(1)b" "(?(?=a)b")])
  (show (lambda () (regexp p))))
(for ([p '("[" "a]" "a}" "{2}" "a{x}" "a{1" "a{1}{2}" "a{1,2}{3}" "(a*){2}" "(?:a|){3}" "\\1" "(a)\\2" "(a)\\10"
           "\\q" "\\N" "[\\q]" "[\\n]" "\\p" "\\pL" "\\p{Lu" "\\p{Foo}" "\\P{^Bar}" "[[:alpha]]" "[[:foo:]]"
           "[a-\\d]" "[\\d-a]" "[[:alpha:]-z]" "[\\p{Lu}]" "(?<=a{2,})b" "(?<=\\1)(a)")])
  (show (lambda () (pregexp p))))
(show (lambda () (byte-regexp #"(\377")))
(show (lambda () (byte-pregexp #"\\p")))
(show (lambda () (regexp-match "(" "a")))
(show (lambda () (regexp-match #"(" "a")))
(show (lambda () (regexp-match-positions "(" "a")))
(show (lambda () (regexp-match? "(" "a")))
(show (lambda () (regexp-match* "(" "a")))
(show (lambda () (regexp-split "(" "a")))
(show (lambda () (regexp-replace "(" "a" "b")))
(show (lambda () (regexp-replace* "(" "a" "b")))
(show (lambda () (regexp "(" (lambda (s) (list 'bad s)))))
(show (lambda () (byte-pregexp #"a{1" (lambda (s) (list 'bad s)))))

;; --- constructor and predicate arguments
(show (lambda () (regexp 5)))
(show (lambda () (pregexp #"a")))
(show (lambda () (byte-regexp "a")))
(show (lambda () (byte-pregexp "a")))

;; --- regexp-match and friends
(show (lambda () (regexp-match 5 "a")))
(show (lambda () (regexp-match "a" 5)))
(show (lambda () (regexp-match "a" "abc" 4)))
(show (lambda () (regexp-match "a" "abc" 4 2)))
(show (lambda () (regexp-match "a" "abc" -1)))
(show (lambda () (regexp-match "a" "abc" 1 0)))
(show (lambda () (regexp-match "a" "abc" 1 5)))
(show (lambda () (regexp-match "a" "abc" 'x)))
(show (lambda () (regexp-match "a" "abc" 0 'x)))
(show (lambda () (regexp-match "a" "aé" 3)))
(show (lambda () (regexp-match "a" #"a\303\251" 4)))
(show (lambda () (regexp-match-positions 5 "a")))
(show (lambda () (regexp-match-positions "a" 'a)))
(show (lambda () (regexp-match-positions "a" "abc" 4)))
(show (lambda () (regexp-match? 5 "a")))
(show (lambda () (regexp-match? "a" 5)))
(show (lambda () (regexp-match? "a" "a" 2)))
(show (lambda () (regexp-match-exact? 5 "a")))
(show (lambda () (regexp-match-exact? "a" 5)))

;; --- regexp-match*, regexp-match-positions*, regexp-split
(show (lambda () (regexp-match* 5 "a")))
(show (lambda () (regexp-match* "a" 5)))
(show (lambda () (regexp-match* "a" "abc" 4)))
(show (lambda () (regexp-match* "a" "abc" 4 2)))
(show (lambda () (regexp-match* "a" "abc" 1 0)))
(show (lambda () (regexp-match* "a" "abc" 1 9)))
(show (lambda () (regexp-match* "a" "abc" 'x)))
(show (lambda () (regexp-match* "a" "abc" 0 'x)))
(show (lambda () (regexp-match* "a" "abc" #:match-select 5)))
(show (lambda () (regexp-match* "a" "abc" #:match-select #f)))
(show (lambda () (regexp-match-positions* 5 "a")))
(show (lambda () (regexp-match-positions* "a" 5)))
(show (lambda () (regexp-match-positions* "a" "a" 2)))
(show (lambda () (regexp-match-positions* "a" "a" #:match-select 5)))
(show (lambda () (regexp-split 5 "a")))
(show (lambda () (regexp-split "a" 5)))
(show (lambda () (regexp-split "a" "abc" 9)))
(show (lambda () (regexp-split "a" "abc" 2 1)))

;; --- regexp-replace, regexp-replace*
(show (lambda () (regexp-replace 5 "a" "b")))
(show (lambda () (regexp-replace "a" 5 "b")))
(show (lambda () (regexp-replace "a" "a" 5)))
(show (lambda () (regexp-replace "a" "a" #"b")))
(show (lambda () (regexp-replace #rx"b" "abcb" "X" 2)))
(show (lambda () (regexp-replace* 5 "a" "b")))
(show (lambda () (regexp-replace* "a" 5 "b")))
(show (lambda () (regexp-replace* "a" "a" 5)))
(show (lambda () (regexp-replace* "a" "a" #"b")))
(show (lambda () (regexp-replace* "a" "aa" (lambda (m) 5))))
(show (lambda () (regexp-replace "a" "aa" (lambda (m) 5))))
(show (lambda () (regexp-replace* #rx#"a" "aa" (lambda (m) "x"))))
(show (lambda () (regexp-replace #rx#"a" "aa" (lambda (m) "x"))))
(show (lambda () (regexp-replace #rx"a" #"aa" (lambda (m) "x"))))
(show (lambda () (let ([n 0]) (regexp-replace* #rx"a" "aaa" (lambda (m) (set! n (add1 n)) (if (= n 2) 'oops "x"))))))

;; --- quoting
(show (lambda () (regexp-quote 5)))
(show (lambda () (regexp-quote 'a #f)))
(show (lambda () (regexp-replace-quote 5)))
