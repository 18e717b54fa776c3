#lang racket/base
(define (iota n) (let loop ([i (- n 1)] [acc '()]) (if (< i 0) acc (loop (- i 1) (cons i acc)))))
(define (run k acc)
  (if (= k 0)
      acc
      (let* ([l (iota 20000)]
             [m (map (lambda (x) (* x 3)) l)]
             [f (filter (lambda (x) (even? x)) m)]
             [s (foldl + 0 f)]
             [r (reverse f)])
        (run (- k 1) (+ acc s (length r) (car r))))))
(display (run 50 0))
(newline)
