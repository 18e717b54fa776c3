// Placeholders and make-reader-graph: building cyclic data out of pairs,
// vectors, boxes and hash tables, as the reader does for #0= and #0#.

import { argError } from '../errors/messages.js';
import { RHash, type HashKind } from '../values/hash.js';
import type { CustomPrintable } from '../values/printable.js';
import { customPrint } from '../values/printable.js';
import { Box, Pair, RVector, VOID, isList, listToArray, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

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

/** Copies `v`, replacing each placeholder by its value; a placeholder reached again stands for the copy being made. */
function readerGraph(root: Value): Value {
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
      return build(inner, v);
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
