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

export class RSet {
  constructor(readonly table: RHash) {}

  get kind(): HashKind {
    return this.table.kind;
  }
  get mutable(): boolean {
    return this.table.mutable;
  }
  get size(): number {
    return this.table.size;
  }
  has(v: Value): boolean {
    return this.table.has(v);
  }
  /** The elements in iteration order. */
  elements(): Value[] {
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
    for (const x of a.elements()) if (!b.has(x)) return false;
    return true;
  },
});

// As an equal?-key (a set inside a set, or a hash key): order-independent.
registerEqualKeyHook((v) => {
  if (!(v instanceof RSet)) return undefined;
  const parts = v.elements().map(encode).sort();
  return `{${v.constructorName}:${parts.length}:${parts.join('')}}`;
});
