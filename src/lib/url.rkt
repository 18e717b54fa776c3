#lang racket/base
;; net/url's URLs as strings: parsing (string->url, netscape/string->url),
;; printing (url->string), resolving a relative URL against a base, and
;; file: URLs to paths and back. Fetching is lib/url-fetch.rkt.

(provide (rename-out [string->url net/url:string->url]
                     [url->string net/url:url->string]
                     [combine-url/relative net/url:combine-url/relative]
                     [netscape/string->url net/url:netscape/string->url]
                     [path->url net/url:path->url]
                     [url->path net/url:url->path]
                     [file://->path net/url:file://->path]
                     [relative-path->relative-url-string net/url:relative-path->relative-url-string]
                     [file-url-path-convention-type net/url:file-url-path-convention-type]
                     [current-url-encode-mode net/url:current-url-encode-mode]
                     [url-regexp net/url:url-regexp]
                     [url-exception? net/url:url-exception?]
                     [url-error #%rkt-internal:url-error]
                     [url-contract-error #%rkt-internal:url-contract-error]))

;; Each export's contract as a violation shows it, and where it is.
(define url-contracts
  '(
    (string->url "(->\n       (and/c\n        string?\n        #rx\"^(?:([^:/?#]*):)?(?://(?:([^/?#@]*)@)?(?:(?:\\\\[([0-9a-fA-F:]*:[0-9a-fA-F:]*)\\\\])|([^/?#:]*))?(?::([0-9]*))?)?([^?#]*)(?:\\\\?([^#]*))?(?:#(.*))?$\")\n       url?)" "<collects>/net/url-string.rkt:433:2")
    (path->url "(->\n       (or/c path-string? path-for-some-system?)\n       url?)" "<collects>/net/url-string.rkt:434:2")
    (relative-path->relative-url-string "(->\n       (and/c\n        (or/c path-string? path-for-some-system?)\n        relative-path?)\n       string?)" "<collects>/net/url-string.rkt:435:2")
    (url->string "(-> url? string?)" "<collects>/net/url-string.rkt:438:2")
    (url->path "(->*\n       (url?)\n       ((or/c 'unix 'windows))\n       path-for-some-system?)" "<collects>/net/url-string.rkt:439:2")
    (file://->path "(->*\n       (url?)\n       ((or/c 'unix 'windows))\n       path-for-some-system?)" "<collects>/net/url-string.rkt:440:2")
    (netscape/string->url "(-> string? url?)" "<collects>/net/url-string.rkt:441:2")
    (combine-url/relative "(-> url? string? url?)" "<collects>/net/url-string.rkt:442:2")
    (file-url-path-convention-type "(parameter/c (or/c 'unix 'windows))" "<collects>/net/url-string.rkt:444:2")
    (current-url-encode-mode "(parameter/c\n       (or/c 'recommended 'unreserved))" "<collects>/net/url-string.rkt:446:2")
    (get-pure-port "(->*\n       (url?)\n       ((listof string?) #:redirections natural?)\n       input-port?)" "<collects>/net/url.rkt:484:2")
    (get-impure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:485:2")
    (post-pure-port "(->*\n       (url? (or/c #f bytes?))\n       ((listof string?))\n       input-port?)" "<collects>/net/url.rkt:486:2")
    (post-impure-port "(->*\n       (url? bytes?)\n       ((listof string?))\n       input-port?)" "<collects>/net/url.rkt:487:2")
    (head-pure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:488:2")
    (head-impure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:489:2")
    (delete-pure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:490:2")
    (delete-impure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:491:2")
    (put-pure-port "(->*\n       (url? (or/c #f bytes?))\n       ((listof string?))\n       input-port?)" "<collects>/net/url.rkt:492:2")
    (put-impure-port "(->*\n       (url? bytes?)\n       ((listof string?))\n       input-port?)" "<collects>/net/url.rkt:493:2")
    (options-pure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:494:2")
    (options-impure-port "(->* (url?) ((listof string?)) input-port?)" "<collects>/net/url.rkt:495:2")
    (display-pure-port "(-> input-port? void?)" "<collects>/net/url.rkt:496:2")
    (purify-port "(-> input-port? string?)" "<collects>/net/url.rkt:497:2")
    (get-pure-port/headers "(->*\n       (url?)\n       ((listof string?)\n        #:connection\n        (or/c #f http-conn?)\n        #:method\n        (or/c #\"GET\" #\"HEAD\" #\"DELETE\" #\"OPTIONS\")\n        #:redirections\n        natural?\n        #:status?\n        boolean?)\n       (values input-port? string?))" "<collects>/net/url.rkt:498:2")
    (http-connection-close "(-> http-conn? void?)" "<collects>/net/url.rkt:507:2")
    (call/input-url "(case->\n       (->\n        url?\n        (-> url? input-port?)\n        (-> input-port? any)\n        any)\n       (->\n        url?\n        (-> url? (listof string?) input-port?)\n        (-> input-port? any)\n        (listof string?)\n        any))" "<collects>/net/url.rkt:508:2")
    (current-proxy-servers "(parameter/c\n       (or/c\n        #f\n        (listof\n         (list/c string? string? number?))))" "<collects>/net/url.rkt:517:2")
    (current-no-proxy-servers "(parameter/c\n       (or/c #f (listof (or/c string? regexp?))))" "<collects>/net/url.rkt:519:2")
    (proxy-server-for "(->*\n       (string?)\n       ((or/c #f string?))\n       (or/c #f (list/c string? string? number?)))" "<collects>/net/url.rkt:521:2")
    (http-sendrecv/url "(->*\n       (url?)\n       (#:content-decode\n        (listof symbol?)\n        #:data\n        (or/c\n         #f\n         bytes?\n         string?\n         (->\n          (-> (or/c bytes? string?) void?)\n          any))\n        #:headers\n        (listof (or/c bytes? string?))\n        #:method\n        (or/c bytes? string? symbol?))\n       (values\n        bytes?\n        (listof bytes?)\n        input-port?))" "<collects>/net/url.rkt:562:3")
    (tcp-or-tunnel-connect "(->\n       string?\n       string?\n       (between/c 1 65535)\n       (values input-port? output-port?))" "<collects>/net/url.rkt:581:3")))

(define (url-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

;; A contract violation of argument `pos` (an ordinal string, or a text
;; such as "the #:redirections argument of"); `context` leads from the
;; argument to the bad part.
(define (url-contract-error who expected given pos [context ""])
  (let* ([c (cdr (assq who url-contracts))]
         [at (cadr c)]
         [file (car (regexp-match #rx"^[^:]*" at))]
         [in (if (regexp-match? #rx" " pos) pos (format "the ~a argument of" pos))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: ~a~a\n      ~a\n  contract from: ~a\n  blaming: ~a\n   (assuming the contract is correct)\n  at: ~a"
                    who expected given context in (car c) file (url-blamed) at)
            (current-continuation-marks)))))

(define (url-error fmt . args)
  (raise (%make-url-exception
          (apply format fmt (map (lambda (a) (if (%url? a) (url->string a) a)) args))
          (current-continuation-marks))))

(define (url-exception? v)
  (or (%url-exception? v)
      ;; string->url's argument errors used to be url exceptions.
      (and (exn:fail:contract? v) (regexp-match? #rx"^string->url:" (exn-message v)))))

(define file-url-path-convention-type
  (make-parameter (system-path-convention-type)
                  (lambda (v)
                    (unless (memq v '(unix windows))
                      (url-contract-error 'file-url-path-convention-type "(or/c (quote unix) (quote windows))" v
                                          "the parameter of"))
                    v)
                  'file-url-path-convention-type))

(define current-url-encode-mode
  (make-parameter 'recommended
                  (lambda (v)
                    (unless (memq v '(recommended unreserved))
                      (url-contract-error 'current-url-encode-mode "(or/c (quote recommended) (quote unreserved))" v
                                          "the parameter of"))
                    v)
                  'current-url-encode-mode))

(define (url-encode* s)
  (if (eq? (current-url-encode-mode) 'unreserved) (%uri-unreserved-encode s) (%uri-encode s)))

(define (url-path-segment-encode* s)
  (if (eq? (current-url-encode-mode) 'unreserved) (%uri-path-segment-unreserved-encode s) (%uri-path-segment-encode s)))

;; An IPv6 literal host (bracketed in a URL) has a colon among hex digits.
(define url-ipv6-regexp #rx"^[0-9a-fA-F:]*:[0-9a-fA-F:]*$")

;; RFC 3986's regexp, with the authority taken apart: scheme, user, IPv6
;; host, host, port, path, query, fragment.
(define url-regexp
  #rx"^(?:([^:/?#]*):)?(?://(?:([^/?#@]*)@)?(?:(?:\\[([0-9a-fA-F:]*:[0-9a-fA-F:]*)\\])|([^/?#:]*))?(?::([0-9]*))?)?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$")

(define (url->string u)
  (unless (%url? u) (url-contract-error 'url->string "url?" u "1st"))
  (let ([scheme (%url-field u 0)] [user (%url-field u 1)] [host (%url-field u 2)] [port (%url-field u 3)]
        [path (%url-field u 5)] [query (%url-field u 6)] [fragment (%url-field u 7)])
    (when (and (equal? scheme "file") (not (%url-field u 4)))
      (raise-mismatch-error 'url->string "cannot convert relative file URL to a string: " u))
    (when (and (or user host port) (pair? path) (not (%url-field u 4)))
      (raise-mismatch-error 'url->string "cannot convert relative URL with authority to a string: " u))
    (string-append
     (if scheme (string-append scheme ":") "")
     (cond [(or user host port)
            (string-append "//"
                           (if user (string-append (%uri-userinfo-encode user) "@") "")
                           (cond [(not host) ""]
                                 [(regexp-match? url-ipv6-regexp host) (string-append "[" host "]")]
                                 [else host])
                           (if port (string-append ":" (number->string port)) ""))]
           [(equal? scheme "file") "//"]
           [else ""])
     (url-path-string (%url-field u 4) path)
     (if (null? query) "" (string-append "?" (%alist->form-urlencoded query)))
     (if fragment (string-append "#" (url-encode* fragment)) ""))))

(define (url-path-string absolute? path)
  (if (null? path)
      ""
      (let ([segments (map url-segment-string path)])
        (string-append (if absolute? "/" "")
                       (car segments)
                       (apply string-append (map (lambda (s) (string-append "/" s)) (cdr segments)))))))

(define (url-segment-string pp)
  (let ([parts (map url-segment-encode (cons (%path/param-field pp 0) (%path/param-field pp 1)))])
    (apply string-append (car parts) (map (lambda (p) (string-append ";" p)) (cdr parts)))))

(define (url-segment-encode p)
  (cond [(eq? p 'up) ".."]
        [(eq? p 'same) "."]
        [(equal? p "..") "%2e%2e"]
        [(equal? p ".") "%2e"]
        [else (url-path-segment-encode* p)]))

;; A % not followed by a hex digit is taken as itself (as %25).
(define (url-decode/friendly s)
  (and s (%uri-decode (regexp-replace* #rx"%([^0-9a-fA-F])" s "%25\\1"))))

(define (url-segment-decode p)
  (cond [(string=? p "..") 'up]
        [(string=? p ".") 'same]
        [else (%uri-path-segment-decode p)]))

(define (url-path-segments str)
  (let* ([parts (regexp-split #rx"/" str)]
         [parts (if (string=? "" (car parts)) (cdr parts) parts)])
    (map (lambda (s)
           (let ([l (map url-segment-decode (regexp-split #rx";" s))])
             (%make-path/param (car l) (cdr l))))
         parts)))

(define (string->url str)
  (unless (string? str) (url-contract-error 'string->url "string?" str "1st" "an and/c case of\n      "))
  (let* ([m (cdr (regexp-match url-regexp str))]
         [scheme (list-ref m 0)] [user (list-ref m 1)] [ipv6 (list-ref m 2)] [host (list-ref m 3)]
         [port (list-ref m 4)] [path (list-ref m 5)] [query (list-ref m 6)] [fragment (list-ref m 7)])
    (when (and scheme (not (regexp-match? #rx"^[a-zA-Z][a-zA-Z0-9+.-]*$" scheme)))
      (url-error "invalid URL string; bad scheme\n  scheme: ~e\n  in: ~e" scheme str))
    ;; Under the Windows convention, file://c:/... names a drive's path.
    (when (and (or (not port) (equal? port ""))
               (equal? "file" (and scheme (string-downcase scheme)))
               (eq? 'windows (file-url-path-convention-type))
               (not (equal? host ""))
               (or (regexp-match? #rx"^[fF][iI][lL][eE]://[a-zA-Z]:" str) (regexp-match? #rx"^[fF][iI][lL][eE]:\\\\" str)))
      (url-no-windows-paths 'string->url))
    (let* ([scheme (and scheme (string-downcase scheme))]
           ;; An authority's empty host is "" (the host group matched nothing).
           [host (cond [ipv6 (string-downcase ipv6)]
                       [host (string-downcase host)]
                       [(regexp-match? #rx"^(?:[^:/?#]*:)?//" str) ""]
                       [else #f])]
           [user (url-decode/friendly user)]
           [port (and port (string->number port))]
           [abs? (or (equal? "file" scheme) (regexp-match? #rx"^/" path))]
           ;; With an authority, the path is absolute even if it is empty.
           [use-abs? (or abs? (and (or host user port) #t))]
           [segments (url-path-segments path)]
           [query (if query (%form-urlencoded->alist query) '())]
           [fragment (url-decode/friendly fragment)])
      (when (and (not abs?) (pair? segments) host)
        (url-error "invalid URL string;\n host provided with non-absolute path (i.e., missing a slash)\n  in: ~e" str))
      (%make-url scheme user host port use-abs? segments query fragment))))

;; rkt's paths are Unix paths only.
(define (url-no-windows-paths who)
  (raise (make-exn:fail:unsupported (format "~a: Windows paths are not supported" who) (current-continuation-marks))))

(define (netscape/string->url str)
  (unless (string? str) (url-contract-error 'netscape/string->url "string?" str "1st"))
  (let ([u (string->url str)])
    (cond [(%url-field u 0) u]
          [(string=? str "") (url-error "can't resolve empty string as URL")]
          [else (%set-url-field! u 0 (if (char=? (string-ref str 0) #\/) "file" "http")) u])))

;; RFC 3986, section 5.2.2.
(define (combine-url/relative base str)
  (unless (%url? base) (url-contract-error 'combine-url/relative "url?" base "1st"))
  (unless (string? str) (url-contract-error 'combine-url/relative "string?" str "2nd"))
  (let ([r (string->url str)])
    (define-values (scheme user host port abs? path query)
      (cond
        [(%url-field r 0)
         (values (%url-field r 0) (%url-field r 1) (%url-field r 2) (%url-field r 3) (%url-field r 4)
                 (url-remove-dots (%url-field r 5)) (%url-field r 6))]
        [(%url-field r 2)
         (values (%url-field base 0) (%url-field r 1) (%url-field r 2) (%url-field r 3) (%url-field r 4)
                 (url-remove-dots (%url-field r 5)) (%url-field r 6))]
        [(null? (%url-field r 5))
         (values (%url-field base 0) (%url-field base 1) (%url-field base 2) (%url-field base 3) (%url-field base 4)
                 (%url-field base 5) (if (null? (%url-field r 6)) (%url-field base 6) (%url-field r 6)))]
        [(%url-field r 4)
         (values (%url-field base 0) (%url-field base 1) (%url-field base 2) (%url-field base 3) #t
                 (url-remove-dots (%url-field r 5)) (%url-field r 6))]
        [(and (null? (%url-field base 5)) (%url-field base 2))
         (values (%url-field base 0) (%url-field base 1) (%url-field base 2) (%url-field base 3) #t
                 (url-remove-dots (%url-field r 5)) (%url-field r 6))]
        [else
         (values (%url-field base 0) (%url-field base 1) (%url-field base 2) (%url-field base 3) (%url-field base 4)
                 (url-remove-dots (append (url-all-but-last (%url-field base 5)) (%url-field r 5))) (%url-field r 6))]))
    (%make-url scheme user host port abs? path query (%url-field r 7))))

(define (url-all-but-last l)
  (if (or (null? l) (null? (cdr l))) '() (cons (car l) (url-all-but-last (cdr l)))))

;; RFC 3986, section 5.2.4; a final "." or ".." leaves an empty segment
;; (a trailing slash), and ".." above the top is dropped.
(define (url-remove-dots path)
  (let loop ([path path] [out '()])
    (if (null? path)
        (reverse out)
        (let ([seg (%path/param-field (car path) 0)] [rest (cdr path)])
          (loop rest
                (cond [(and (eq? seg 'same) (null? rest)) (cons (%make-path/param "" '()) out)]
                      [(eq? seg 'same) out]
                      [(and (eq? seg 'up) (null? rest) (pair? out)) (cons (%make-path/param "" '()) (cdr out))]
                      [(and (eq? seg 'up) (pair? out)) (cdr out)]
                      [(eq? seg 'up) out]
                      [else (cons (car path) out)]))))))

(define (path->url p)
  (unless (or (path-string? p) (path-for-some-system? p))
    (url-contract-error 'path->url "(or/c path-string? path-for-some-system?)" p "1st"))
  (let* ([simple (simplify-path p #f)]
         [dir? (let-values ([(base name dir?) (split-path simple)]) dir?)]
         ;; The elements from the root (dropped) down, as path/params.
         [elements
          (let loop ([q simple] [acc '()])
            (let-values ([(base name dir?) (split-path q)])
              (cond [(not base) (cons "" acc)]
                    [else
                     (let ([acc (cons (%make-path/param (if (symbol? name) name (bytes->string/utf-8 (path-element->bytes name))) '())
                                      acc)])
                       (if (eq? base 'relative) (cons "" acc) (loop base acc)))])))])
    (%make-url "file" #f (car elements) #f (absolute-path? p)
         (if dir? (append (cdr elements) (list (%make-path/param "" '()))) (cdr elements))
         '() #f)))

(define (file://->path u [kind (system-path-convention-type)])
  (url-file-path 'file://->path u kind))

(define (url->path u [kind (system-path-convention-type)])
  (url-file-path 'url->path u kind))

(define (url-file-path who u kind)
  (unless (%url? u) (url-contract-error who "url?" u "1st"))
  (unless (memq kind '(unix windows)) (url-contract-error who "(or/c (quote unix) (quote windows))" kind "2nd"))
  (when (eq? kind 'windows) (url-no-windows-paths who))
  (let ([elements (map (lambda (pp)
                         (let ([e (%path/param-field pp 0)])
                           (cond [(symbol? e) e]
                                 [(string=? e "") 'same]
                                 [else (bytes->path-element (string->bytes/locale e) kind)])))
                       (%url-field u 5))])
    (if (%url-field u 4)
        (apply build-path (bytes->path #"/" 'unix) elements)
        (apply build-path elements))))

(define (relative-path->relative-url-string p)
  (unless (and (or (path-string? p) (path-for-some-system? p)) (relative-path? p))
    (if (or (path-string? p) (path-for-some-system? p))
        (url-contract-error 'relative-path->relative-url-string "relative-path?" p "1st" "an and/c case of\n      ")
        (url-contract-error 'relative-path->relative-url-string "(or/c path-string? path-for-some-system?)" p "1st"
                            "an and/c case of\n      ")))
  (let* ([parts (let loop ([q (if (string? p) (string->path p) p)] [acc '()])
                  (let-values ([(base name dir?) (split-path q)])
                    (let ([acc (cons name acc)])
                      (if (path? base) (loop base acc) acc))))]
         [strings (map (lambda (e)
                         (cond [(eq? e 'same) "."]
                               [(eq? e 'up) ".."]
                               [else (url-encode* (path-element->string e))]))
                       parts)]
         [s (if (null? strings) "" (apply string-append (car strings) (map (lambda (x) (string-append "/" x)) (cdr strings))))])
    (let-values ([(base name dir?) (split-path p)])
      (if dir? (string-append s "/") s))))
