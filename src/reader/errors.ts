// Reader errors, worded and located as Racket 8.7's reader words and locates them.

import type { SrcLoc } from '../values/syntax.js';

export class ReadError extends Error {
  constructor(
    message: string,
    /** Where Racket's `exn:fail:read-srclocs` points: usually the start of the
     * datum being read, spanning up to where reading stopped. Null when Racket
     * reports no location (a `#;` with nothing after it at top level). */
    readonly loc: SrcLoc | null,
    /** True when Racket raises `exn:fail:read:eof`: the input ended too soon,
     * so more input could make it readable (a REPL should ask for more). */
    readonly incomplete: boolean,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
