#lang racket/base
;; Collections: collection-path and collection-file-path over %find-collection
;; (prims/collections.ts), which gives the path or the failure message.

(provide collection-path collection-file-path)

(define (collection-failure who message fail)
  (if fail
      (fail message)
      (raise (exn:fail:filesystem (string-append (symbol->string who) ": " message)
                                  (current-continuation-marks)))))

(define (collection-path collection #:fail [fail #f] . collections)
  (let ([r (%find-collection 'collection-path #f (cons collection collections))])
    (if (string? r) (collection-failure 'collection-path r fail) r)))

(define (collection-file-path file collection #:check-compiled? [check-compiled? #f] #:fail [fail #f] . collections)
  (let ([r (%find-collection 'collection-file-path file (cons collection collections))])
    (if (string? r) (collection-failure 'collection-file-path r fail) r)))
