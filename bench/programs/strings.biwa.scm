;; BiwaScheme has no byte strings: the same workload over strings and char lists.
(define (make-line i) (string-append "line-" (number->string i) ":" (make-string (modulo i 7) #\x)))
(define (run n acc)
  (if (= n 0)
      acc
      (let* ((s (make-line n))
             (b (map char->integer (string->list s)))
             (sub (substring s 0 (min 5 (string-length s))))
             (back (list->string (map integer->char b)))
             (same (if (string=? back s) 1 0))
             (first-byte (car b)))
        (run (- n 1) (+ acc same first-byte (string-length sub) (length b))))))
(display (run 200000 0))
(newline)
