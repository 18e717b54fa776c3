// Placeholders and make-reader-graph: building cyclic data out of pairs,
// vectors, boxes and hash tables, as the reader does for #0= and #0#.

import { argError } from '../errors/messages.js';
import { HashPlaceholder, Placeholder, readerGraph } from '../values/placeholder.js';
import { Pair, VOID, isList, listToArray, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export { HashPlaceholder, Placeholder } from '../values/placeholder.js';

function assocs(who: string, l: Value): [Value, Value][] {
  if (!isList(l)) return argError(who, '(listof pair?)', l);
  return listToArray(l).map((p) => (p instanceof Pair ? ([p.car, p.cdr] as [Value, Value]) : argError(who, '(listof pair?)', l)));
}

export function installPlaceholders(t: PrimTable): void {
  t.fn('make-placeholder', 1, 1, (v: Value) => new Placeholder(v));
  t.fn('placeholder?', 1, 1, (v: Value) => v instanceof Placeholder);
  t.fn('placeholder-get', 1, 1, (p: Value) => (p instanceof Placeholder ? p.value : argError('placeholder-get', 'placeholder?', p)));
  t.fn('placeholder-set!', 2, 2, (p: Value, v: Value) => {
    if (!(p instanceof Placeholder)) return argError('placeholder-set!', 'placeholder?', p);
    p.value = v;
    return VOID;
  });
  for (const [suffix, kind] of [
    ['', 'equal'],
    ['eq', 'eq'],
    ['eqv', 'eqv'],
    ['alw', 'equal-always'],
  ] as const) {
    const who = `make-hash${suffix}-placeholder`;
    t.fn(who, 1, 1, (l: Value) => new HashPlaceholder(kind, assocs(who, l)));
  }
  t.fn('hash-placeholder?', 1, 1, (v: Value) => v instanceof HashPlaceholder);
  t.fn('make-reader-graph', 1, 1, readerGraph);
}
