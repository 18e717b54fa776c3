#lang racket/base
(define (count n)
  (let loop ([i 0] [acc 0])
    (if (= i n) acc (loop (+ i 1) (+ acc 1)))))
(display (count 5000000))
(newline)
