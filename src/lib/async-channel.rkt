#lang racket/base
;; racket/async-channel: buffered channels. Each has a manager thread that
;; holds the queue and syncs on taking a put (while not full) and offering
;; the first value to a get (while not empty); a poll that finds nothing is
;; answered through a third channel, so that a get or put evt is ready only
;; when the manager can serve it. The structure type is made on first use
;; (library definitions are values). Chaperoned and impersonated channels
;; are channels with procedures applied to what is got and put (which must
;; give back their argument, as in Racket 8.7); they are not chaperone? or
;; impersonator? values. async-channel/c is a racket/contract contract
;; over chaperone-async-channel.

(provide (rename-out [make-async-channel racket/async-channel:make-async-channel]
                     [async-channel? racket/async-channel:async-channel?]
                     [async-channel-get racket/async-channel:async-channel-get]
                     [async-channel-try-get racket/async-channel:async-channel-try-get]
                     [async-channel-put racket/async-channel:async-channel-put]
                     [async-channel-put-evt racket/async-channel:async-channel-put-evt]
                     [chaperone-async-channel racket/async-channel:chaperone-async-channel]
                     [impersonate-async-channel racket/async-channel:impersonate-async-channel]
                     [async-channel/c racket/async-channel:async-channel/c]))

(define async-channel-contracts
  '((make-async-channel
     "(case->\n       (-> async-channel?)\n       (->\n        (or/c #f ...t/async-channel.rkt:263:54)\n        async-channel?))"
     "261:19")
    (async-channel-get "(-> async-channel? any/c)" "268:19")
    (async-channel-try-get "(-> async-channel? any/c)" "269:19")
    (async-channel-put "(-> async-channel? any/c any/c)" "270:19")
    (async-channel-put-evt "(-> async-channel? any/c evt?)" "271:19")
    (impersonate-async-channel
     "(->*\n       (async-channel?\n        (-> any/c any/c)\n        (-> any/c any/c))\n       #:rest\n       (listof any/c)\n       (and/c impersonator? async-channel?))"
     "272:19")
    (chaperone-async-channel
     "(->*\n       (async-channel?\n        (-> any/c any/c)\n        (-> any/c any/c))\n       #:rest\n       (listof any/c)\n       (and/c chaperone? async-channel?))"
     "277:19")))

(define (async-channel-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

(define (async-channel-contract-error who expected given pos)
  (let ([c (cdr (assq who async-channel-contracts))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: ~a\n      ~a\n  contract from: \n      <collects>/racket/async-channel.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: <collects>/racket/async-channel.rkt:~a"
                    who expected given pos (car c) (async-channel-blamed) (cadr c))
            (current-continuation-marks)))))

(define (ac-check who ac)
  (unless (async-channel? ac) (async-channel-contract-error who "async-channel?" ac "the 1st argument of")))

;; Fields: the put, get, empty and full channels, the manager thread, and
;; the procedures applied to each value got and put.
(define async-channel-type (box #f))
(define (ac-ops)
  (or (unbox async-channel-type)
      (let-values ([(type make ? ref set)
                    (make-struct-type 'async-channel #f 7 0 #f
                                      (list (cons prop:evt (lambda (ac) (ac-get-evt ac)))))])
        (set-box! async-channel-type (vector make ? ref))
        (unbox async-channel-type))))

(define (async-channel? v) ((vector-ref (ac-ops) 1) v))
(define (ac-field ac i) ((vector-ref (ac-ops) 2) ac i))

(define (make-async-channel [limit #f])
  (unless (or (not limit) (exact-positive-integer? limit))
    (async-channel-contract-error 'make-async-channel "(or/c #f ...t/async-channel.rkt:263:54)" limit
                                  "the 1st argument of\n      the 2nd case of"))
  (let* ([put-ch (make-channel)]
         [get-ch (make-channel)]
         [empty-ch (make-channel)]
         [full-ch (make-channel)]
         [manager
          (thread/suspend-to-kill
           (lambda ()
             ;; The queue is a list in two parts: front (in order) and back (reversed).
             (let loop ([front '()] [back '()] [size 0])
               (let*-values ([(front back) (if (null? front) (values (reverse back) '()) (values front back))])
                 (let* (
                      [take (handle-evt put-ch (lambda (v) (lambda () (loop front (cons v back) (+ size 1)))))]
                      [give (lambda ()
                              (handle-evt (channel-put-evt get-ch (car front))
                                          (lambda (ignored) (lambda () (loop (cdr front) back (- size 1))))))]
                      [say (lambda (ch) (handle-evt (channel-put-evt ch (make-semaphore)) (lambda (ignored) (lambda () (loop front back size)))))])
                 ((cond [(zero? size) (sync take (say empty-ch))]
                        [(or (not limit) (< size limit)) (sync take (give))]
                        [else (sync (give) (say full-ch))])))))))])
    ((vector-ref (ac-ops) 0) put-ch get-ch empty-ch full-ch manager #f #f)))

;; When polled, `evt` is ready if the manager can serve it; otherwise the
;; manager's answer on `not-ready` (a never-ready semaphore) is chosen.
(define (ac-poll evt not-ready)
  (sync (wrap-evt evt (lambda (v) (wrap-evt always-evt (lambda (ignored) v)))) not-ready))

(define (ac-get-evt ac)
  (thread-resume (ac-field ac 4) (current-thread))
  (let* ([get-ch (ac-field ac 1)]
         [evt (poll-guard-evt (lambda (poll?) (if poll? (ac-poll get-ch (ac-field ac 2)) get-ch)))]
         [wrap (ac-field ac 5)])
    (if wrap (wrap-evt evt wrap) evt)))

;; Racket 8.7 wraps both procedures as chaperones (even for
;; impersonate-async-channel), so each must give back what it was given.
(define (ac-get-wrapper get-proc)
  (lambda (v)
    (let ([r (get-proc v)])
      (unless (chaperone-of? r v)
        (raise (make-exn:fail:contract
                (format "evt chaperone: non-chaperone result;\n received a value that is not a chaperone of the original value\n\n  value: ~e\n  non-chaperone value: ~e" v r)
                (current-continuation-marks))))
      r)))

(define (ac-put-wrapper put-proc)
  (lambda (v)
    (let ([r (put-proc v)])
      (unless (chaperone-of? r v)
        (raise (make-exn:fail:contract
                (format "procedure chaperone: non-chaperone result; received an argument that is not a chaperone of the original argument\n  original: ~e\n  received: ~e" v r)
                (current-continuation-marks))))
      r)))

(define (ac-put-value ac v)
  (let ([wrap (ac-field ac 6)]) (if wrap (wrap v) v)))

(define (async-channel-get ac)
  (ac-check 'async-channel-get ac)
  (sync ac))

(define (async-channel-try-get ac)
  (ac-check 'async-channel-try-get ac)
  (sync/timeout 0 ac))

(define (async-channel-put ac v)
  (ac-check 'async-channel-put ac)
  (let ([v (ac-put-value ac v)])
    (thread-resume (ac-field ac 4) (current-thread))
    (sync (channel-put-evt (ac-field ac 0) v))
    (void)))

;; Its synchronization result is the evt itself.
(define (async-channel-put-evt ac v)
  (ac-check 'async-channel-put-evt ac)
  (let ([v (ac-put-value ac v)])
    (letrec ([evt (wrap-evt
                   (guard-evt
                    (lambda ()
                      (thread-resume (ac-field ac 4) (current-thread))
                      (let ([put (channel-put-evt (ac-field ac 0) v)])
                        (poll-guard-evt (lambda (poll?) (if poll? (ac-poll put (ac-field ac 3)) put))))))
                   (lambda (ignored) evt))])
      evt)))

(define (ac-wrapped who ac get-proc put-proc)
  (ac-check who ac)
  (unless (procedure? get-proc) (async-channel-contract-error who "a procedure" get-proc "the 2nd argument of"))
  (unless (procedure? put-proc) (async-channel-contract-error who "a procedure" put-proc "the 3rd argument of"))
  (let ([old-get (ac-field ac 5)] [old-put (ac-field ac 6)]
        [get-proc (ac-get-wrapper get-proc)] [put-proc (ac-put-wrapper put-proc)])
    ((vector-ref (ac-ops) 0)
     (ac-field ac 0) (ac-field ac 1) (ac-field ac 2) (ac-field ac 3) (ac-field ac 4)
     (if old-get (lambda (v) (get-proc (old-get v))) get-proc)
     (if old-put (lambda (v) (old-put (put-proc v))) put-proc))))

(define (impersonate-async-channel ac get-proc put-proc . props)
  (ac-wrapped 'impersonate-async-channel ac get-proc put-proc))

(define (chaperone-async-channel ac get-proc put-proc . props)
  (ac-wrapped 'chaperone-async-channel ac get-proc put-proc))

;; What is taken from the channel blames the party that gave the channel;
;; what is put on it, the party that puts.
(define (async-channel/c c)
  (let* ([c (%c:coerce-contract 'async-channel/c c)]
         [name (list 'async-channel/c (%contract-record-name c))])
    (%make-contract-record
     'chaperone name async-channel?
     (lambda (b)
       (let ([get ((%contract-record-projection c) b)]
             [put ((%contract-record-projection c) (%c:blame-swap b))])
         (lambda (ac)
           (unless (async-channel? ac)
             (%c:raise-blame-error b ac '(expected " an async channel" given: "~e") ac))
           (chaperone-async-channel ac get put))))
     #f)))
