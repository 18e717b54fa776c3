// A `#s(key field ...)` prefab structure literal as the reader finds it. The
// struct library turns it into a prefab instance. The reader has already
// checked, as Racket does, that the key is a valid prefab key, that it agrees
// with the number of fields, and that all fields are immutable.

import type { Syntax } from '../values/syntax.js';

export class PrefabLiteral {
  constructor(
    /** The prefab key (a symbol or a list such as `(point 2 #(0))`). */
    readonly key: Syntax,
    readonly fields: Syntax[],
  ) {}
}
