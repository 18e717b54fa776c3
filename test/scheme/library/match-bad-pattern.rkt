#lang racket/base
;; A vector literal is not a pattern: a syntax error at the pattern.
(require racket/match)
(match (vector 1 2) [#(a b) (+ a b)])
