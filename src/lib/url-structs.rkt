#lang racket/base
;; net/url-structs: the url and path/param structures' constructors,
;; predicates, accessors and mutators, checked as the contracts
;; url-structs.rkt exports them with (the structure types are
;; prims/url-structs.ts). net/url provides them too.

(provide (rename-out [url net/url-structs:make-url] [url net/url:make-url]
                     [url? net/url-structs:url?] [url? net/url:url?]
                     [url-scheme net/url-structs:url-scheme] [url-scheme net/url:url-scheme]
                     [url-user net/url-structs:url-user] [url-user net/url:url-user]
                     [url-host net/url-structs:url-host] [url-host net/url:url-host]
                     [url-port net/url-structs:url-port] [url-port net/url:url-port]
                     [url-path-absolute? net/url-structs:url-path-absolute?] [url-path-absolute? net/url:url-path-absolute?]
                     [url-path net/url-structs:url-path] [url-path net/url:url-path]
                     [url-query net/url-structs:url-query] [url-query net/url:url-query]
                     [url-fragment net/url-structs:url-fragment] [url-fragment net/url:url-fragment]
                     [set-url-scheme! net/url-structs:set-url-scheme!] [set-url-scheme! net/url:set-url-scheme!]
                     [set-url-user! net/url-structs:set-url-user!] [set-url-user! net/url:set-url-user!]
                     [set-url-host! net/url-structs:set-url-host!] [set-url-host! net/url:set-url-host!]
                     [set-url-port! net/url-structs:set-url-port!] [set-url-port! net/url:set-url-port!]
                     [set-url-path-absolute?! net/url-structs:set-url-path-absolute?!] [set-url-path-absolute?! net/url:set-url-path-absolute?!]
                     [set-url-path! net/url-structs:set-url-path!] [set-url-path! net/url:set-url-path!]
                     [set-url-query! net/url-structs:set-url-query!] [set-url-query! net/url:set-url-query!]
                     [set-url-fragment! net/url-structs:set-url-fragment!] [set-url-fragment! net/url:set-url-fragment!]
                     [path/param net/url-structs:make-path/param] [path/param net/url:make-path/param]
                     [path/param? net/url-structs:path/param?] [path/param? net/url:path/param?]
                     [path/param-path net/url-structs:path/param-path] [path/param-path net/url:path/param-path]
                     [path/param-param net/url-structs:path/param-param] [path/param-param net/url:path/param-param]))

;; Each procedure's contract as a violation shows it, and where it is.
(define url-struct-contracts
  '(
    (url-scheme "(-> url? (or/c #f string?))" "<collects>/net/url-structs.rkt:4:28")
    (url-user "(-> url? (or/c #f string?))" "<collects>/net/url-structs.rkt:4:28")
    (url-host "(-> url? (or/c #f string?))" "<collects>/net/url-structs.rkt:4:28")
    (url-port "(-> url? (or/c #f number?))" "<collects>/net/url-structs.rkt:4:28")
    (url-path-absolute? "(-> url? boolean?)" "<collects>/net/url-structs.rkt:4:28")
    (url-path "(-> url? (listof path/param?))" "<collects>/net/url-structs.rkt:4:28")
    (url-query "(->\n       url?\n       (listof\n        (cons/c symbol? (or/c string? #f))))" "<collects>/net/url-structs.rkt:4:28")
    (url-fragment "(-> url? (or/c #f string?))" "<collects>/net/url-structs.rkt:4:28")
    (set-url-scheme! "(-> url? (or/c #f string?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-user! "(-> url? (or/c #f string?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-host! "(-> url? (or/c #f string?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-port! "(-> url? (or/c #f number?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-path-absolute?! "(-> url? boolean? void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-path! "(-> url? (listof path/param?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-query! "(->\n       url?\n       (listof (cons/c symbol? (or/c string? #f)))\n       void?)" "<collects>/net/url-structs.rkt:4:28")
    (set-url-fragment! "(-> url? (or/c #f string?) void?)" "<collects>/net/url-structs.rkt:4:28")
    (make-url "(->\n       (or/c #f string?)\n       (or/c #f string?)\n       (or/c #f string?)\n       (or/c #f number?)\n       boolean?\n       (listof path/param?)\n       (listof (cons/c symbol? (or/c string? #f)))\n       (or/c #f string?)\n       url?)" "<collects>/net/url-structs.rkt:4:28")
    (path/param-path "(->\n       path/param?\n       (or/c string? (or/c 'up 'same)))" "<collects>/net/url-structs.rkt:8:28")
    (path/param-param "(-> path/param? (listof string?))" "<collects>/net/url-structs.rkt:8:28")
    (make-path/param "(->\n       (or/c string? (or/c 'up 'same))\n       (listof string?)\n       path/param?)" "<collects>/net/url-structs.rkt:8:28")))

(define (url-struct-blamed)
  (let ([run (find-system-path 'run-file)])
    (if (regexp-match? #rx"[.]rkt$" (path->string run))
        (path->string (path->complete-path run))
        "top-level")))

(define (url-struct-ordinal n) (vector-ref '#("0th" "1st" "2nd" "3rd" "4th" "5th" "6th" "7th" "8th") n))

;; `problem` is (list expected given context), context being what leads
;; from the argument to the bad part ("an element of\n      ", ...).
(define (url-struct-error who pos problem)
  (let ([c (cdr (assq who url-struct-contracts))])
    (raise (make-exn:fail:contract
            (format "~a: contract violation\n  expected: ~a\n  given: ~e\n  in: ~athe ~a argument of\n      ~a\n  contract from: \n      <collects>/net/url-structs.rkt\n  blaming: ~a\n   (assuming the contract is correct)\n  at: ~a"
                    who (car problem) (cadr problem) (caddr problem) (url-struct-ordinal pos) (car c)
                    (url-struct-blamed) (cadr c))
            (current-continuation-marks)))))

;; What is wrong with `v` as a value of field kind `kind`, or #f.
(define (url-field-problem kind v)
  (case kind
    [(string) (and v (not (string? v)) (list "(or/c #f string?)" v ""))]
    [(number) (and v (not (number? v)) (list "(or/c #f number?)" v ""))]
    [(boolean) (and (not (boolean? v)) (list "boolean?" v ""))]
    [(path) (url-list-problem v (lambda (e) (and (not (%path/param? e)) (list "path/param?" e "an element of\n      "))))]
    [(query)
     (url-list-problem
      v
      (lambda (e)
        (cond [(not (pair? e)) (list "pair?" e "an element of\n      ")]
              [(not (symbol? (car e))) (list "symbol?" (car e) "the car of\n      an element of\n      ")]
              [(not (or (string? (cdr e)) (not (cdr e))))
               (list "(or/c string? #f)" (cdr e) "the cdr of\n      an element of\n      ")]
              [else #f])))]
    [(segment) (and (not (or (string? v) (eq? v 'up) (eq? v 'same)))
                    (list "(or/c string? (or/c (quote up) (quote same)))" v ""))]
    [(strings) (url-list-problem v (lambda (e) (and (not (string? e)) (list "string?" e "an element of\n      "))))]
    [else #f]))

(define (url-list-problem v element-problem)
  (if (list? v)
      (let loop ([l v]) (and (pair? l) (or (element-problem (car l)) (loop (cdr l)))))
      (list "list?" v "")))

(define url-field-kinds '#(string string string number boolean path query string))

(define (url scheme user host port path-absolute? path query fragment)
  (let ([fields (list scheme user host port path-absolute? path query fragment)])
    (let loop ([fs fields] [i 0])
      (when (pair? fs)
        (let ([p (url-field-problem (vector-ref url-field-kinds i) (car fs))])
          (if p (url-struct-error 'make-url (+ i 1) p) (loop (cdr fs) (+ i 1))))))
    (%make-url scheme user host port path-absolute? path query fragment)))

(define (url? v) (%url? v))

(define (url-get who u i)
  (unless (%url? u) (url-struct-error who 1 (list "url?" u "")))
  (%url-field u i))

(define (url-set! who u i v)
  (unless (%url? u) (url-struct-error who 1 (list "url?" u "")))
  (let ([p (url-field-problem (vector-ref url-field-kinds i) v)])
    (when p (url-struct-error who 2 p)))
  (%set-url-field! u i v))

(define (url-scheme u) (url-get 'url-scheme u 0))
(define (url-user u) (url-get 'url-user u 1))
(define (url-host u) (url-get 'url-host u 2))
(define (url-port u) (url-get 'url-port u 3))
(define (url-path-absolute? u) (url-get 'url-path-absolute? u 4))
(define (url-path u) (url-get 'url-path u 5))
(define (url-query u) (url-get 'url-query u 6))
(define (url-fragment u) (url-get 'url-fragment u 7))
(define (set-url-scheme! u v) (url-set! 'set-url-scheme! u 0 v))
(define (set-url-user! u v) (url-set! 'set-url-user! u 1 v))
(define (set-url-host! u v) (url-set! 'set-url-host! u 2 v))
(define (set-url-port! u v) (url-set! 'set-url-port! u 3 v))
(define (set-url-path-absolute?! u v) (url-set! 'set-url-path-absolute?! u 4 v))
(define (set-url-path! u v) (url-set! 'set-url-path! u 5 v))
(define (set-url-query! u v) (url-set! 'set-url-query! u 6 v))
(define (set-url-fragment! u v) (url-set! 'set-url-fragment! u 7 v))

(define (path/param path param)
  (let ([p (url-field-problem 'segment path)])
    (when p (url-struct-error 'make-path/param 1 p)))
  (let ([p (url-field-problem 'strings param)])
    (when p (url-struct-error 'make-path/param 2 p)))
  (%make-path/param path param))

(define (path/param? v) (%path/param? v))

(define (path/param-path p)
  (unless (%path/param? p) (url-struct-error 'path/param-path 1 (list "path/param?" p "")))
  (%path/param-field p 0))

(define (path/param-param p)
  (unless (%path/param? p) (url-struct-error 'path/param-param 1 (list "path/param?" p "")))
  (%path/param-field p 1))
