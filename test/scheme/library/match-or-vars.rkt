#lang racket/base
;; Each alternative of an or pattern must bind the same variables.
(require racket/match)
(match (list 1 2) [(or (list a b) (list a)) a])
