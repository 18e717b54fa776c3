(define (square n) (* n n))
(define loaded-value (square 12))
(printf "loading: ~a\n" loaded-value)
(values 'last 'form)
