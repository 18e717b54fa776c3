#lang typed/racket
(with-handlers ([exn:fail? exn-message]) (assert 3 negative?))
(with-handlers ([exn:fail? exn-message]) (assert (string->number "x")))
(with-handlers ([exn:fail? (lambda ([e : exn]) (list (exn:fail:contract? e) (exn-message e)))]) (assert "s" number?))
