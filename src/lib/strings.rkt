#lang racket/base
;; Strings: racket/base's build-string, and the keyword front ends of
;; racket/string (the work is in prims/string-lib.ts).

(provide build-string
         regexp-replaces
         regexp-match-peek-positions*
         (rename-out [string-append* racket/string:string-append*]
                     [string-join racket/string:string-join]
                     [string-split racket/string:string-split]
                     [string-trim racket/string:string-trim]
                     [string-normalize-spaces racket/string:string-normalize-spaces]
                     [string-replace racket/string:string-replace]))

(define (build-string n f) (list->string (build-list n f)))

(define (string-append* s . ss) (apply apply string-append s ss))

(define (string-join strs [sep " "] #:before-first [before-first %no-separator]
                     #:before-last [before-last sep] #:after-last [after-last %no-separator])
  (%string-join strs sep before-first before-last after-last))

(define (string-split str [sep %no-separator] #:trim? [trim? #t] #:repeat? [repeat? #f])
  (%string-split 'string-split str sep trim? repeat?))

(define (string-trim str [sep %no-separator] #:left? [left? #t] #:right? [right? #t] #:repeat? [repeat? #f])
  (%string-trim str sep left? right? repeat?))

(define (string-normalize-spaces str [sep %no-separator] [space " "] #:trim? [trim? #t] #:repeat? [repeat? #f])
  (string-join (%string-split 'string-normalize-spaces str sep trim? repeat?) space))

(define (string-replace str from to #:all? [all? #t])
  (%string-replace str from to all?))

;; Each replacement in turn, on the result of the one before.
(define (regexp-replaces string replacements)
  (let loop ([string string] [replacements replacements])
    (if (null? replacements)
        string
        (loop (regexp-replace* (caar replacements) string (cadar replacements))
              (cdr replacements)))))

(define (regexp-match-peek-positions* pattern input [start 0] [end #f] [input-prefix #""]
                                      #:match-select [match-select car])
  (define matches (%regexp-peek-positions-all pattern input start end input-prefix))
  (if (eq? match-select car)
      (map car matches)
      (map match-select matches)))
