#lang racket/base
;; racket/port's port constructors (Creating Ports) and convert-stream, over
;; make-input-port and make-output-port. A wrapper hands each read on to the
;; port it wraps as it comes, so that it takes from that port only what its
;; own reader takes. Where Racket's implementation reports a bad argument
;; through a procedure it calls (file-position*, port-next-location, ...),
;; the message names that procedure as Racket's does.

(provide (rename-out [input-port-append racket/port:input-port-append]
                     [make-input-port/read-to-peek racket/port:make-input-port/read-to-peek]
                     [make-limited-input-port racket/port:make-limited-input-port]
                     [make-pipe-with-specials racket/port:make-pipe-with-specials]
                     [merge-input racket/port:merge-input]
                     [peeking-input-port racket/port:peeking-input-port]
                     [reencode-input-port racket/port:reencode-input-port]
                     [reencode-output-port racket/port:reencode-output-port]
                     [dup-input-port racket/port:dup-input-port]
                     [dup-output-port racket/port:dup-output-port]
                     [relocate-input-port racket/port:relocate-input-port]
                     [relocate-output-port racket/port:relocate-output-port]
                     [transplant-input-port racket/port:transplant-input-port]
                     [transplant-output-port racket/port:transplant-output-port]
                     [filter-read-input-port racket/port:filter-read-input-port]
                     [special-filter-input-port racket/port:special-filter-input-port]
                     [combine-output racket/port:combine-output]
                     [convert-stream racket/port:convert-stream]))

(define (check-port who pred what p)
  (unless (pred p) (raise-argument-error who what p)))

;; A read of `p` into `s` that does not block: 0 becomes an event ready when `p` has more.
(define (read-through s p [start 0] [end (bytes-length s)])
  (let ([n (read-bytes-avail!* s p start end)])
    (if (eqv? n 0) (wrap-evt p (lambda (v) 0)) n)))

(define (peek-through s skip evt p [start 0] [end (bytes-length s)])
  (let ([n (peek-bytes-avail!* s skip evt p start end)])
    (if (eqv? n 0) (wrap-evt p (lambda (v) 0)) n)))

;; A wrapper of `p` provides progress events when `p` does, as Racket's wrappers do.
(define (progress-of p)
  (and (port-provides-progress-evts? p) (lambda () (port-progress-evt p))))

(define (commit-of p)
  (and (port-provides-progress-evts? p) (lambda (n evt done) (port-commit-peeked n evt done p))))

;; The position a port made over `p` starts at (1-based): `pos`, or where `p` is.
(define (start-position p)
  (add1 (or (file-position* p) 0)))

;; For a port whose peeks Racket builds on its reads (make-input-port/read-to-peek, pipes
;; with specials): it provides progress events. rkt serves them from the port's own
;; buffer, so these procedures only mark the port as providing them.
(define (own-progress) never-evt)
(define (own-commit n evt done) #f)

;; ------------------------------------------------------------ input wrappers

(define (transplant-input-port p get-location pos [close? #t] [count-lines! void]
                               #:name [name (object-name p)])
  (check-port 'port-provides-progress-evts? input-port? "input-port?" p)
  (make-input-port name
                   (lambda (s) (read-through s p))
                   (lambda (s skip evt) (peek-through s skip evt p))
                   (lambda () (when close? (close-input-port p)))
                   (progress-of p)
                   (commit-of p)
                   get-location
                   count-lines!
                   pos))

;; Locations counted from `line`, `col` and `pos` where `p` stands now.
(define (relocating-location p line col pos)
  (let-values ([(l0 c0 p0) (port-next-location p)])
    (lambda ()
      (let-values ([(l c n) (port-next-location p)])
        (values (and l l0 (+ line (- l l0)))
                (and c c0 (if (equal? l l0) (+ col (- c c0)) c))
                (and n p0 (+ pos (- n p0))))))))

(define (relocate-input-port p line col pos [close? #t] #:name [name (object-name p)])
  (check-port 'port-next-location port? "port?" p)
  (transplant-input-port p (relocating-location p line col pos) pos close? #:name name))

(define (dup-input-port p [close? #f])
  (check-port 'file-position* port? "port?" p)
  (let ([new (transplant-input-port p
                                    (lambda () (port-next-location p))
                                    (start-position p)
                                    close?
                                    (lambda () (port-count-lines! p)))])
    (port-read-handler new (port-read-handler p))
    new))

(define (filter-read-input-port p wrap-read wrap-peek [close? #t])
  (check-port 'port-provides-progress-evts? input-port? "input-port?" p)
  (make-input-port (object-name p)
                   (lambda (s) (wrap-read s (read-through s p)))
                   (lambda (s skip evt) (wrap-peek s skip evt (peek-through s skip evt p)))
                   (lambda () (when close? (close-input-port p)))
                   (progress-of p)
                   (commit-of p)
                   (lambda () (port-next-location p))
                   (lambda () (port-count-lines! p))
                   (start-position p)))

(define (special-filter-input-port p filter [close? #t])
  (check-port 'special-filter-input-port input-port? "input-port?" p)
  (unless (and (procedure? filter) (procedure-arity-includes? filter 2))
    (raise-argument-error 'special-filter-input-port "(any/c bytes? . -> . any/c)" filter))
  (let ([filtered (lambda (s v) (if (procedure? v) (filter v s) v))])
    (make-input-port (object-name p)
                     (lambda (s) (filtered s (read-through s p)))
                     (lambda (s skip evt) (filtered s (peek-through s skip evt p)))
                     (lambda () (when close? (close-input-port p)))
                     (progress-of p)
                     (commit-of p)
                     (lambda () (port-next-location p))
                     (lambda () (port-count-lines! p))
                     (start-position p))))

(define (peeking-input-port in [name (object-name in)] [skip 0] #:init-position [init-position 1])
  (check-port 'file-stream-buffer-mode port? "port?" in)
  (make-input-port name
                   (lambda (s)
                     (let ([n (peek-through s skip #f in)])
                       (when (exact-integer? n) (set! skip (+ skip n)))
                       (when (procedure? n) (set! skip (add1 skip)))
                       n))
                   (lambda (s more evt) (peek-through s (+ skip more) evt in))
                   void
                   own-progress
                   own-commit
                   #f
                   void
                   init-position))

(define (make-limited-input-port port limit [close-orig? #t])
  (unless (input-port? port) (limited-contract-error "input-port?" port 1))
  (unless (exact-nonnegative-integer? limit) (limited-contract-error "natural?" limit 2))
  (let ([got 0])
    (make-input-port (object-name port)
                     (lambda (s)
                       (let ([count (min (- limit got) (bytes-length s))])
                         (if (zero? count)
                             eof
                             (let ([n (read-through s port 0 count)])
                               (cond
                                 [(exact-integer? n) (set! got (+ got n))]
                                 [(procedure? n) (set! got (add1 got))])
                               n))))
                     (lambda (s skip evt)
                       (let ([count (max 0 (min (- limit got skip) (bytes-length s)))])
                         (if (zero? count) eof (peek-through s skip evt port 0 count))))
                     (lambda () (when close-orig? (close-input-port port)))
                     (progress-of port)
                     (commit-of port)
                     (lambda () (port-next-location port))
                     (lambda () (port-count-lines! port))
                     (start-position port))))

(define (limited-contract-error expected given n)
  (raise (make-exn:fail:contract
          (format "make-limited-input-port: contract violation\n  expected: ~a\n  given: ~e\n  in: the ~a argument of\n      (->*\n       (input-port? natural?)\n       (any/c)\n       input-port?)\n  contract from: <collects>/racket/port.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: <collects>/racket/port.rkt:50:12"
                  expected given (if (= n 1) "1st" "2nd")
                  (let ([run (find-system-path 'run-file)])
                    (if (regexp-match? #rx"[.]rkt$" (path->string run))
                        (path->string (path->complete-path run))
                        "top-level")))
          (current-continuation-marks))))

;; Its name, unless given, is the list of the ports' names.
(define (input-port-append close-orig? #:name [name #f] . ports)
  (let ([name (or name (map object-name ports))])
    (make-input-port name
                     (lambda (s)
                       (if (null? ports)
                           eof
                           (let ([n (read-through s (car ports))])
                             (cond
                               [(eof-object? n)
                                (when close-orig? (close-input-port (car ports)))
                                (set! ports (cdr ports))
                                0]
                               [else n]))))
                     (lambda (s skip evt)
                       (if (null? ports) eof (peek-through s skip evt (car ports))))
                     (lambda () (when close-orig? (for-each close-input-port ports))))))

;; Racket builds the peeks on the reads; here the port keeps what read-in gave, so a
;; fast-peek procedure is not needed, and on-consumed is told of each read-in result.
(define (make-input-port/read-to-peek name read-in fast-peek close
                                      [get-location #f] [count-lines! void] [init-position 1]
                                      [buffer-mode #f] [buffering? #f] [on-consumed #f])
  (make-input-port name
                   (if on-consumed
                       (lambda (s)
                         (let ([r (read-in s)])
                           (when (or (exact-positive-integer? r) (eof-object? r) (procedure? r)) (on-consumed r))
                           r))
                       read-in)
                   (lambda (s skip evt) 0)
                   close
                   own-progress
                   own-commit
                   get-location
                   count-lines!
                   init-position
                   buffer-mode))

;; ------------------------------------------------------------ pipes with specials

;; A pipe whose output end takes specials: what is written is queued, bytes
;; and specials in order, and the input end takes from the queue.
(define (make-pipe-with-specials [limit #f] [in-name 'pipe] [out-name 'pipe])
  (unless (or (not limit) (exact-positive-integer? limit))
    (raise-argument-error 'make-pipe "(or/c #f exact-positive-integer?)" limit))
  (let* ([queue '()]
         [closed? #f]
         [signal (make-semaphore 0)]
         [changed! (lambda ()
                     (semaphore-post signal)
                     (set! signal (make-semaphore 0)))]
         [add! (lambda (item)
                 (set! queue (append queue (list item)))
                 (changed!))])
    (values
     (make-input-port in-name
                      (lambda (s)
                        (cond
                          [(pair? queue)
                           (let ([item (car queue)])
                             (if (bytes? item)
                                 (let ([n (min (bytes-length s) (bytes-length item))])
                                   (bytes-copy! s 0 item 0 n)
                                   (if (= n (bytes-length item))
                                       (set! queue (cdr queue))
                                       (set! queue (cons (subbytes item n) (cdr queue))))
                                   n)
                                 (begin
                                   (set! queue (cdr queue))
                                   (lambda (src line col pos) (car item)))))]
                          [closed? eof]
                          [else (wrap-evt (semaphore-peek-evt signal) (lambda (v) 0))]))
                      (lambda (s skip evt) 0)
                      void
                      own-progress
                      own-commit)
     (make-output-port out-name
                       always-evt
                       (lambda (s start end non-block? breakable?)
                         (when (< start end) (add! (subbytes s start end)))
                         (- end start))
                       (lambda ()
                         (set! closed? #t)
                         (changed!))
                       (lambda (v non-block? breakable?)
                         (add! (list v))
                         #t)))))

;; Copies `from` to `to`, specials too, until eof.
(define (pump from to)
  (let ([buffer (make-bytes 4096)])
    (let loop ()
      (let ([n (read-bytes-avail! buffer from)])
        (cond
          [(exact-integer? n) (write-bytes buffer to 0 n) (loop)]
          [(procedure? n) (write-special (n #f #f #f #f) to) (loop)]
          [else (void)])))))

(define (merge-input a b [limit 4096])
  (unless (input-port? a) (raise-argument-error 'merge-input "input-port?" a))
  (unless (input-port? b) (raise-argument-error 'merge-input "input-port?" b))
  (unless (or (not limit) (exact-positive-integer? limit))
    (raise-argument-error 'merge-input "(or/c exact-positive-integer #f)" limit))
  (let-values ([(in out) (make-pipe-with-specials limit)])
    (let* ([left 2]
           [lock (make-semaphore 1)]
           [copy (lambda (from)
                   (thread (lambda ()
                             (pump from out)
                             (call-with-semaphore lock
                                                  (lambda ()
                                                    (set! left (sub1 left))
                                                    (when (zero? left) (close-output-port out)))))))])
      (copy a)
      (copy b)
      in)))

;; ------------------------------------------------------------ output wrappers

(define (pass-through p)
  (lambda (s start end non-block? breakable?)
    (if (= start end)
        (begin (flush-output p) 0)
        (begin (write-bytes s p start end) (- end start)))))

(define (transplant-output-port p get-location pos [close? #t] [count-lines! void]
                                #:name [name (object-name p)])
  (check-port 'port-writes-special? output-port? "output-port?" p)
  (make-output-port name
                    p
                    (pass-through p)
                    (lambda () (when close? (close-output-port p)))
                    (and (port-writes-special? p)
                         (lambda (v non-block? breakable?) (write-special v p)))
                    #f
                    #f
                    get-location
                    count-lines!
                    pos))

(define (relocate-output-port p line col pos [close? #t] #:name [name (object-name p)])
  (check-port 'port-next-location port? "port?" p)
  (transplant-output-port p (relocating-location p line col pos) pos close? #:name name))

(define (dup-output-port p [close? #f])
  (check-port 'file-position* port? "port?" p)
  (let ([new (transplant-output-port p
                                     (lambda () (port-next-location p))
                                     (start-position p)
                                     close?
                                     (lambda () (port-count-lines! p)))])
    (port-display-handler new (port-display-handler p))
    (port-write-handler new (port-write-handler p))
    new))

;; Writes go to both ports.
(define (combine-output a b)
  (check-port 'replace-evt evt? "evt?" a)
  (check-port 'replace-evt evt? "evt?" b)
  (make-output-port 'tee
                    (replace-evt a (lambda (v) b))
                    (lambda (s start end non-block? breakable?)
                      (if (= start end)
                          (begin (flush-output a) (flush-output b) 0)
                          (begin
                            (write-bytes s a start end)
                            (write-bytes s b start end)
                            (- end start))))
                    (lambda () (flush-output a) (flush-output b))))

;; ------------------------------------------------------------ re-encoding

(define (default-decode-error who)
  (lambda (msg port) (error who (format "~a: ~~e" msg) port)))

;; \r\n and \r become \n; `cr?` says the text before ended with \r (a \n next is dropped).
(define (convert-newlines bstr cr?)
  (let ([out (open-output-bytes)])
    (let loop ([i 0] [cr? cr?])
      (if (= i (bytes-length bstr))
          (values (get-output-bytes out) cr?)
          (let ([b (bytes-ref bstr i)])
            (cond
              [(= b 13) (write-byte 10 out) (loop (add1 i) #t)]
              [(and (= b 10) cr?) (loop (add1 i) #f)]
              [else (write-byte b out) (loop (add1 i) #f)]))))))

(define (reencode-input-port port encoding [error-bytes #f] [close? #f] [name (object-name port)]
                             [newline-convert? #f] [decode-error (default-decode-error 'reencode-input-port)])
  (check-port 'file-stream-buffer-mode port? "port?" port)
  (let ([c (bytes-open-converter encoding "UTF-8")]
        [ready #""]
        [raw #""]
        [ended? #f]
        [cr? #f]
        [chunk (make-bytes 4096)])
    (unless c
      (error 'reencode-input-port "could not create converter from ~e to UTF-8" encoding))
    (define (deliver! bstr)
      (if newline-convert?
          (let-values ([(b now-cr?) (convert-newlines bstr cr?)])
            (set! cr? now-cr?)
            (set! ready (bytes-append ready b)))
          (set! ready (bytes-append ready bstr))))
    (define (read-in s)
      (cond
        [(positive? (bytes-length ready))
         (let ([n (min (bytes-length s) (bytes-length ready))])
           (bytes-copy! s 0 ready 0 n)
           (set! ready (subbytes ready n))
           n)]
        [else
         (let-values ([(out used status) (if (zero? (bytes-length raw))
                                             (values #"" 0 'aborts)
                                             (bytes-convert c raw))])
           (set! raw (subbytes raw used))
           (cond
             [(positive? (bytes-length out)) (deliver! out) (read-in s)]
             [(eq? status 'error)
              (if error-bytes
                  (begin (set! raw (subbytes raw 1)) (deliver! error-bytes) (read-in s))
                  (begin (set! raw #"") (decode-error "decoding error in input stream" port) 0))]
             [ended?
              (cond
                [(positive? (bytes-length raw))
                 (if error-bytes
                     (begin (set! raw (subbytes raw 1)) (deliver! error-bytes) (read-in s))
                     (begin (set! raw #"") (decode-error "decoding error in input stream" port) 0))]
                [else eof])]
             [else
              (let ([n (read-bytes-avail!* chunk port)])
                (cond
                  [(eqv? n 0) (wrap-evt port (lambda (v) 0))]
                  [(exact-integer? n) (set! raw (bytes-append raw (subbytes chunk 0 n))) (read-in s)]
                  [else (set! ended? #t) (read-in s)]))]))]))
    (make-input-port name
                     read-in
                     #f
                     (lambda ()
                       (when close? (close-input-port port))
                       (bytes-close-converter c)))))

(define (reencode-output-port port encoding [error-bytes #f] [close? #f] [name (object-name port)]
                              [newline-bytes #f] [decode-error (default-decode-error 'reencode-output-port)])
  (check-port 'file-stream-buffer-mode port? "port?" port)
  (let ([c (bytes-open-converter "UTF-8" encoding)]
        ;; UTF-8 not yet converted: held until a flush, as a block-buffered port does.
        [pending #""])
    (unless c
      (error 'reencode-output-port "could not create converter from ~e to UTF-8" encoding))
    (define (convert-segment! bstr)
      (let loop ([bstr bstr])
        (unless (zero? (bytes-length bstr))
          (let-values ([(out used status) (bytes-convert c bstr)])
            (write-bytes out port)
            (let ([rest (subbytes bstr used)])
              (cond
                [(eq? status 'error)
                 (if error-bytes
                     (begin (write-bytes error-bytes port) (loop (subbytes rest 1)))
                     (decode-error "error decoding output to stream" port))]
                [(eq? status 'aborts) (set! pending (bytes-append rest pending))]
                [else (loop rest)]))))))
    (define (flush-pending!)
      (let ([text pending])
        (set! pending #"")
        (let loop ([segments (if newline-bytes (regexp-split #rx#"\n" text) (list text))])
          (convert-segment! (car segments))
          (when (pair? (cdr segments))
            (write-bytes newline-bytes port)
            (loop (cdr segments))))
        (flush-output port)))
    (make-output-port name
                      port
                      (lambda (s start end non-block? breakable?)
                        (if (= start end)
                            (begin (flush-pending!) 0)
                            (begin
                              (set! pending (bytes-append pending (subbytes s start end)))
                              (when (> (bytes-length pending) 4096) (flush-pending!))
                              (- end start))))
                      (lambda ()
                        (flush-pending!)
                        (when close? (close-output-port port))
                        (bytes-close-converter c)))))

(define (convert-stream from from-port to to-port)
  (let ([c (bytes-open-converter from to)])
    (unless c
      (error 'convert-stream "could not create converter from ~e to ~e" from to))
    (let ([chunk (make-bytes 4096)])
      (dynamic-wind
       void
       (lambda ()
         (let loop ([raw #""])
           (let ([n (read-bytes-avail! chunk from-port)])
             (let ([raw (if (exact-integer? n) (bytes-append raw (subbytes chunk 0 n)) raw)])
               (let-values ([(out used status) (bytes-convert c raw)])
                 (when (eq? status 'error) (error 'convert-stream "conversion error"))
                 (write-bytes out to-port)
                 (let ([rest (subbytes raw used)])
                   (if (exact-integer? n)
                       (loop rest)
                       (begin
                         (unless (zero? (bytes-length rest))
                           (error 'convert-stream "input stream ~a with a partial conversion"
                                  (if (eof-object? n) "ended" "hit a special value")))
                         (let-values ([(out status) (bytes-convert-end c)])
                           (when (eq? status 'error) (error 'convert-stream "conversion-end error"))
                           (write-bytes out to-port))
                         (unless (eof-object? n)
                           (write-special n to-port)
                           (loop #""))))))))))
       (lambda () (bytes-close-converter c))))))
