#lang racket/base
(require racket/contract "_boundary-lib.rkt")
(provide (recontract-out half))
