#lang racket
(bytes-join (list #"a" #"b" #"c") #", ")
(bytes-join '() #"-")
(bytes-append* #"x" (list #"y" #"z"))
(bytes-append* (list #"only"))
(with-handlers ([exn:fail? exn-message]) (bytes-join '(1) #""))
(with-handlers ([exn:fail? exn-message]) (bytes-join (list #"a") 5))
