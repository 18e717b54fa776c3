#lang racket/base
;; Readtables: make-readtable's argument forms, readtable-mapping, and
;; read / read-syntax under current-readtable (character aliases, terminating
;; and non-terminating macros, dispatch macros, the symbol parser), with
;; Racket's error messages.

(define (show . xs)
  (for ([x xs]) (write x) (display " "))
  (newline))
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk show)))
(define (read-all rt s)
  (parameterize ([current-readtable rt])
    (define p (open-input-string s))
    (let loop ([acc '()])
      (define v (read p))
      (if (eof-object? v) (reverse acc) (loop (cons v acc))))))
(define (read-stx rt s)
  (parameterize ([current-readtable rt])
    (define p (open-input-string s))
    (port-count-lines! p)
    (read-syntax 'src p)))
(define (where x) (list (syntax->datum x) (syntax-line x) (syntax-column x) (syntax-position x) (syntax-span x)))
(define (mapping rt c)
  (for/list ([v (call-with-values (lambda () (readtable-mapping rt c)) list)]) (if (procedure? v) (quote proc) v)))

;; The default syntax through an empty readtable
(define empty (make-readtable #f))
(try (lambda () (read-all empty "(a b . c) #(1 2) #3(x) #hash((a . 1)) #&b #s(p 1 2) 'q `(a ,b ,@c) #'x #`y #,z #,@w")))
(try (lambda () (read-all empty "\"str\\n\" #\"by\" #\\a #\\space #\\x41 #t #f #true #false #:kw #%app 1.5 #x1F #e1.5 1/2 -7 |a b| a\\ b #rx\"a+\" #px\"b*\"")))
(try (lambda () (read-all empty "; comment\n x #| block #| nested |# |# y #;(skipped) z #!/bin/sh\n w")))
(try (lambda () (read-all empty "#cs(AbC) #ci(AbC) (a . f . b) [x] {y}")))
(try (lambda () (read-all empty "#0=(a . #0#)")))
(try (lambda () (read-all empty "(1 2")))
(try (lambda () (read-all empty ")")))
(try (lambda () (read-all empty "(a . b c)")))
(try (lambda () (read-all empty "(. a)")))
(try (lambda () (read-all empty "#")))
(try (lambda () (read-all empty "#q")))
(try (lambda () (read-all empty "\"abc")))
(try (lambda () (read-all empty "'")))
(try (lambda () (read-all empty ".")))
(try (lambda () (read-all empty "#e1.x")))
(try (lambda () (read-all empty "(a]")))
(try (lambda () (read-all empty "|abc")))

;; A character read as another character
(define rt-brack (make-readtable #f #\[ #\( #f #\] #\) #f))
(try (lambda () (read-all rt-brack "[a [b] (c]")))
(try (lambda () (read-all rt-brack "(a b]")))
(try (lambda () (read-all rt-brack "(a b")))
(try (lambda () (read-all rt-brack "[a [b] (c])]")))
(define rt-comma (make-readtable #f #\, #\space #f))
(try (lambda () (read-all rt-comma "(1,2,3) a,b")))
(define rt-semi (make-readtable #f #\% #\; #f))
(try (lambda () (read-all rt-semi "a % comment\n b")))
(define rt-quote (make-readtable #f #\! #\' #f))
(try (lambda () (read-all rt-quote "!x (a !b)")))
(define rt-hash (make-readtable #f #\~ #\# #f))
(try (lambda () (read-all rt-hash "~(1 2) ~t")))
(define rt-undo (make-readtable rt-brack #\[ #\[ #f))
(try (lambda () (read-all rt-undo "[a]")))
(try (lambda () (mapping rt-undo #\[)))
(try (lambda () (mapping rt-brack #\])))

;; Terminating and non-terminating macros
(define rt-dollar
  (make-readtable #f #\$ 'terminating-macro
                  (case-lambda
                    [(c p) (list 'unquote (read/recursive p))]
                    [(c p src line col pos) (list 'unquote (read-syntax/recursive src p))])))
(try (lambda () (read-all rt-dollar "(a $b c$d $(e f)) x$y")))
(try (lambda () (syntax->datum (read-stx rt-dollar "(a $b)"))))
(try (lambda () (read-stx rt-dollar "(a $b)")))
(try (lambda () (map where (syntax->list (read-stx rt-dollar "(a $b)")))))
(try (lambda () (read-all rt-dollar "$")))
(try (lambda () (read-all rt-dollar "#hash(($a . 1)) #(a $b) #s(pt $1 2) #&$a")))
(try (lambda () (let ([p (open-input-string "$a b")]) (parameterize ([current-readtable rt-dollar]) (list (read p) (read-char p))))))
(try (lambda () (let ([p (open-input-string "a$ b")]) (parameterize ([current-readtable rt-dollar]) (list (read p) (read-char p))))))
(define rt-nt (make-readtable #f #\$ 'non-terminating-macro (lambda (c p . _) (list 'dollar (read p)))))
(try (lambda () (read-all rt-nt "(a$b $c)")))
(define seen '())
(define rt-args
  (make-readtable #f #\$ 'non-terminating-macro
                  (lambda (c p src line col pos) (set! seen (list c src line col pos)) (read p))))
(try (lambda () (list (read-all rt-args "(a $b)") seen)))
(try (lambda () (list (syntax->datum (read-stx rt-args "(a\n $b)")) seen)))
(define rt-str
  (make-readtable #f #\' 'terminating-macro
                  (lambda (c p . _)
                    (list->string (let loop ()
                                    (define n (read-char p))
                                    (if (or (eof-object? n) (char=? n #\')) '() (cons n (loop))))))))
(try (lambda () (read-all rt-str "('hello world' x'y')")))
(define rt-chain (make-readtable rt-dollar #\! #\$ rt-dollar))
(try (lambda () (read-all rt-chain "(!a $b)")))
(try (lambda () (mapping rt-chain #\!)))
(try (lambda () (mapping rt-nt #\$)))
(try (lambda () (mapping rt-dollar #\a)))
(try (lambda () (mapping rt-dollar #\()))

;; Where a macro's plain result is located in read-syntax: at the enclosing datum
(define rt-sym (make-readtable #f #\$ 'terminating-macro (lambda (c p s l co po) 'sym)))
(try (lambda () (where (read-stx rt-sym " $b"))))
(try (lambda () (map where (syntax->list (read-stx rt-sym "(x  $b)")))))
(try (lambda () (map where (vector->list (syntax-e (cadr (syntax->list (read-stx rt-sym "(x  #(1 $))"))))))))
(try (lambda () (map where (syntax->list (read-stx rt-sym "(x 'y $)")))))
(try (lambda () (read-stx rt-sym "$")))

;; A `{` macro that reads the rest as a list with the default `{`
(define rt-set
  (make-readtable #f
                  #\{ 'terminating-macro (lambda (c p . _) (cons 'set (read/recursive p #\{ #f)))
                  #\} #\} #f))
(try (lambda () (read-all rt-set "{1 2 {3}} x")))
(try (lambda () (read-all rt-set "{1 2")))

;; Dispatch macros: #Z
(define rt-Z (make-readtable #f #\Z 'dispatch-macro (lambda (c p src line col pos) (list 'zed c (read p) pos))))
(try (lambda () (read-all rt-Z "#Z5 (a #Zb) #Z #t")))
(try (lambda () (read-all rt-Z "Z #z")))
(try (lambda () (mapping rt-Z #\Z)))
(try (lambda () (where (read-stx rt-Z "(a #Zq)"))))

;; The symbol parser (#f)
(define rt-upcase
  (make-readtable #f #f 'non-terminating-macro
                  (lambda (c p src line col pos)
                    (let loop ([acc (list c)])
                      (define n (peek-char p))
                      (if (or (eof-object? n) (char-whitespace? n) (memv n '(#\( #\))))
                          (string->symbol (string-upcase (list->string (reverse acc))))
                          (loop (cons (read-char p) acc)))))))
(try (lambda () (read-all rt-upcase "(abc 12 |q| #:kw)")))

;; Special comments from a macro
(define rt-comment (make-readtable #f #\@ 'terminating-macro (lambda (c p . _) (read-line p) (make-special-comment 'x))))
(try (lambda () (read-all rt-comment "(a @ comment\n b) @ more\n c")))
(try (lambda () (parameterize ([current-readtable rt-comment]) (read/recursive (open-input-string "@ hi\n x")))))

;; The reader parameters still apply
(try (lambda () (parameterize ([current-readtable rt-dollar] [read-accept-box #f]) (read (open-input-string "#&x")))))
(try (lambda () (parameterize ([current-readtable rt-dollar] [read-case-sensitive #f]) (read (open-input-string "(ABC |D| e\\F)")))))
(try (lambda () (parameterize ([current-readtable rt-dollar] [read-decimal-as-inexact #f]) (read (open-input-string "1.5")))))
(try (lambda () (parameterize ([current-readtable rt-dollar] [read-square-bracket-as-paren #f]) (read (open-input-string "[x]")))))

;; Values, printing and bad arguments
(try (lambda () (list (readtable? rt-dollar) (readtable? 5) (readtable? (current-readtable)))))
(try (lambda () rt-dollar))
(try (lambda () (parameterize ([current-readtable rt-dollar]) (eq? rt-dollar (current-readtable)))))
(try (lambda () (current-readtable 5)))
(try (lambda () (make-readtable 1)))
(try (lambda () (make-readtable #f 'x 'y)))
(try (lambda () (make-readtable #f #\a 'foo 1)))
(try (lambda () (make-readtable #f #\a 'terminating-macro 1)))
(try (lambda () (make-readtable #f #\a 'terminating-macro car)))
(try (lambda () (make-readtable #f #\a 'dispatch-macro (lambda (a b) 1))))
(try (lambda () (make-readtable #f #\a #\b 5)))
(try (lambda () (make-readtable #f #\a)))
(try (lambda () (make-readtable #f #\a #\b)))
(try (lambda () (make-readtable #f #\a 'dispatch-macro)))
(try (lambda () (make-readtable #f #f)))
(try (lambda () (make-readtable #f #f 'terminating-macro car)))
(try (lambda () (make-readtable #f #f 'non-terminating-macro)))
(try (lambda () (make-readtable #f #f 'non-terminating-macro car)))
(try (lambda () (make-readtable)))
(try (lambda () (readtable-mapping 1 #\a)))
(try (lambda () (readtable-mapping rt-dollar 1)))
(try (lambda () (readtable-mapping rt-dollar)))

;; Ports that count lines: errors give line and column, with indentation hints
(define (read-counted rt s)
  (parameterize ([current-readtable rt])
    (define p (open-input-string s))
    (port-count-lines! p)
    (read p)))
(try (lambda () (read-counted rt-dollar "\n  (a\n  b")))
(try (lambda () (read-counted rt-dollar "(a\n  (b\n c")))
(try (lambda () (read-counted rt-dollar "(a\n  (b\n c]")))
(try (lambda () (read-counted #f "(a\n  (b\n c")))
(try (lambda () (read-counted #f "(a\n  (b\n c]")))
(try (lambda () (read-all rt-dollar "(a\n  (b\n c")))
(try (lambda () (read-all rt-dollar "#;")))
(try (lambda () (read-all rt-dollar "(a #;)")))

;; Every delimiter and quote character read as a plain letter
(for ([ch (in-string "()[]{}|\\ \t\n',\"#;`")])
  (define plain (make-readtable #f ch #\a #f))
  (try (lambda () (read-all plain (string #\x ch #\y))))
  (try (lambda () (read-all plain (string ch #\q ch)))))

;; Other characters as parentheses and dots
(define rt-angle (make-readtable #f #\< #\( #f #\> #\) #f #\! #\. #f))
(try (lambda () (read-all rt-angle "<1 ! 2> <1 ! f ! 3> #3<a> <a <b>>")))
(try (lambda () (read-all rt-angle "#<x>")))
(try (lambda () (read-all rt-angle "<1 2]")))
(try (lambda () (read-all rt-angle "#hash<<a ! 1>>")))
(try (lambda () (read-all rt-angle "#hash<<a 1>>")))
(try (lambda () (read-all rt-angle "#hax")))
(try (lambda () (read-all rt-angle "#hasheqv[(1 . 2)] #hashalw{}")))

;; A symbol parser with character macros still in charge of their characters
(define rt-three
  (make-readtable #f #f 'non-terminating-macro
                  (lambda (c p . _)
                    (if (char=? c #\!)
                        (make-special-comment #f)
                        (string->symbol (string c (read-char p) (read-char p)))))))
(try (lambda () (read-all rt-three "abcdef !!! ghi")))
(try (lambda () (read-all (make-readtable rt-three #\a 'terminating-macro (lambda (c p . _) 'A)) "abc bac")))

;; Characters beyond ASCII: values, port positions and syntax locations
(define text "(λ \"é😀x\" #\\λ $a) \"😀\" #\\😀 $\"ü\" #t #rx\"λ+\" (ok 😀) #\\x #<<E\nλ😀\nE\n end")
(parameterize ([current-readtable rt-dollar])
  (define p (open-input-string text))
  (let loop ()
    (define v (read p))
    (unless (eof-object? v)
      (show v (file-position p))
      (loop))))
(parameterize ([current-readtable rt-dollar])
  (define p (open-input-string text))
  (port-count-lines! p)
  (let loop ()
    (define v (read-syntax 'q p))
    (unless (eof-object? v)
      (show (where v))
      (loop))))

;; read-cdot through a readtable
(define (read-cdot-all rt s)
  (parameterize ([read-cdot #t] [current-readtable rt])
    (define p (open-input-string s))
    (list (read p) (read-char p))))
(for ([s '("a.b" "a.b.c" "(x.y z)" "a .b" "a. b" "1.5" "a.1" ".a" "a." "a.b c" "(a . b)" "#(a.b)" "'a.b" "a.(b c)" "a.$b")])
  (try (lambda () (read-cdot-all rt-dollar s))))
(try (lambda () (parameterize ([read-cdot #t] [current-readtable rt-dollar]) (where (read-syntax 's (open-input-string "a.b"))))))

;; What a macro returns or raises
(define (macro-rt proc) (make-readtable #f #\$ 'terminating-macro proc))
(try (lambda () (read-all (macro-rt (lambda (c p . _) (values 1 2))) "(a $)")))
(try (lambda () (read-all (macro-rt (lambda (c p . _) (raise 'boom))) "(a $)")))
(try (lambda () (read-all (macro-rt (lambda (c p . _) (let/ec k (k 'escaped)))) "(a $)")))
(try (lambda () (read-all (macro-rt (lambda (c p . _) (void))) "(a $) $")))
(try (lambda () (read-stx (macro-rt (lambda (c p . _) (void))) "(a $)")))
(try (lambda () (read-all (macro-rt (lambda (c p . _) (read-syntax 'inner p))) "(a $b)")))
(try (lambda () (read-stx (macro-rt (lambda (c p . _) (list 1 (vector 2) (box 3)))) "$")))

;; Escaping from a macro to a continuation outside the read
(define wind-log '())
(try (lambda ()
       (let/ec out
         (read-all (macro-rt (lambda (c p . _)
                               (dynamic-wind (lambda () (set! wind-log (cons 'in wind-log)))
                                             (lambda () (out 'jumped))
                                             (lambda () (set! wind-log (cons 'out wind-log))))))
                   "(a $)"))))
(try (lambda () wind-log))
(try (lambda () (with-handlers ([symbol? (lambda (s) (list 'caught s))]) (read-all (macro-rt (lambda (c p . _) (raise 'boom))) "(a $)"))))
(try (lambda () (call-with-values (lambda () (let/ec out (read-all (macro-rt (lambda (c p . _) (out 1 2))) "(a $)"))) list)))
(try (lambda ()
       (define p (open-input-string "x y"))
       (list (let/ec out (parameterize ([current-readtable (make-readtable #f #\x 'terminating-macro (lambda (c p . _) (out 'early)))]) (read p)))
             (read p))))
