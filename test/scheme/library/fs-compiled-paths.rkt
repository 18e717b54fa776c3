#lang racket/base
;; The compiled-file and collection-link parameters: their defaults, the
;; values their guards accept (strings become paths), and their errors.

(define-syntax-rule (try e)
  (with-handlers ([exn:fail? (lambda (x) (printf "error: ~a\n" (exn-message x)))])
    (let ([v e]) (unless (void? v) (println v)))))

(try (use-compiled-file-paths))
(try (parameterize ([use-compiled-file-paths (list "x" (string->path "y/z"))]) (use-compiled-file-paths)))
(try (parameterize ([use-compiled-file-paths '()]) (use-compiled-file-paths)))
(try (use-compiled-file-paths (list "/abs")))
(try (use-compiled-file-paths 5))
(try (and (memq 'same (current-compiled-file-roots)) #t))
(try (parameterize ([current-compiled-file-roots (list "a" 'same)]) (current-compiled-file-roots)))
(try (current-compiled-file-roots (list 'other)))
(try (use-compiled-file-check))
(try (parameterize ([use-compiled-file-check 'exists]) (use-compiled-file-check)))
(try (use-compiled-file-check 5))
(try (current-write-relative-directory))
(try (parameterize ([current-write-relative-directory "/a"]) (current-write-relative-directory)))
(try (parameterize ([current-write-relative-directory (cons "/a" (string->path "/b"))]) (current-write-relative-directory)))
(try (current-write-relative-directory "rel"))
(try (current-write-relative-directory (cons "/a" "b")))
(try (list (use-user-specific-search-paths) (use-collection-link-paths)))
(try (parameterize ([use-user-specific-search-paths 5] [use-collection-link-paths #f])
       (list (use-user-specific-search-paths) (use-collection-link-paths))))
