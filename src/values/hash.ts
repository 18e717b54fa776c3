// Hash tables: `equal?`-, `equal-always?`-, `eqv?`- and `eq?`-based,
// mutable and immutable; mutable ones strong, weak or ephemeron.
//
// Entries live in a JS Map keyed by an encoding that is equal for two keys
// exactly when the table's equivalence says they are the same key
// (see equal.ts), so lookups are one Map access. Insertion order is kept.

import { encode, equalAlwaysKey, eqvKey, equalKey, registerEqualHook, registerEqualKeyHook } from './equal.js';
import type { Value } from './types.js';

export type HashKind = 'equal' | 'eqv' | 'eq' | 'equal-always';

/**
 * How a mutable table holds its keys. Weak and ephemeron tables hold them
 * strongly here: the difference shows only through garbage collection, and
 * every other behaviour (printing, equal?, iteration, hash-count) follows
 * the table's strength as Racket's does.
 */
export type HashStrength = 'strong' | 'weak' | 'ephemeron';

export class RHash {
  constructor(
    readonly kind: HashKind,
    readonly mutable: boolean,
    /** encoded key -> [original key, value] */
    readonly map: Map<unknown, [Value, Value]> = new Map(),
    readonly strength: HashStrength = 'strong',
  ) {}

  keyOf(k: Value): unknown {
    const kind = this.kind;
    if (kind === 'equal') return equalKey(k);
    return kind === 'equal-always' ? equalAlwaysKey(k) : eqvKey(k);
  }

  get(k: Value): Value | undefined {
    const e = this.map.get(this.keyOf(k));
    return e === undefined ? undefined : e[1];
  }

  has(k: Value): boolean {
    return this.map.has(this.keyOf(k));
  }

  /** Mutating set, for mutable tables and for building fresh immutable ones. */
  setInPlace(k: Value, v: Value): void {
    this.map.set(this.keyOf(k), [k, v]);
  }

  deleteInPlace(k: Value): void {
    this.map.delete(this.keyOf(k));
  }

  /** Functional update for immutable tables. */
  withSet(k: Value, v: Value): RHash {
    const copy = new RHash(this.kind, false, new Map(this.map));
    copy.setInPlace(k, v);
    return copy;
  }

  withRemoved(k: Value): RHash {
    const copy = new RHash(this.kind, false, new Map(this.map));
    copy.deleteInPlace(k);
    return copy;
  }

  get size(): number {
    return this.map.size;
  }
}

export function makeHash(kind: HashKind, mutable: boolean, entries: Iterable<[Value, Value]> = []): RHash {
  const h = new RHash(kind, mutable);
  for (const [k, v] of entries) h.setInPlace(k, v);
  return h;
}

// equal? on hash tables compares contents, as Racket does: the same kind of
// key comparison, both mutable or both immutable, and the same keys with
// equal? values. Their equal?-key (for equal-hash-code and for tables used
// as keys) does not depend on insertion order.
registerEqualHook({
  equal(a, b, recur) {
    if (!(a instanceof RHash)) return undefined;
    if (!(b instanceof RHash) || a.kind !== b.kind || a.mutable !== b.mutable || a.strength !== b.strength || a.size !== b.size) {
      return false;
    }
    for (const [key, [, v]] of a.map) {
      const other = b.map.get(key);
      if (other === undefined || !recur(v, other[1])) return false;
    }
    return true;
  },
});
registerEqualKeyHook((v) => {
  if (!(v instanceof RHash)) return undefined;
  const entries = [...v.map.values()].map(([k, val]) => encode(k) + '=' + encode(val)).sort();
  return `H${v.kind}${v.mutable ? 'm' : 'i'}${v.strength}{${entries.join('')}}`;
});
