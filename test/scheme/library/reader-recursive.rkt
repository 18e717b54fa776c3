#lang racket/base
;; read/recursive and read-syntax/recursive: comments as special comments,
;; the start character, the readtable argument (first level only), the
;; graph argument, and use from inside reader macros.

(define (show . xs)
  (for ([x xs]) (write x) (display " "))
  (newline))
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk show)))

(try (lambda () (read/recursive (open-input-string "; hi\n 5"))))
(try (lambda () (read/recursive (open-input-string "#| x |# 5"))))
(try (lambda () (read/recursive (open-input-string "#;4 5"))))
(try (lambda () (read/recursive (open-input-string "  5 6"))))
(try (lambda () (read/recursive (open-input-string "a b)") #\()))
(try (lambda () (read/recursive (open-input-string "bc") #\a)))
(try (lambda () (read/recursive (open-input-string "12") #\3)))
(try (lambda () (read/recursive (open-input-string "x\"") #\")))
(try (lambda () (read/recursive (open-input-string ""))))
(try (lambda () (read/recursive (open-input-string "(a") #f)))
(try (lambda () (read-syntax/recursive 'foo (open-input-string "(1 2)"))))
(try (lambda () (read-syntax/recursive 'foo (open-input-string "; c\n(1 2)"))))
(try (lambda () (syntax->datum (read-syntax/recursive 'foo (open-input-string "b c)") #\())))
(try (lambda () (read/recursive (open-input-string "#0=(a . #0#)") #f #f #f)))
(try (lambda () (let ([p (open-input-string "x y")]) (list (read/recursive p) (read-char p) (read p)))))

;; The readtable argument applies to the first level; current-readtable inside
(define rt-dollar (make-readtable #f #\$ 'terminating-macro (lambda (c p . _) (list 'dollar (read/recursive p)))))
(try (lambda () (read/recursive (open-input-string "$a") #f rt-dollar)))
(try (lambda () (read/recursive (open-input-string "($a)") #f rt-dollar)))
(try (lambda () (parameterize ([current-readtable rt-dollar]) (read/recursive (open-input-string "($a $b)") #f #f))))
(try (lambda () (parameterize ([current-readtable rt-dollar]) (read/recursive (open-input-string "$a") #f #f))))

;; Graph notation inside a reader macro shares the enclosing read's tags
(define rt-pair (make-readtable #f #\! 'terminating-macro (lambda (c p . _) (cons 'bang (read/recursive p)))))
(try (lambda () (parameterize ([current-readtable rt-pair]) (read (open-input-string "#0=(a !#0#)")))))
(try (lambda () (parameterize ([current-readtable rt-pair]) (read (open-input-string "(#1=x !#1#)")))))
(define rt-local (make-readtable #f #\! 'terminating-macro (lambda (c p . _) (cons 'bang (read/recursive p #f (current-readtable) #f)))))
(try (lambda () (parameterize ([current-readtable rt-local]) (read (open-input-string "(x !#2=(y . #2#))")))))

;; A reader macro reading a comment: skipped inside lists
(define rt-skip (make-readtable #f #\^ 'terminating-macro (lambda (c p . _) (read/recursive p))))
(try (lambda () (parameterize ([current-readtable rt-skip]) (read (open-input-string "(a ^;c\n b)")))))

;; Bad arguments
(try (lambda () (read/recursive 5)))
(try (lambda () (read/recursive (open-input-string "") 5)))
(try (lambda () (read/recursive (open-input-string "") #f 5)))
(try (lambda () (read-syntax/recursive 'x 5)))
(try (lambda () (read-syntax/recursive 'x (open-input-string "") 'a)))
(try (lambda () (read-syntax/recursive 'x (open-input-string "") #f 7)))
(try (lambda () (read/recursive (open-input-string "") #f #f #f 1)))

;; `#` as the start character: the rest is read as a `#` form
(for ([s '("t" "true" "\\a" "\"ab\"" "rx\"a\"" "<<E\nhi\nE\n" ":kw" "%x" "x1f" "(1 2)" "&b"
           "hash((a . 1))" "'x" "q" "" "s(p 1)" "3(a)" "cs A" "|#" ";c\n 5")])
  (try (lambda () (let ([p (open-input-string s)]) (list (read/recursive p #\#) (read-char p))))))
;; A character mapped to `#`
(define rt-tilde (make-readtable #f #\~ #\# #f))
(for ([s '("~t" "~\\a" "~rx\"a\"" "~\"b\"" "~(1)" "~q" "(~t ~f)")])
  (try (lambda () (parameterize ([current-readtable rt-tilde]) (read (open-input-string s))))))
;; A tag that stands only for itself
(try (lambda () (read (open-input-string "#0=#0#"))))
(try (lambda () (parameterize ([current-readtable rt-tilde]) (read (open-input-string "#0=#0#")))))

;; Inside a reader macro, read-syntax/recursive keeps the enclosing read's source
(define rt-src
  (make-readtable #f #\$ 'terminating-macro
                  (lambda (c p . _)
                    (define s (read-syntax/recursive 'other p))
                    (show 'inner (syntax-source s) (syntax-position s))
                    s)))
(try (lambda () (parameterize ([current-readtable rt-src]) (syntax->datum (read-syntax 'outer (open-input-string "(a $b)"))))))
(try (lambda () (parameterize ([current-readtable rt-src]) (read (open-input-string "(a $b)")))))
(try (lambda () (syntax-source (read-syntax/recursive 'solo (open-input-string "x")))))
(try (lambda () (syntax-source (read-syntax 'string (open-input-string "x")))))
