#lang racket/base
;; The protocol logic of a statsd-style metrics receiver, in Racket.
;; The Node application (server.mjs) loads this module, starts it, and asks
;; it for snapshots; parsing and aggregation happen here.
;;
;; Datagrams carry lines "name:value|type": type c adds to a counter, g sets
;; a gauge, ms records a timing. Malformed lines are counted, not fatal.
(require racket/udp racket/string racket/match)
(provide start! snapshot)

(define counters (make-hash))
(define gauges (make-hash))
(define timings (make-hash))
(define bad-lines 0)

(define (record! line)
  (match (regexp-match #px"^([A-Za-z0-9_.-]+):(-?[0-9]+(?:\\.[0-9]+)?)\\|(c|g|ms)$" line)
    [(list _ name value "c") (hash-update! counters name (lambda (n) (+ n (string->number value))) 0)]
    [(list _ name value "g") (hash-set! gauges name (string->number value))]
    [(list _ name value "ms") (hash-update! timings name (lambda (l) (cons (string->number value) l)) '())]
    [_ (set! bad-lines (add1 bad-lines))]))

;; Binds to 127.0.0.1 on `port` (0: any free port), serves in a thread, and
;; returns the port it is listening on.
(define (start! port)
  (define socket (udp-open-socket "127.0.0.1"))
  (udp-bind! socket "127.0.0.1" port)
  (define buffer (make-bytes 65535))
  (thread
   (lambda ()
     (let loop ()
       (define-values (n from-host from-port) (udp-receive! socket buffer))
       (for ([line (string-split (bytes->string/utf-8 (subbytes buffer 0 n) #\?) "\n")])
         (record! (string-trim line)))
       (loop))))
  (define-values (here bound-port there there-port) (udp-addresses socket #t))
  bound-port)

;; Everything aggregated so far: counters and gauges by name, and for each
;; timing its count and mean.
(define (snapshot)
  (hash "counters" (hash-copy counters)
        "gauges" (hash-copy gauges)
        "timings" (for/hash ([(name samples) timings])
                    (values name (list (length samples) (/ (apply + samples) (length samples)))))
        "bad-lines" bad-lines))
