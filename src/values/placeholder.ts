// Placeholders and the graph they stand in for: make-reader-graph's copy,
// which the reader also uses for `#0=` and `#0#` in `read`.

import { RHash, type HashKind } from './hash.js';
import type { CustomPrintable } from './printable.js';
import { customPrint } from './printable.js';
import { Box, Pair, RVector, VOID, isList, type Value } from './types.js';

export class Placeholder implements CustomPrintable {
  constructor(public value: Value) {}
  [customPrint](): string {
    return '#<placeholder>';
  }
}

export class HashPlaceholder implements CustomPrintable {
  constructor(
    readonly kind: HashKind,
    readonly entries: [Value, Value][],
  ) {}
  [customPrint](): string {
    return '#<hash-placeholder>';
  }
}

/**
 * Whether any reader graph has been built: only then can immutable pairs form
 * a cycle, so walks that skip immutable pair trees (the printer's) must not.
 */
export const pairGraphs = { built: false };

/** Copies `v`, replacing each placeholder by its value; a placeholder reached again stands for the copy being made. */
export function readerGraph(root: Value): Value {
  const done = new Map<object, Value>();
  const walk = (v: Value): Value => {
    if (typeof v !== 'object' || v === null) return v;
    const seen = done.get(v);
    if (seen !== undefined) return seen;
    if (v instanceof Placeholder) {
      const inner = v.value;
      if (inner instanceof Placeholder) {
        done.set(v, VOID);
        const r = walk(inner);
        done.set(v, r);
        return r;
      }
      // The copy of the value stands for the placeholder; a cycle back through
      // the placeholder finds that copy under the value itself.
      const r = walk(inner);
      done.set(v, r);
      return r;
    }
    if (v instanceof Pair || v instanceof RVector || v instanceof Box || v instanceof RHash || v instanceof HashPlaceholder) {
      return build(v, v);
    }
    return v;
  };
  // Makes the copy of `v` and records it for `key` before filling it in, so cycles reach it.
  const build = (v: Value, key: object): Value => {
    if (v instanceof Pair) {
      const shell = new Pair(VOID, VOID);
      pairGraphs.built = true;
      done.set(key, shell);
      const car = walk(v.car);
      const cdr = walk(v.cdr);
      Object.assign(shell, { car, cdr, isList: cdr !== shell && isList(cdr) });
      return shell;
    }
    if (v instanceof RVector) {
      const shell = new RVector([], v.immutable);
      done.set(key, shell);
      shell.items = v.items.map(walk);
      return shell;
    }
    if (v instanceof Box) {
      const shell = new Box(VOID, v.immutable);
      done.set(key, shell);
      shell.value = walk(v.value);
      return shell;
    }
    if (v instanceof HashPlaceholder || v instanceof RHash) {
      const mutable = v instanceof RHash && v.mutable;
      const shell = new RHash(v.kind, mutable, [], v instanceof RHash ? v.strength : 'strong');
      done.set(key, shell);
      const entries = v instanceof RHash ? v.entries() : v.entries;
      for (const [k, val] of entries) shell.setInPlace(walk(k), walk(val));
      return shell;
    }
    done.set(key, v);
    return v;
  };
  return walk(root);
}
