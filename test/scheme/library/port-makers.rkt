#lang racket/base
;; racket/port's port constructors: appending, limiting, peeking, duplicating,
;; relocating, filtering, re-encoding, pipes with specials, merging, tees, and
;; convert-stream.
(require racket/port)

(define (try thunk)
  (with-handlers ([(lambda (e) #t) (lambda (e) (displayln (if (exn? e) (exn-message e) e)))])
    (call-with-values thunk list)))

;; input-port-append
(define a1 (open-input-string "ab"))
(define a2 (open-input-string "cd"))
(define ap (input-port-append #f a1 a2))
ap
(object-name ap)
(peek-string 3 0 ap)
(read-string 3 ap)
(read-string 3 ap)
(read-string 3 ap)
(port-closed? a1)
(define ap2 (input-port-append #t (open-input-string "x\ny") (open-input-bytes #"z\n") #:name 'joined))
ap2
(port->lines ap2)
(port->string (input-port-append #f))

;; make-limited-input-port
(define base (open-input-string "hello world"))
(define lim (make-limited-input-port base 5 #f))
lim
(read-char lim)
(read-string 10 lim)
(read-string 10 lim)
(read-string 3 base)
(port-closed? base)
(define lim2 (make-limited-input-port (open-input-string "abcdef") 3))
(peek-bytes 10 0 lim2)
(port->bytes lim2)
(port->bytes (make-limited-input-port (open-input-string "abc") 0))
(try (lambda () (make-limited-input-port 5 1)))
(try (lambda () (make-limited-input-port (open-input-string "") -1)))

;; peeking-input-port: reads without taking
(define src (open-input-string "peek me"))
(define pk (peeking-input-port src))
pk
(read-string 4 pk)
(read-string 10 src)
(define pk2 (peeking-input-port (open-input-string "abcdef") 'named 2))
(list pk2 (read-string 3 pk2))
(try (lambda () (peeking-input-port 5)))

;; dup ports: closing one leaves the original open
(define orig (open-input-string "one two"))
(define dup (dup-input-port orig))
(read-char dup)
(read-char orig)
(close-input-port dup)
(list (port-closed? dup) (port-closed? orig))
(read-string 5 orig)
;; read through a dup: data after whitespace is not taken for the end
(define dr (dup-input-port (open-input-string "(1 2) x  y ")))
(list (read dr) (read dr) (read dr) (read dr))
(define dup2 (dup-input-port (open-input-string "z") #t))
(read-char dup2)
(define oo (open-output-string))
(define dupo (dup-output-port oo))
dupo
(write-string "via dup" dupo)
(flush-output dupo)
(close-output-port dupo)
(list (port-closed? oo) (get-output-string oo))
(try (lambda () (dup-input-port 5)))
(try (lambda () (dup-output-port 5)))

;; relocate and transplant
(define rl (relocate-input-port (open-input-string "ab\ncd") 10 5 100))
(port-count-lines! rl)
(call-with-values (lambda () (port-next-location rl)) list)
(read-char rl)
(call-with-values (lambda () (port-next-location rl)) list)
(read-line rl)
(call-with-values (lambda () (port-next-location rl)) list)
(read-char rl)
(call-with-values (lambda () (port-next-location rl)) list)
(file-position rl)
(define rl2 (relocate-input-port (open-input-string "xy") 1 0 1 #f #:name 'moved))
(list rl2 (object-name rl2))
(define ro-base (open-output-string))
(define ro (relocate-output-port ro-base 3 0 50))
(port-count-lines! ro)
(write-string "ab\nc" ro)
(call-with-values (lambda () (port-next-location ro)) list)
(get-output-string ro-base)
(define tp (transplant-input-port (open-input-string "abc") (lambda () (values 7 8 9)) 40))
(port-count-lines! tp)
(read-char tp)
(call-with-values (lambda () (port-next-location tp)) list)
(file-position tp)
(define to-base (open-output-string))
(define to (transplant-output-port to-base #f 1))
(write-string "t" to)
(get-output-string to-base)
(try (lambda () (relocate-input-port 5 1 0 1)))
(try (lambda () (relocate-output-port 5 1 0 1)))
(try (lambda () (transplant-input-port 5 #f 1)))

;; filter-read-input-port and special-filter-input-port
(define fr (filter-read-input-port (open-input-string "abc")
                                   (lambda (bstr r)
                                     (when (exact-positive-integer? r)
                                       (for ([i (in-range r)]) (bytes-set! bstr i (char->integer #\X))))
                                     r)
                                   (lambda (bstr skip evt r) r)))
(read-string 5 fr)
(try (lambda () (filter-read-input-port 5 void void)))

;; pipes with specials
(define-values (pin pout) (make-pipe-with-specials))
(list pin pout)
(write-string "ab" pout)
(write-special 'sym pout)
(write-string "c" pout)
(list (read-char-or-special pin) (read-char-or-special pin) (read-char-or-special pin) (read-char-or-special pin))
(close-output-port pout)
(read-char-or-special pin)
(define-values (pin2 pout2) (make-pipe-with-specials 10 'in 'out))
(list pin2 pout2)
(try (lambda () (make-pipe-with-specials -1)))
(define sf (special-filter-input-port pin2 (lambda (v bstr) (bytes-set! bstr 0 (char->integer #\S)) 1)))
(write-string "q" pout2)
(write-special 'gone pout2)
(close-output-port pout2)
(port->string sf)
(try (lambda () (special-filter-input-port 5 void)))
(try (lambda () (special-filter-input-port (open-input-string "") 5)))

;; merge-input
(define merged (merge-input (open-input-string "aaa") (open-input-string "bbb")))
merged
(sort (string->list (port->string merged)) char<?)
(try (lambda () (merge-input 5 (open-input-string ""))))
(try (lambda () (merge-input (open-input-string "") (open-input-string "") 0)))

;; combine-output: a tee
(define t1 (open-output-string))
(define t2 (open-output-string))
(define tee (combine-output t1 t2))
tee
(write-string "both" tee)
(flush-output tee)
(list (get-output-string t1) (get-output-string t2))
(try (lambda () (combine-output 5 t1)))

;; re-encoding
(define latin (reencode-input-port (open-input-bytes #"caf\351 cr\r\nlf\rend") "latin1"))
latin
(read-string 4 latin)
(read-string 100 latin)
(port->string (reencode-input-port (open-input-bytes #"a\r\nb\rc\n") "latin1" #f #f 'conv #t))
(define u16 (reencode-input-port (open-input-bytes #"\0h\0i") "UTF-16BE"))
(port->string u16)
(define out-bytes (open-output-bytes))
(define enc (reencode-output-port out-bytes "latin1"))
enc
(write-string "caf\u00e9\n" enc)
(get-output-bytes out-bytes)
(flush-output enc)
(get-output-bytes out-bytes)
(define out2 (open-output-bytes))
(define enc2 (reencode-output-port out2 "latin1" #"?" #f 'enc2 #"\r\n"))
(write-string "a\u20acb\nc" enc2)
(close-output-port enc2)
(get-output-bytes out2)
(try (lambda () (reencode-input-port (open-input-string "") "nope")))
(try (lambda () (reencode-output-port (open-output-string) "nope")))
(try (lambda () (reencode-input-port 5 "latin1")))
(try (lambda () (port->string (reencode-input-port (open-input-bytes #"\377") "UTF-8"))))

;; convert-stream
(define cs-out (open-output-bytes))
(convert-stream "latin1" (open-input-bytes #"\351t\351") "UTF-8" cs-out)
(get-output-bytes cs-out)
(try (lambda () (convert-stream "nope" (open-input-string "") "UTF-8" (open-output-string))))

;; make-input-port/read-to-peek
(define n 0)
(define rp (make-input-port/read-to-peek 'counter
                                         (lambda (bstr)
                                           (if (= n 3)
                                               eof
                                               (begin (set! n (add1 n))
                                                      (bytes-set! bstr 0 (+ 48 n))
                                                      1)))
                                         #f
                                         void))
rp
(peek-char rp)
(port->string rp)

;; open-output-nowhere
(define nowhere (open-output-nowhere))
(list nowhere (write-string "gone" nowhere) (object-name (open-output-nowhere 'void)))
