#lang racket/base
;; net/url's fetching: HTTP/1.1 over racket/tcp (so the embedding's network
;; policy applies), as Racket's net/url and net/http-client speak it: the
;; request line and headers, responses with a length, chunked or to the
;; end, redirections, proxies, and file: URLs. There is no TLS: an https
;; URL raises exn:fail:unsupported. Nothing is decompressed: a gzip or
;; deflate response to http-sendrecv/url raises exn:fail:unsupported.

(provide (rename-out [get-pure-port net/url:get-pure-port]
                     [get-impure-port net/url:get-impure-port]
                     [post-pure-port net/url:post-pure-port]
                     [post-impure-port net/url:post-impure-port]
                     [head-pure-port net/url:head-pure-port]
                     [head-impure-port net/url:head-impure-port]
                     [delete-pure-port net/url:delete-pure-port]
                     [delete-impure-port net/url:delete-impure-port]
                     [put-pure-port net/url:put-pure-port]
                     [put-impure-port net/url:put-impure-port]
                     [options-pure-port net/url:options-pure-port]
                     [options-impure-port net/url:options-impure-port]
                     [display-pure-port net/url:display-pure-port]
                     [purify-port net/url:purify-port]
                     [get-pure-port/headers net/url:get-pure-port/headers]
                     [call/input-url net/url:call/input-url]
                     [make-http-connection net/url:make-http-connection]
                     [http-connection? net/url:http-connection?]
                     [http-connection-close net/url:http-connection-close]
                     [http-sendrecv/url net/url:http-sendrecv/url]
                     [tcp-or-tunnel-connect net/url:tcp-or-tunnel-connect]
                     [current-proxy-servers net/url:current-proxy-servers]
                     [current-no-proxy-servers net/url:current-no-proxy-servers]
                     [proxy-server-for net/url:proxy-server-for]
                     [proxiable-url-schemes net/url:proxiable-url-schemes]))

(define proxiable-url-schemes '("http" "https" "git"))

;; ------------------------------------------------------------ arguments

(define (fetch-check-url who u [pos "1st"])
  (unless (%url? u) (%url-contract-error who "url?" u pos)))

(define (fetch-check-headers who headers pos)
  (cond [(not (list? headers)) (%url-contract-error who "list?" headers pos)]
        [else (for-each (lambda (h) (unless (string? h) (%url-contract-error who "string?" h pos "an element of\n      ")))
                        headers)]))

(define (fetch-check-data who data optional?)
  (unless (or (bytes? data) (and optional? (not data)))
    (%url-contract-error who (if optional? "(or/c #f bytes?)" "bytes?") data "2nd")))

(define (fetch-check-port who p)
  (unless (input-port? p) (%url-contract-error who "input-port?" p "1st")))

;; ------------------------------------------------------------ proxies

(define (proxy-from-environment scheme vars)
  (let loop ([vars vars])
    (if (null? vars)
        '()
        (let ([v (or (getenv (car vars)) (getenv (string-upcase (car vars))))])
          (cond [(not v) (loop (cdr vars))]
                [(string=? (fetch-trim v) "") '()]
                [else
                 (let ([u (with-handlers ([exn:fail? (lambda (e) #f)]) (%string->url (fetch-trim v)))])
                   (if (and u (equal? (%url-field u 0) "http") (string? (%url-field u 2)) (exact-integer? (%url-field u 3)))
                       (list (list scheme (%url-field u 2) (%url-field u 3)))
                       '()))])))))

(define (fetch-trim s) (regexp-replace* #rx"^[ \t\r\n]+|[ \t\r\n]+$" s ""))

;; #f: not set, so taken from the environment (plt_http_proxy, http_proxy, ...).
(define proxy-servers-setting (make-parameter #f))
(define no-proxy-servers-setting (make-parameter #f))

(define (check-proxy-servers v)
  (unless (or (not v)
              (and (list? v)
                   (andmap (lambda (e) (and (list? e) (= 3 (length e)) (string? (car e)) (string? (cadr e)) (number? (caddr e)))) v)))
    (%url-contract-error 'current-proxy-servers "(or/c #f (listof (list/c string? string? number?)))" v "the parameter of"))
  (unless (and (list? v)
               (andmap (lambda (e) (and (member (car e) proxiable-url-schemes) (exact-integer? (caddr e)) (<= 1 (caddr e) 65535))) v))
    (raise-type-error 'current-proxy-servers "list of list of scheme, string, and exact integer in [1,65535]" v))
  (map (lambda (e) (list (string->immutable-string (car e)) (string->immutable-string (cadr e)) (caddr e))) v))

(define current-proxy-servers
  (make-derived-parameter
   proxy-servers-setting
   check-proxy-servers
   (lambda (v)
     (or v
         (append (proxy-from-environment "http" '("plt_http_proxy" "http_proxy" "all_proxy"))
                 (proxy-from-environment "https" '("plt_https_proxy" "https_proxy" "all_proxy"))
                 (proxy-from-environment "git" '("plt_git_proxy" "git_proxy" "all_proxy")))))))

(define (check-no-proxy-servers v)
  (unless (or (not v) (and (list? v) (andmap (lambda (e) (or (string? e) (regexp? e))) v)))
    (%url-contract-error 'current-no-proxy-servers "(or/c #f (listof (or/c string? regexp?)))" v "the parameter of"))
  (unless (list? v) (raise-type-error 'current-no-proxy-servers "list of string or regexp" v))
  (map (lambda (e)
         (cond [(regexp? e) e]
               [(regexp-match #rx"^(\\..*)$" e) (regexp (string-append ".*" (regexp-quote e)))]
               [else (regexp (string-append "^" (regexp-quote e) "$"))]))
       v))

(define current-no-proxy-servers
  (make-derived-parameter
   no-proxy-servers-setting
   check-no-proxy-servers
   (lambda (v)
     (or v
         (let ([hosts (or (getenv "plt_no_proxy") (getenv "no_proxy"))])
           (if (or (not hosts) (string=? hosts ""))
               '()
               (check-no-proxy-servers (regexp-split #rx"," hosts))))))))

(define (proxy-server-for scheme [host #f])
  (unless (string? scheme) (%url-contract-error 'proxy-server-for "string?" scheme "1st"))
  (unless (or (not host) (string? host)) (%url-contract-error 'proxy-server-for "(or/c #f string?)" host "2nd"))
  (let ([entry (assoc scheme (current-proxy-servers))])
    (cond [(not host) entry]
          [(ormap (lambda (rx) (regexp-match rx host)) (current-no-proxy-servers)) #f]
          [else entry])))

;; ------------------------------------------------------------ connections

;; An http-conn: a structure type made on first use (library definitions
;; are values), as a vector of its constructor, predicate, accessor and mutator.
(define http-conn-type (box #f))
(define (http-conn-ops)
  (or (unbox http-conn-type)
      (let-values ([(type make ? ref set) (make-struct-type 'http-conn #f 4 0 #f)])
        (set-box! http-conn-type (vector make ? ref set))
        (unbox http-conn-type))))

;; Fields: host, port, input port, output port.
(define (make-http-connection) ((vector-ref (http-conn-ops) 0) #f #f #f #f))
(define (http-connection? v) ((vector-ref (http-conn-ops) 1) v))
(define (conn-ref c i) ((vector-ref (http-conn-ops) 2) c i))
(define (conn-set! c i v) ((vector-ref (http-conn-ops) 3) c i v))

(define (http-connection-close c)
  (unless (http-connection? c) (%url-contract-error 'http-connection-close "http-conn?" c "1st"))
  (conn-close! c))

(define (conn-close! c)
  (conn-set! c 0 #f)
  (when (conn-ref c 3) (close-output-port (conn-ref c 3)) (conn-set! c 3 #f))
  (when (conn-ref c 2) (close-input-port (conn-ref c 2)) (conn-set! c 2 #f)))

(define (conn-live? c)
  (and (conn-ref c 2) (conn-ref c 3) (not (port-closed? (conn-ref c 2))) (not (port-closed? (conn-ref c 3)))))

(define (no-tls who u)
  (raise (make-exn:fail:unsupported
          (format "~a: https is not supported (rkt has no TLS)\n  url: ~a" who (%url->string u))
          (current-continuation-marks))))

(define (conn-open! c host port)
  (let-values ([(in out) (%tcp-connect host port)])
    (conn-set! c 0 host)
    (conn-set! c 1 port)
    (conn-set! c 2 in)
    (conn-set! c 3 out)))

(define (default-port who u)
  (let ([scheme (%url-field u 0)])
    (cond [(not scheme) 80]
          [(string=? scheme "http") 80]
          [(string=? scheme "https") 443]
          [(string=? scheme "git") 9418]
          [else (%url-error "URL scheme ~s not supported" scheme)])))

;; A connection to the URL's host, or to the proxy for it.
(define (connect-for who u proxy)
  (when (equal? (%url-field u 0) "https") (no-tls who u))
  (let ([c (make-http-connection)])
    (if proxy
        (conn-open! c (cadr proxy) (caddr proxy))
        (conn-open! c (%url-field u 2) (or (%url-field u 3) (default-port who u))))
    c))

(define (header-present? rx headers) (ormap (lambda (h) (regexp-match? rx h)) headers))

(define (send-request! c target method headers data close? [decodes '()])
  (let ([out (conn-ref c 3)] [host (conn-ref c 0)] [port (conn-ref c 1)])
    (fprintf out "~a ~a HTTP/1.1\r\n" method target)
    (unless (header-present? #rx"^(?i:Host:) +.+$" headers)
      (fprintf out "Host: ~a\r\n" (if (= port 80) host (format "~a:~a" host port))))
    (unless (header-present? #rx"^(?i:User-Agent:) +.+$" headers)
      (fprintf out "User-Agent: Racket/~a (net/http-client)\r\n" (version)))
    (unless (or (null? decodes) (header-present? #rx"^(?i:Accept-Encoding:) +.+$" headers))
      (fprintf out "Accept-Encoding: ~a\r\n"
               (apply string-append (symbol->string (car decodes)) (map (lambda (d) (format ",~a" d)) (cdr decodes)))))
    ;; No data is an empty body, which still has its length.
    (let ([body (cond [(string? data) (string->bytes/utf-8 data)] [(not data) #""] [else data])])
      (when (and body (not (header-present? #rx"^(?i:Content-Length:) +.+$" headers)))
        (fprintf out "Content-Length: ~a\r\n" (bytes-length body)))
      (when (and close? (not (header-present? #rx"^(?i:Connection:) +.+$" headers)))
        (fprintf out "Connection: close\r\n"))
      (for-each (lambda (h) (fprintf out "~a\r\n" h)) headers)
      (fprintf out "\r\n")
      (when body (write-bytes body out))
      (flush-output out))))

(define (read-line/not-eof in)
  (let ([l (read-bytes-line in 'any)])
    (when (eof-object? l) (error 'http-client "Connection ended early"))
    l))

(define (read-headers in)
  (let ([l (read-line/not-eof in)])
    (if (bytes=? l #"") '() (cons l (read-headers in)))))

;; The body's bytes through a pipe, copied by a thread: `count` bytes, or
;; chunks, or everything up to the end.
(define (body-port c how close?)
  (let-values ([(pin pout) (make-pipe 4096)])
    (let ([in (conn-ref c 2)])
      (thread
       (lambda ()
         (cond
           [(eq? how 'chunked)
            (let loop ()
              (let ([line (read-line in 'any)])
                (unless (eof-object? line)
                  (let ([n (string->number (fetch-trim line) 16)])
                    (unless n (error 'http-conn-response/chunked "Could not parse ~S as hexadecimal number" (fetch-trim line)))
                    (unless (zero? n)
                      (write-bytes (read-bytes n in) pout)
                      (read-bytes 2 in)
                      (loop))))))]
           [else
            (let loop ([left how])
              (when (> left 0)
                (let ([b (read-bytes (if (< left 4096) left 4096) in)])
                  (unless (eof-object? b)
                    (write-bytes b pout)
                    (loop (- left (bytes-length b)))))))])
         (when close? (conn-close! c))
         (close-output-port pout))))
    pin))

(define (head-method? m) (member m '(#"HEAD" "HEAD" HEAD)))

;; The status line, the header lines and a port for the body.
(define (receive-response c method close?)
  (let* ([in (conn-ref c 2)]
         [status (read-line/not-eof in)]
         [headers (read-headers in)]
         [close? (or close? (header-present? #rx#"^(?i:Connection: +close)$" headers))]
         [length (ormap (lambda (h)
                          (let ([m (regexp-match #rx#"^(?i:Content-Length:) +(.+)$" h)])
                            (and m (string->number (bytes->string/utf-8 (cadr m))))))
                        headers)])
    (values status
            headers
            (cond [(head-method? method) (open-input-bytes #"")]
                  [(header-present? #rx#"^(?i:Transfer-Encoding: +chunked)$" headers) (body-port c 'chunked #t)]
                  [length (body-port c length close?)]
                  [(regexp-match? #rx#"^HTTP.... (1..|204|304) " status) (open-input-bytes #"")]
                  [else (body-port c +inf.0 #t)]))))

;; What the request line names: the whole URL for a proxy, else its path
;; (at least "/"), query and fragment.
(define (request-target u proxy empty-path-is-root?)
  (let ([s (%url->string
            (if proxy
                u
                (let ([path (%url-field u 5)])
                  (if (and empty-path-is-root? (null? path))
                      (%make-url #f #f #f #f #t (list (%make-path/param "" '())) (%url-field u 6) (%url-field u 7))
                      (%make-url #f #f #f #f (%url-field u 4) path (%url-field u 6) (%url-field u 7))))))])
    (if (string=? s "") "/" s)))

(define (http-request who u method data headers)
  (let* ([proxy (proxy-server-for (%url-field u 0) (%url-field u 2))]
         [proxy (and proxy (equal? (%url-field u 0) "http") proxy)]
         [c (connect-for who u proxy)])
    (send-request! c (request-target u proxy (member method '("GET" "POST"))) method headers data #f)
    c))

;; An impure port: the status line, the headers and the body, as received.
(define (impure-port c method)
  (let-values ([(status headers body) (receive-response c method #t)]
               [(pin pout) (make-pipe 4096)])
    (thread
     (lambda ()
       (write-bytes status pout)
       (write-bytes #"\r\n" pout)
       (for-each (lambda (h) (write-bytes h pout) (write-bytes #"\r\n" pout)) headers)
       (write-bytes #"\r\n" pout)
       (let loop ()
         (let ([b (read-bytes 4096 body)])
           (unless (eof-object? b) (write-bytes b pout) (loop))))
       (close-output-port pout)))
    pin))

(define (scheme-dispatch who u http file)
  (let ([scheme (%url-field u 0)])
    (cond [(not scheme) (%url-error "Missing protocol (usually \"http:\") at the beginning of URL: ~a" u)]
          [(or (string=? scheme "http") (string=? scheme "https")) (http)]
          [(string=? scheme "file") (file)]
          [else (%url-error "Scheme ~a unsupported" scheme)])))

(define (no-impure-file) (%url-error "There are no impure file: ports"))
(define (file-port u) (open-input-file (%url->path u)))

(define (method-name method)
  (case method
    [(get) "GET"] [(post) "POST"] [(head) "HEAD"] [(put) "PUT"] [(delete) "DELETE"] [(options) "OPTIONS"]))

(define (method-impure-port who method u data headers)
  (scheme-dispatch who u
                   (lambda () (impure-port (http-request who u (method-name method) data headers) (method-name method)))
                   no-impure-file))

(define (method-pure-port who method u data headers)
  (scheme-dispatch who u
                   (lambda ()
                     (let ([p (impure-port (http-request who u (method-name method) data headers) (method-name method))])
                       (purify-port p)
                       p))
                   (lambda () (file-port u))))

;; ------------------------------------------------------------ the procedures

(define (get-pure-port u [headers '()] #:redirections [redirections 0])
  (fetch-check-url 'get-pure-port u)
  (fetch-check-headers 'get-pure-port headers "2nd")
  (unless (exact-nonnegative-integer? redirections)
    (%url-contract-error 'get-pure-port "natural?" redirections "the #:redirections argument of"))
  (scheme-dispatch 'get-pure-port u
                   (lambda ()
                     (if (zero? redirections)
                         (let-values ([(status hs body) (receive-response (http-request 'get-pure-port u "GET" #f headers) "GET" #t)])
                           body)
                         (let-values ([(port header) (fetch/headers 'get-pure-port u headers #"GET" redirections #f #f)])
                           port)))
                   (lambda () (file-port u))))

(define (get-impure-port u [headers '()])
  (fetch-check-url 'get-impure-port u)
  (fetch-check-headers 'get-impure-port headers "2nd")
  (method-impure-port 'get-impure-port 'get u #f headers))

(define (post-pure-port u data [headers '()])
  (fetch-check-url 'post-pure-port u)
  (fetch-check-data 'post-pure-port data #t)
  (fetch-check-headers 'post-pure-port headers "3rd")
  (scheme-dispatch 'post-pure-port u
                   (lambda ()
                     (let-values ([(status hs body) (receive-response (http-request 'post-pure-port u "POST" data headers) "POST" #t)])
                       body))
                   (lambda () (file-port u))))

(define (post-impure-port u data [headers '()])
  (fetch-check-url 'post-impure-port u)
  (fetch-check-data 'post-impure-port data #f)
  (fetch-check-headers 'post-impure-port headers "3rd")
  (method-impure-port 'post-impure-port 'post u data headers))

(define (head-pure-port u [headers '()])
  (fetch-check-url 'head-pure-port u)
  (fetch-check-headers 'head-pure-port headers "2nd")
  (method-pure-port 'head-pure-port 'head u #f headers))

(define (head-impure-port u [headers '()])
  (fetch-check-url 'head-impure-port u)
  (fetch-check-headers 'head-impure-port headers "2nd")
  (method-impure-port 'head-impure-port 'head u #f headers))

(define (delete-pure-port u [headers '()])
  (fetch-check-url 'delete-pure-port u)
  (fetch-check-headers 'delete-pure-port headers "2nd")
  (method-pure-port 'delete-pure-port 'delete u #f headers))

(define (delete-impure-port u [headers '()])
  (fetch-check-url 'delete-impure-port u)
  (fetch-check-headers 'delete-impure-port headers "2nd")
  (method-impure-port 'delete-impure-port 'delete u #f headers))

(define (put-pure-port u data [headers '()])
  (fetch-check-url 'put-pure-port u)
  (fetch-check-data 'put-pure-port data #t)
  (fetch-check-headers 'put-pure-port headers "3rd")
  (method-pure-port 'put-pure-port 'put u data headers))

(define (put-impure-port u data [headers '()])
  (fetch-check-url 'put-impure-port u)
  (fetch-check-data 'put-impure-port data #f)
  (fetch-check-headers 'put-impure-port headers "3rd")
  (method-impure-port 'put-impure-port 'put u data headers))

(define (options-pure-port u [headers '()])
  (fetch-check-url 'options-pure-port u)
  (fetch-check-headers 'options-pure-port headers "2nd")
  (method-pure-port 'options-pure-port 'options u #f headers))

(define (options-impure-port u [headers '()])
  (fetch-check-url 'options-impure-port u)
  (fetch-check-headers 'options-impure-port headers "2nd")
  (method-impure-port 'options-impure-port 'options u #f headers))

(define (display-pure-port p)
  (fetch-check-port 'display-pure-port p)
  (let loop ()
    (let ([b (read-bytes 4096 p)])
      (unless (eof-object? b) (write-bytes b (current-output-port)) (loop))))
  (close-input-port p))

;; Reads the status line and headers (up to the blank line) off the port.
(define (purify-port p)
  (fetch-check-port 'purify-port p)
  (let ([m (regexp-match-peek-positions #rx"^HTTP/.*?(?:\r\n\r\n|\n\n|\r\r)" p)])
    (if m (read-string (cdar m) p) "")))

(define call/input-url
  (case-lambda
    [(u get handle)
     (unless (%url? u) (%url-contract-error 'call/input-url "url?" u "the 1st argument of\n      the 1st case of"))
     (call-with-url-port (get u) handle)]
    [(u get handle headers)
     (unless (%url? u) (%url-contract-error 'call/input-url "url?" u "the 1st argument of\n      the 2nd case of"))
     (call-with-url-port (get u headers) handle)]))

(define (call-with-url-port p handle)
  (dynamic-wind void (lambda () (handle p)) (lambda () (close-input-port p))))

(define (get-pure-port/headers u [headers '()]
                               #:method [method #"GET"]
                               #:redirections [redirections 0]
                               #:status? [status? #f]
                               #:connection [conn #f])
  (fetch-check-url 'get-pure-port/headers u)
  (fetch-check-headers 'get-pure-port/headers headers "2nd")
  (unless (member method '(#"GET" #"HEAD" #"DELETE" #"OPTIONS"))
    (%url-contract-error 'get-pure-port/headers "(or/c #\"GET\" #\"HEAD\" #\"DELETE\" #\"OPTIONS\")" method
                         "the #:method argument of"))
  (unless (exact-nonnegative-integer? redirections)
    (%url-contract-error 'get-pure-port/headers "natural?" redirections "the #:redirections argument of"))
  (unless (boolean? status?) (%url-contract-error 'get-pure-port/headers "boolean?" status? "the #:status? argument of"))
  (unless (or (not conn) (http-connection? conn))
    (%url-contract-error 'get-pure-port/headers "(or/c #f http-conn?)" conn "the #:connection argument of"))
  (fetch/headers 'get-pure-port/headers u headers method redirections status? conn))

;; Follows up to `redirections` 3xx responses with a Location.
(define (fetch/headers who u headers method redirections status? conn)
  (let loop ([redirections redirections] [u u] [conn conn])
    (let* ([proxy (let ([p (proxy-server-for (%url-field u 0) (%url-field u 2))]) (and p (equal? (%url-field u 0) "http") p))]
           [c (if (and conn (conn-live? conn))
                  conn
                  (let ([c (connect-for who u proxy)])
                    (when conn
                      (for ([i 4]) (conn-set! conn i (conn-ref c i))))
                    (or conn c)))])
      ;; The request is a GET whatever the method (as Racket's is); the method says how to read the response.
      (send-request! c (request-target u proxy #t) "GET" headers #f #f)
      (let-values ([(status hs body) (receive-response c method (not conn))])
        (let ([next (ormap (lambda (h)
                             (let ([m (regexp-match #rx#"^(?i:Location): (.*)$" h)])
                               (and m
                                    (with-handlers ([exn:fail? (lambda (e) #f)])
                                      (let ([n (%string->url (bytes->string/utf-8 (cadr m)))])
                                        (%make-url (or (%url-field n 0) (%url-field u 0))
                                                   (or (%url-field n 1) (%url-field u 1))
                                                   (or (%url-field n 2) (%url-field u 2))
                                                   (or (%url-field n 3) (%url-field u 3))
                                                   (%url-field n 4) (%url-field n 5) (%url-field n 6) (%url-field n 7)))))))
                           hs)])
          (if (and (regexp-match? #rx#"^HTTP/[0-9]+[.][0-9]+ 3[0-9][0-9]" status) next (not (zero? redirections)))
              (loop (- redirections 1) next #f)
              (values body
                      (apply string-append
                             (append (map (lambda (h) (format "~a\r\n" h)) (if status? (cons status hs) hs))
                                     (list "\r\n"))))))))))

(define (http-sendrecv/url u #:method [method #"GET"] #:headers [headers '()] #:data [data #f]
                           #:content-decode [decodes '(gzip deflate)])
  (fetch-check-url 'http-sendrecv/url u)
  (unless (member (%url-field u 0) '(#f "http" "https"))
    (error 'http-sendrecv/url "URL scheme ~e not supported" (%url-field u 0)))
  (unless (%url-field u 2) (error 'http-sendrecv/url "Host required: ~e" u))
  (when (equal? (%url-field u 0) "https") (no-tls 'http-sendrecv/url u))
  (let ([c (make-http-connection)]
        [method (if (bytes? method) (bytes->string/utf-8 method) (format "~a" method))])
    (conn-open! c (%url-field u 2) (or (%url-field u 3) 80))
    (send-request! c (request-target u #f #f) method
                   (map (lambda (h) (if (bytes? h) (bytes->string/utf-8 h) h)) headers)
                   data #t decodes)
    (let-values ([(status hs body) (receive-response c method #t)])
      (for ([coding '(gzip deflate)])
        (when (and (memq coding decodes)
                   (header-present? (byte-regexp (string->bytes/utf-8 (format "^(?i:Content-Encoding: +~a)$" coding))) hs))
          (raise (make-exn:fail:unsupported
                  (format "http-sendrecv/url: ~a content decoding is not supported" coding)
                  (current-continuation-marks)))))
      (values status hs body))))

(define (tcp-or-tunnel-connect scheme host port)
  (unless (string? scheme) (%url-contract-error 'tcp-or-tunnel-connect "string?" scheme "1st"))
  (unless (string? host) (%url-contract-error 'tcp-or-tunnel-connect "string?" host "2nd"))
  (unless (and (real? port) (<= 1 port 65535)) (%url-contract-error 'tcp-or-tunnel-connect "(between/c 1 65535)" port "3rd"))
  (%tcp-connect host port))
