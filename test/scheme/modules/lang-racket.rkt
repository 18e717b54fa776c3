#lang racket
;; #lang racket provides racket/list, racket/string and more.
(first '(a b c))
(string-join '("a" "b") "-")
(filter-map (lambda (x) (and (even? x) (* x x))) '(1 2 3 4))
