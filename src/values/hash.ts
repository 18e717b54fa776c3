// Hash tables: `equal?`-, `equal-always?`-, `eqv?`- and `eq?`-based,
// mutable and immutable; mutable ones strong, weak or ephemeron.
//
// Entries are keyed by an encoding that is equal for two keys exactly when
// the table's equivalence says they are the same key (see equal.ts). A
// mutable table keeps them in a JS Map; an immutable one in a persistent
// hash trie (hash-trie.ts), so an update shares the rest of the table. Both
// iterate in insertion order.

import { encode, equalAlwaysKey, eqvKey, equalKey, objectId, registerEqualHook, registerEqualKeyHook } from './equal.js';
import { encodedKeyHash, HashTrie } from './hash-trie.js';
import type { Value } from './types.js';

export type HashKind = 'equal' | 'eqv' | 'eq' | 'equal-always';

/**
 * How a mutable table holds its keys. Weak and ephemeron tables hold them
 * strongly here: the difference shows only through garbage collection, and
 * every other behaviour (printing, equal?, iteration, hash-count) follows
 * the table's strength as Racket's does.
 */
export type HashStrength = 'strong' | 'weak' | 'ephemeron';

type Entry = [Value, Value];

export class RHash {
  /** A mutable table's entries: encoded key -> [original key, value]. */
  private table: Map<unknown, Entry> | null;
  /** An immutable table's entries, persistent so that updates share structure. */
  private trie: HashTrie<Entry>;
  /** The entries in iteration order, kept until the table changes. */
  private ordered: Entry[] | null = null;

  constructor(
    readonly kind: HashKind,
    readonly mutable: boolean,
    entries: Iterable<Entry> = [],
    readonly strength: HashStrength = 'strong',
  ) {
    this.table = mutable ? new Map() : null;
    this.trie = EMPTY_TRIE;
    for (const [k, v] of entries) this.setInPlace(k, v);
  }

  keyOf(k: Value): unknown {
    const kind = this.kind;
    if (kind === 'equal') return equalKey(k);
    return kind === 'equal-always' ? equalAlwaysKey(k) : eqvKey(k);
  }

  /** The entry whose key is the same as `k` under the table's equivalence. */
  entry(k: Value): Entry | undefined {
    const key = this.keyOf(k);
    return this.table !== null ? this.table.get(key) : this.trie.get(encodedKeyHash(key, objectId), key);
  }

  get(k: Value): Value | undefined {
    const e = this.entry(k);
    return e === undefined ? undefined : e[1];
  }

  has(k: Value): boolean {
    return this.entry(k) !== undefined;
  }

  /** Mutating set, for mutable tables and for building fresh immutable ones. */
  setInPlace(k: Value, v: Value): void {
    const key = this.keyOf(k);
    this.ordered = null;
    if (this.table !== null) {
      // A mutable table keeps the key it first stored, as Racket's do.
      const old = this.table.get(key);
      this.table.set(key, [old === undefined ? k : old[0], v]);
    } else this.trie = this.trie.set(encodedKeyHash(key, objectId), key, [k, v]);
  }

  deleteInPlace(k: Value): void {
    const key = this.keyOf(k);
    this.ordered = null;
    if (this.table !== null) this.table.delete(key);
    else this.trie = this.trie.delete(encodedKeyHash(key, objectId), key);
  }

  clearInPlace(): void {
    this.ordered = null;
    if (this.table !== null) this.table.clear();
    else this.trie = EMPTY_TRIE;
  }

  /** Functional update for immutable tables. */
  withSet(k: Value, v: Value): RHash {
    const copy = new RHash(this.kind, false);
    copy.trie = this.trie;
    copy.setInPlace(k, v);
    return copy;
  }

  withRemoved(k: Value): RHash {
    const copy = new RHash(this.kind, false);
    copy.trie = this.trie;
    copy.deleteInPlace(k);
    return copy;
  }

  /** The entries in iteration order (insertion order). The array must not be changed. */
  entries(): readonly Entry[] {
    if (this.ordered === null) this.ordered = this.table !== null ? [...this.table.values()] : this.trie.valuesInOrder();
    return this.ordered;
  }

  /** The entry at iteration position `i`. */
  entryAt(i: number): Entry | undefined {
    return this.entries()[i];
  }

  get size(): number {
    return this.table !== null ? this.table.size : this.trie.size;
  }
}

const EMPTY_TRIE = HashTrie.empty<Entry>();

export function makeHash(kind: HashKind, mutable: boolean, entries: Iterable<[Value, Value]> = []): RHash {
  return new RHash(kind, mutable, entries);
}

// equal? on hash tables compares contents, as Racket does: the same kind of
// key comparison, both mutable or both immutable, and the same keys with
// equal? values: each key is compared (by `recur`) with the key it finds in
// the other table (for immutable tables only, as Racket's), then its value
// with that key's. This is the one
// comparison of tables: equal?, equal-always? and the `recur` procedures of
// prop:equal+hash all come here. Their equal?-key (for equal-hash-code and
// for tables used as keys) does not depend on insertion order.
registerEqualHook({
  equal(a, b, recur) {
    if (!(a instanceof RHash)) return undefined;
    if (!(b instanceof RHash) || a.kind !== b.kind || a.mutable !== b.mutable || a.strength !== b.strength || a.size !== b.size) {
      return false;
    }
    for (const [k, v] of a.entries()) {
      const other = b.entry(k);
      if (other === undefined || (!a.mutable && !recur(k, other[0])) || !recur(v, other[1])) return false;
    }
    return true;
  },
});
registerEqualKeyHook((v) => {
  if (!(v instanceof RHash)) return undefined;
  const entries = v
    .entries()
    .map(([k, val]) => encode(k) + '=' + encode(val))
    .sort();
  return `H${v.kind}${v.mutable ? 'm' : 'i'}${v.strength}{${entries.join('')}}`;
});
