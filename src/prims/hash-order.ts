// The order of a hash table's entries under `try-order?` (hash-map,
// hash-for-each, and racket/pretty, which prints in that order), as Racket
// CS sorts them: by key when every key is "orderable" (booleans,
// characters, reals, symbols, keywords, strings, byte strings, null, void,
// eof, in that order of kinds), otherwise in the table's order.

import { compareCodePoints, compareReals } from '../printer/print.js';
import { compareBytes } from '../values/equal.js';
import type { RHash } from '../values/hash.js';
import { isReal } from '../values/numbers.js';
import { Char, EOF, Keyword, NULL, RBytes, RString, Sym, VOID, type Value } from '../values/types.js';
import { isUnreadableSymbol } from './symbols.js';

function major(v: Value): number | null {
  if (typeof v === 'boolean') return 0;
  if (v instanceof Char) return 1;
  if (isReal(v)) return 2;
  if (v instanceof Sym) return 3;
  if (v instanceof Keyword) return 4;
  if (v instanceof RString) return 5;
  if (v instanceof RBytes) return 6;
  if (v === NULL) return 7;
  if (v === VOID) return 8;
  if (v === EOF) return 9;
  return null;
}

/** Interned symbols after unreadable ones, after uninterned ones; by name within each. */
function symbolRank(s: Sym): number {
  if (s.interned) return 2;
  return isUnreadableSymbol(s) ? 1 : 0;
}

/** Keys of the same kind, compared. */
function compareSameKind(a: Value, b: Value): number {
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Char) return a.code - (b as Char).code;
  if (a instanceof Sym) {
    const r = symbolRank(a) - symbolRank(b as Sym);
    return r !== 0 ? r : compareCodePoints(a.name, (b as Sym).name);
  }
  if (a instanceof Keyword) return compareCodePoints(a.name, (b as Keyword).name);
  if (a instanceof RString) return compareCodePoints(a.s, (b as RString).s);
  if (a instanceof RBytes) return compareBytes(a.bytes, (b as RBytes).bytes);
  if (isReal(a)) return compareReals(a, b);
  return 0;
}

/** `entries` sorted by key when every key is orderable; otherwise `entries` as they are. */
export function inTryOrder(entries: [Value, Value][]): [Value, Value][] {
  const majors = entries.map(([k]) => major(k));
  if (majors.some((m) => m === null)) return entries;
  const keyed = entries.map((e, i) => ({ e, m: majors[i]! }));
  keyed.sort((x, y) => (x.m !== y.m ? x.m - y.m : compareSameKind(x.e[0], y.e[0])));
  return keyed.map((x) => x.e);
}

/** A table's entries in the order racket/pretty prints them. */
export function prettyHashEntries(h: RHash): [Value, Value][] {
  return inTryOrder(h.entries().map(([k, v]) => [k, v] as [Value, Value]));
}
