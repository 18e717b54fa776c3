#lang typed/racket/no-check
(displayln 1)
Integer
