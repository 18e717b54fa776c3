#lang racket/base
;; racket/bytes: bytes-append* and bytes-join.

(provide (rename-out [bytes-append* racket/bytes:bytes-append*]
                     [bytes-join racket/bytes:bytes-join]))

;; The last argument is a list of byte strings to append after the others.
(define (bytes-append* b . bs) (apply apply bytes-append b bs))

(define (bytes-join strs sep)
  (unless (and (list? strs) (andmap bytes? strs)) (raise-argument-error 'bytes-join "(listof bytes?)" strs))
  (unless (bytes? sep) (raise-argument-error 'bytes-join "bytes?" sep))
  (if (null? strs)
      #""
      (let loop ([l (cdr strs)] [acc (list (car strs))])
        (if (null? l)
            (apply bytes-append (reverse acc))
            (loop (cdr l) (list* (car l) sep acc))))))
