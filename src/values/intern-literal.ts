// `datum-intern-literal`: the one table of interned literals. Racket's
// `read-syntax` interns the strings, byte strings, numbers, characters and
// regexps it reads, so that equal literals in code are `eq?`; the reader
// (in read-syntax mode) and the primitive share this table, so
// `(eq? (datum-intern-literal (string #\a)) "a")` holds as in Racket.
//
// Entries are weak: a literal no code refers to any more can be collected.
// Fixnums, bignums (JS BigInts), flonums (eq? compares them by value) and
// characters (Char.of) are already eq? when equal, so they pass through.

import { RRegexp } from './regexp.js';
import { Complex, Flonum, RBytes, Rational, RString, type Value } from './types.js';

const table = new Map<string, WeakRef<object>>();
const cleanup = new FinalizationRegistry<string>((key) => {
  const ref = table.get(key);
  if (ref !== undefined && ref.deref() === undefined) table.delete(key);
});

function interned<T extends object>(key: string, make: () => T): T {
  const old = table.get(key)?.deref();
  if (old !== undefined) return old as T;
  const v = make();
  table.set(key, new WeakRef(v));
  cleanup.register(v, key);
  return v;
}

function bytesKey(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function realKey(n: number | bigint | Rational | Flonum): string {
  if (n instanceof Rational) return `${n.num}/${n.den}`;
  if (n instanceof Flonum) return Object.is(n.n, -0) ? '-0.0' : `${n.n}.f`;
  return String(n);
}

/** The interned value equal to `v` when `v` is a literal kind Racket interns; otherwise `v` itself. */
export function internLiteral(v: Value): Value {
  if (v instanceof RString) return interned(`s${v.s}`, () => (v.immutable ? v : new RString(v.s, true)));
  if (v instanceof RBytes) {
    return interned(`b${bytesKey(v.bytes)}`, () => (v.immutable ? v : new RBytes(v.bytes.slice(), true)));
  }
  if (v instanceof Rational) return interned(`q${realKey(v)}`, () => v);
  if (v instanceof Complex) return interned(`c${realKey(v.re)}+${realKey(v.im)}`, () => v);
  if (v instanceof RRegexp) return interned(`r${v.px ? 'p' : 'r'}${v.bytes ? 'b' : 's'}${v.source}`, () => v);
  return v;
}
