#lang racket/base
;; read-cdot: `a.b` reads as `(#%dot a b)`, left-associative, with `.` at
;; the start of a datum as the empty symbol; quoting keeps `.` in symbols.
(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (println (thunk))))
(define (rd-all s) (let ([p (open-input-string s)]) (let loop () (let ([v (read p)]) (if (eof-object? v) '() (cons v (loop)))))))
(for ([s '("a.b" "a.b.c" "(x.y)" "1.5" ".5" "a." ".a" "a..b" "a .b" "(a . b)" "a.(b)" "(a).b"
           "\"s\".x" "a.1" "1.a" "a.|b c|" "|a.b|" "a\\.b" "#:a.b" "a.#t" "a.'b" "a.b.(c)" "f.x y"
           "[a].b" "a.b c.d" "a. b" "(a.)" "a.)" "#(a.b)" "a.#;c b" "'a.b" "a.b.c.d.e")])
  (try (lambda () (parameterize ([read-cdot #t]) (rd-all s))))
  (try (lambda () (rd-all s))))
(try (lambda () (parameterize ([read-cdot #t]) (syntax->datum (read-syntax 'x (open-input-string "a.b"))))))
(try (lambda () (parameterize ([read-cdot #t])
                  (let ([s (read-syntax 'x (open-input-string "aa.bb"))])
                    (list (syntax-position s) (syntax-span s)
                          (map syntax-position (syntax->list s)) (map syntax-span (syntax->list s)))))))
(try (lambda () (parameterize ([read-cdot #t])
                  (let ([s (read-syntax 'x (open-input-string "(p.q.r)"))])
                    (list (syntax-position s) (syntax-span s) (syntax->datum s))))))
