// `make-known-char-range-list`: the ranges of characters whose Unicode
// properties Racket 8.7 knows (Unicode 14.0). The list is committed data
// made by Racket itself (scripts/known-char-ranges.rkt), since Node's
// Unicode tables are newer than Racket's.

import { NULL, Pair, type Value } from '../values/types.js';
import { KNOWN_CHAR_RANGES } from './known-char-ranges-data.js';
import type { PrimTable } from './table.js';

export function installCharRanges(t: PrimTable): void {
  t.fn('make-known-char-range-list', 0, 0, () => {
    let out: Value = NULL;
    for (let i = KNOWN_CHAR_RANGES.length - 3; i >= 0; i -= 3) {
      const range = new Pair(KNOWN_CHAR_RANGES[i], new Pair(KNOWN_CHAR_RANGES[i + 1], new Pair(KNOWN_CHAR_RANGES[i + 2] === 1, NULL)));
      out = new Pair(range, out);
    }
    return out;
  });
}
