// Hash sets (racket/set): equal?-, equal-always?-, eqv?- and eq?-based,
// immutable, mutable and weak. The elements live in an RHash (elements as keys, #t as
// values), so membership is one Map access and iteration is in insertion
// order. Racket iterates in hash order, which cannot be reproduced; the
// order only shows when a set is printed or listed.

import type { PrintContext, Quotable } from './printable.js';
import { customPrint, printQuotable } from './printable.js';
import { encode, registerEqualHook, registerEqualKeyHook } from './equal.js';
import { RHash, type HashKind } from './hash.js';
import type { Value } from './types.js';
import type { Props } from './impersonator.js';

/**
 * What chaperone-hash-set and impersonate-hash-set put on a set: the table
 * its operations go through (a hash chaperone over the set's table, or that
 * table itself when only properties were given) and the properties.
 */
export interface SetChaperone {
  readonly table: Value;
  readonly props: Props;
}

/** How the layers below see a chaperoned set (its elements, membership): installed by prims/sets.ts. */
export interface SetView {
  elements(s: RSet): Value[];
  has(s: RSet, x: Value): boolean;
  /** The elements as equal? reads them: each one's key, then its lookup. */
  entries(s: RSet): Value[];
}
let view: SetView = { elements: (s) => s.plainElements(), has: (s, x) => s.table.has(x), entries: (s) => s.plainElements() };
export function setSetView(v: SetView): void {
  view = v;
}

export class RSet {
  /**
   * `table` is always the plain table underneath (so kind, mutability and
   * count need no interposition); `chap` is null for a plain set, the one
   * field the primitives test before taking their fast path.
   */
  constructor(
    readonly table: RHash,
    readonly chap: SetChaperone | null = null,
  ) {}

  get kind(): HashKind {
    return this.table.kind;
  }
  get mutable(): boolean {
    return this.table.mutable;
  }
  get size(): number {
    return this.table.size;
  }
  /** Membership; through the interposition procedures for a chaperoned set. */
  has(v: Value): boolean {
    return this.chap === null ? this.table.has(v) : view.has(this, v);
  }
  /** The elements in iteration order; through the interposition procedures for a chaperoned set. */
  elements(): Value[] {
    return this.chap === null ? this.plainElements() : view.elements(this);
  }
  /** The elements of the table underneath. */
  plainElements(): Value[] {
    const out: Value[] = [];
    for (const e of this.table.entries()) out.push(e[0]);
    return out;
  }
  /** A weak set: mutable, holding its elements weakly (set-mutable? is #f for it, as in Racket). */
  get weak(): boolean {
    return this.table.strength !== 'strong';
  }
  /** Racket's constructor name for this kind: set, seteq, mutable-seteqv, weak-set, setalw, ... */
  get constructorName(): string {
    const suffix = this.kind === 'equal' ? '' : this.kind === 'equal-always' ? 'alw' : this.kind;
    return (this.weak ? 'weak-set' : this.mutable ? 'mutable-set' : 'set') + suffix;
  }

  /** `(set 1 2)` in print mode at quote depth 0 (elements in expression position), `#<set: 1 2>` otherwise. */
  [customPrint](ctx: PrintContext): string {
    const items = this.elements();
    if (ctx.mode === 'print') {
      return `(${this.constructorName}${items.map((x) => ' ' + ctx.recur(x, 'print', 0)).join('')})`;
    }
    return `#<${this.constructorName}:${items.map((x) => ' ' + ctx.recur(x)).join('')}>`;
  }
  /** A set always prints as a constructor call, so a list holding one does too: `(list (set 1))`. */
  get [printQuotable](): Quotable {
    return 'never';
  }
}

export function makeSet(kind: HashKind, mutable: boolean, items: Iterable<Value> = [], weak = false): RSet {
  const h = new RHash(kind, mutable || weak, [], weak ? 'weak' : 'strong');
  for (const x of items) h.setInPlace(x, true);
  return new RSet(h);
}

/** A set of the same kind and mutability with `items`. */
export function setLike(s: RSet, items: Iterable<Value>, mutable = s.mutable): RSet {
  return makeSet(s.kind, mutable, items, mutable && s.weak);
}

// equal?: same kind, same mutability, same elements (in any order).
registerEqualHook({
  equal(a, b) {
    if (!(a instanceof RSet)) return undefined;
    if (!(b instanceof RSet) || a.kind !== b.kind || a.mutable !== b.mutable || a.weak !== b.weak || a.size !== b.size) return false;
    // Sets over the same table (a chaperoned set and its original) are equal without consulting the wrappers.
    if (a.table === b.table) return true;
    for (const x of a.chap === null ? a.plainElements() : view.entries(a)) if (!b.has(x)) return false;
    return true;
  },
});

// As an equal?-key (a set inside a set, or a hash key): order-independent.
registerEqualKeyHook((v) => {
  if (!(v instanceof RSet)) return undefined;
  const parts = (v.chap === null ? v.plainElements() : view.entries(v)).map(encode).sort();
  return `{${v.constructorName}:${parts.length}:${parts.join('')}}`;
});
