#lang racket/base
;; Writes what Racket 8.7's libraries export, for rkt's coverage test and
;; `npm run coverage`:  racket scripts/exports.rkt > test/data/exports.json
;; For each library: its phase-0 names (without the #% forms), whether each
;; is syntax or a value, and for procedures their arity and keywords.
(require json racket/list)

(define libraries
  '(racket/base racket
    ;; What `#lang racket` is made of, and racket/udp's neighbours.
    racket/contract racket/class racket/unit racket/dict racket/function racket/port racket/system
    racket/path racket/file racket/math racket/stream racket/promise racket/sequence
    racket/generator racket/pretty racket/format racket/bool racket/local racket/shared
    racket/struct-info racket/tcp racket/udp racket/async-channel racket/place racket/future racket/set racket/generic
    racket/list racket/string racket/vector racket/match racket/cmdline
    ;; Libraries real programs require beside it.
    json data/queue data/gvector racket/trace racket/enter racket/date racket/hash racket/bytes file/sha1 file/md5
    net/base64 net/url-structs net/url net/uri-codec racket/unsafe/ops racket/flonum racket/fixnum
    rackunit rackunit/text-ui
    ;; Old and typed languages.
    mzlib/match scheme scheme/base mzscheme typed/racket typed/racket/base))

(define (arity->jsexpr a)
  (cond [(exact-nonnegative-integer? a) a]
        [(arity-at-least? a) (hasheq 'atLeast (arity-at-least-value a))]
        [else (map arity->jsexpr a)]))

(define (describe lib)
  (dynamic-require lib (void))
  (define-values (variables syntaxes) (module->exports lib))
  (define (at-phase-0 exports) (map car (cond [(assv 0 exports) => cdr] [else '()])))
  (define (visible? name) (not (regexp-match? #rx"^#%" (symbol->string name))))
  (define ns (make-base-empty-namespace))
  (parameterize ([current-namespace ns]) (namespace-require lib))
  (define (value-entry name)
    (define v (parameterize ([current-namespace ns]) (namespace-variable-value name)))
    (cond
      [(procedure? v)
       (define-values (required accepted) (procedure-keywords v))
       (hasheq 'kind "procedure"
               'arity (arity->jsexpr (procedure-arity v))
               'requiredKeywords (map keyword->string required)
               'acceptedKeywords (if accepted (map keyword->string accepted) 'null))]
      [else (hasheq 'kind "value")]))
  (define entries
    (append
     (for/list ([name (at-phase-0 variables)] #:when (visible? name))
       (cons name (value-entry name)))
     (for/list ([name (at-phase-0 syntaxes)] #:when (visible? name))
       (cons name (hasheq 'kind "syntax")))))
  (for/hasheq ([e (sort entries symbol<? #:key car)])
    (values (car e) (cdr e))))

;; One name per line, so that a change to an export list is a readable diff.
(define (write-library lib last?)
  (define entries (describe lib))
  (define names (sort (hash-keys entries) symbol<?))
  (printf "    ~a: {\n" (jsexpr->string (symbol->string lib)))
  (for ([name names] [i (in-naturals 1)])
    (printf "      ~a: ~a~a\n"
            (jsexpr->string (symbol->string name))
            (jsexpr->string (hash-ref entries name))
            (if (= i (length names)) "" ",")))
  (printf "    }~a\n" (if last? "" ",")))

(define sorted-libraries (sort libraries symbol<?))
(printf "{\n  \"libraries\": {\n")
(for ([lib sorted-libraries] [i (in-naturals 1)])
  (write-library lib (= i (length sorted-libraries))))
(printf "  },\n  \"racket\": ~a\n}\n" (jsexpr->string (version)))
