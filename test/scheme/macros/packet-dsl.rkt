#lang racket/base
;; A packet-layout DSL: (define-packet name (field offset width) ...)
;; defines name-field accessors over byte strings, plus a size constant
;; and a field list, all computed at expansion time.
(require (for-syntax racket/base))

(define-syntax (define-packet stx)
  (syntax-case stx ()
    [(_ name (field offset width) ...)
     (let* ([fields (syntax->list #'(field ...))]
            [offsets (map syntax-e (syntax->list #'(offset ...)))]
            [widths (map syntax-e (syntax->list #'(width ...)))]
            [size (apply max (map + offsets widths))]
            [mk (lambda (suffix)
                  (datum->syntax #'name
                                 (string->symbol
                                  (format "~a-~a" (syntax-e #'name) suffix))))])
       (unless (andmap exact-nonnegative-integer? offsets)
         (raise-syntax-error #f "bad offset" stx))
       (with-syntax ([(accessor ...)
                      (map (lambda (f) (mk (syntax-e f))) fields)]
                     [size-id (mk "size")]
                     [fields-id (mk "fields")]
                     [size size])
         #'(begin
             (define size-id size)
             (define fields-id '(field ...))
             (define (accessor bs)
               (let loop ([i 0] [acc 0])
                 (if (= i width)
                     acc
                     (loop (add1 i)
                           (+ (* acc 256) (bytes-ref bs (+ offset i)))))))
             ...)))]))

(define-packet udp (src-port 0 2) (dst-port 2 2) (length 4 2) (checksum 6 2))
(define-packet ipv4 (version-ihl 0 1) (tos 1 1) (total-length 2 2) (ttl 8 1) (proto 9 1))

(define pkt (bytes #x1f #x90 #x00 #x35 #x00 #x1c #xab #xcd))
(printf "udp size ~a fields ~s\n" udp-size udp-fields)
(define (hex n) (number->string n 16))
(printf "src ~a dst ~a len ~a sum ~a\n"
        (udp-src-port pkt) (udp-dst-port pkt) (udp-length pkt) (hex (udp-checksum pkt)))

(define hdr (bytes #x45 #x00 #x00 #x54 #x12 #x34 #x40 #x00 #x40 #x11))
(printf "ipv4 size ~a\n" ipv4-size)
(printf "vihl ~a tos ~a total ~a ttl ~a proto ~a\n"
        (hex (ipv4-version-ihl hdr)) (ipv4-tos hdr) (ipv4-total-length hdr)
        (ipv4-ttl hdr) (ipv4-proto hdr))
(displayln (map (lambda (f) (f pkt)) (list udp-src-port udp-dst-port)))
