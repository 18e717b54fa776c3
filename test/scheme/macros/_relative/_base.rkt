#lang racket/base
;; relative-in's base: "_neighbour.rkt" in a require inside it means this directory's.
