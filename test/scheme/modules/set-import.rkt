#lang racket/base
(set! car 5)
