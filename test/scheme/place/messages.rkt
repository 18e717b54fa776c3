#lang racket/base
;; Place channels within one place: messages are copied (strings, byte
;; strings, vectors and hash tables arrive immutable), which values are
;; allowed, and the argument errors.
(require racket/place)

(define (show-error thunk)
  (with-handlers ([exn:fail? (lambda (e) (displayln (exn-message e)))]) (thunk)))

(define-values (a b) (place-channel))
(writeln (list (place-channel? a) (place-channel? 5) (place? a) (evt? a)))
(writeln a)

(define s (string #\a #\b))
(define bs (bytes 1 2))
(define v (vector 1 s))
(define h (make-hash '((1 . 2))))
(define msg (list s bs v h #s(pt 1 2) 1.5 1/3 (expt 2 70) 3+4i #\x 'sym '#:kw (void) #t '() (cons 1 2)))
(place-channel-put a msg)
(define got (place-channel-get b))
(writeln got)
(writeln (equal? got msg))
(writeln (list (eq? (car got) s) (immutable? (car got)) (immutable? (cadr got)) (immutable? (caddr got)) (immutable? (cadddr got))))
(string-set! s 0 #\z)
(writeln (car got))

;; Both directions, in order, and a channel inside a message.
(place-channel-put b 1)
(place-channel-put b 2)
(writeln (list (place-channel-get a) (sync a) (sync/timeout 0 a)))
(define-values (c d) (place-channel))
(place-channel-put a c)
(define c2 (place-channel-get b))
(place-channel-put c2 'through)
(writeln (place-channel-get d))

(writeln (map place-message-allowed?
              (list 1 "s" (box 1) (mcons 1 2) eof (lambda () 1) (vector (lambda () 1)) (make-hasheq) a (string->path "/x"))))

(define (proc) 1)
(show-error (lambda () (place-channel-put a proc)))
(show-error (lambda () (place-channel-put a (list 1 (mcons 1 2)))))
(show-error (lambda () (place-channel-put 5 1)))
(show-error (lambda () (place-channel-get 5)))
(show-error (lambda () (place-channel-put/get 5 1)))
(show-error (lambda () (place-wait a)))
(show-error (lambda () (place-dead-evt a)))
(show-error (lambda () (dynamic-place 5 'start)))
