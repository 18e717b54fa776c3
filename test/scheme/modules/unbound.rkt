#lang racket/base
(displayln "never printed: expansion fails first")
(no-such-binding 1)
