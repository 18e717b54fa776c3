// racket/list: the first-order part (nothing here calls a Racket
// procedure). The procedures that take procedures (takef, group-by, argmin,
// remf, ...) and the keyword front ends are in src/lib/list-lib.rkt, which calls the
// internal helpers defined here (`%name`). Messages follow Racket 8.7's
// collects/racket/list.rkt.

import { argError, argumentsError, genericFail } from '../errors/messages.js';
import { RHash, type HashKind } from '../values/hash.js';
import * as N from '../values/numbers.js';
import { MultipleValues, NULL, Pair, Sym, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { printString } from '../printer/print.js';
import { Sequence } from './sequences.js';
import type { PrimTable } from './table.js';

const NOT_EMPTY = '(and/c list? (not/c empty?))';

function isNatural(v: Value): boolean {
  return N.isExactNonnegativeInteger(v);
}

/** `raise-argument-error` with the argument position, as list.rkt's checks do. */
function checkNatural(who: string, k: Value, pos: number, args: Value[]): number {
  if (!isNatural(k)) argError(who, 'exact-nonnegative-integer?', k, pos, args);
  return typeof k === 'number' ? k : Number.MAX_SAFE_INTEGER;
}

function checkListAt(who: string, l: Value, pos: number, args: Value[]): Value[] {
  if (!isList(l)) argError(who, 'list?', l, pos, args);
  return listToArray(l);
}

/** list.rkt's `too-large`: the list has fewer than n pairs. */
function tooLarge(who: string, l: Value, n: Value): never {
  const proper = isList(l);
  return argError(who, `a ${proper ? '' : '(possibly improper) '}list with at least ${printString(n)} ${proper ? 'elements' : 'pairs'}`, l);
}

/** The first n elements and the tail after them, or the too-large error. */
function splitAt(who: string, l: Value, k: Value): [Value[], Value] {
  const n = checkNatural(who, k, 1, [l, k]);
  const prefix: Value[] = [];
  let x = l;
  for (let i = 0; i < n; i++) {
    if (!(x instanceof Pair)) tooLarge(who, l, k);
    prefix.push(x.car);
    x = x.cdr;
  }
  return [prefix, x];
}

/** For the -right variants: the number of pairs to keep before the last n. */
function rightSplitCount(who: string, l: Value, k: Value): number {
  const n = checkNatural(who, k, 1, [l, k]);
  let lead = l;
  for (let i = 0; i < n; i++) {
    if (!(lead instanceof Pair)) tooLarge(who, l, k);
    lead = lead.cdr;
  }
  let count = 0;
  while (lead instanceof Pair) {
    count++;
    lead = lead.cdr;
  }
  return count;
}

function nthTail(l: Value, n: number): Value {
  let x = l;
  for (let i = 0; i < n; i++) x = (x as Pair).cdr;
  return x;
}

/** Dedupe by keys (parallel to items) under a hash equivalence: linear. */
function dedupe(items: Value[], keys: Value[], kind: HashKind): Value[] {
  const seen = new RHash(kind, true);
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    if (seen.has(keys[i])) continue;
    seen.setInPlace(keys[i], true);
    out.push(items[i]);
  }
  return out;
}

function firstDuplicateIndex(keys: Value[], kind: HashKind): number {
  const seen = new RHash(kind, true);
  for (let i = 0; i < keys.length; i++) {
    if (seen.has(keys[i])) return i;
    seen.setInPlace(keys[i], true);
  }
  return -1;
}

function rangeList(who: string, start: Value, end: Value, step: Value, inclusive: boolean): Value {
  for (const x of [start, end, step]) if (!N.isReal(x)) argError(who, 'real?', x);
  const s = step as N.Num;
  const e = end as N.Num;
  const up = N.compare(s, 0) >= 0;
  const out: Value[] = [];
  for (let i = start as N.Num; ; i = N.add(i, s)) {
    const c = N.compare(i, e);
    if (up ? (inclusive ? c > 0 : c >= 0) : inclusive ? c < 0 : c <= 0) break;
    out.push(i);
  }
  return listFromArray(out);
}

/** in-combinations' order: by bit pattern when k is #f, else lexicographic index tuples. */
function combinations(items: Value[], k: number | null): Value[] {
  const n = items.length;
  const out: Value[] = [];
  if (k === null) {
    if (n > 30) genericFail('combinations: list too long');
    for (let bits = 0; bits < 2 ** n; bits++) {
      const c: Value[] = [];
      for (let i = 0; i < n; i++) if (bits & (1 << i)) c.push(items[i]);
      out.push(listFromArray(c));
    }
    return out;
  }
  if (k > n) return out;
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    out.push(listFromArray(idx.map((i) => items[i])));
    let i = k - 1;
    while (i >= 0 && idx[i] === i + n - k) i--;
    if (i < 0) return out;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

/** list.rkt's swap+flip: swap items i and j, then reverse items 0..j-1 (on arrays). */
function swapFlip(l: Value[], i: number, j: number): Value[] {
  const a = l.slice();
  const t = a[i];
  a[i] = a[j + 1];
  a[j + 1] = t;
  const head = a.slice(0, j + 1).reverse();
  return [...head, ...a.slice(j + 1)];
}

/** The Ord-Smith enumeration of list.rkt, in `permutations`' order (or `in-permutations`', which starts from the input). */
function permutations(items: Value[], forSequence: boolean): Value[] {
  if (items.length < 2) return [items];
  const n = items.length - 2;
  if (n > 254) genericFail(`permutations: input list too long: ${printString(listFromArray(items))}`);
  const c = new Uint8Array(n + 1);
  const out: Value[][] = [forSequence ? items : items.slice().reverse()];
  let cur = out[0];
  let i = 0;
  for (;;) {
    const ci = c[i];
    if (ci <= i) {
      c[i] = ci + 1;
      cur = swapFlip(cur, ci, i);
      out.push(cur);
      i = 0;
    } else if (i < n) {
      c[i] = 0;
      i++;
    } else break;
  }
  return forSequence ? out : out.reverse();
}

export function installListLib(t: PrimTable): void {
  t.in('racket/list', () => {
    t.fn('empty?', 1, 1, (v) => v === NULL);
    t.fn('cons?', 1, 1, (v) => v instanceof Pair);
    t.value('empty', NULL);
    t.fn('first', 1, 1, (l: Value) => (l instanceof Pair && l.isList ? l.car : argError('first', NOT_EMPTY, l)));
    t.fn('rest', 1, 1, (l: Value) => (l instanceof Pair && l.isList ? l.cdr : argError('rest', NOT_EMPTY, l)));
    const nth = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
    nth.forEach((name, i) => {
      t.fn(name, 1, 1, (l: Value) => {
        if (!isList(l)) return argError(name, 'list?', l);
        let x = l;
        for (let k = 0; k <= i && x instanceof Pair; k++) x = x.cdr;
        if (!(x instanceof Pair)) argumentsError(name, 'list contains too few elements', ['list', l]);
        return x.car;
      });
    });
    t.fn('last', 1, 1, (l: Value) => {
      if (!(l instanceof Pair && l.isList)) return argError('last', NOT_EMPTY, l);
      let x: Pair = l;
      while (x.cdr instanceof Pair) x = x.cdr;
      return x.car;
    });
    t.fn('last-pair', 1, 1, (l: Value) => {
      if (!(l instanceof Pair)) return argError('last-pair', 'pair?', l);
      let x: Pair = l;
      while (x.cdr instanceof Pair) x = x.cdr;
      return x;
    });
    t.fn('make-list', 2, 2, (k: Value, v: Value) => {
      const n = checkNatural('make-list', k, 0, [k, v]);
      let out: Value = NULL;
      for (let i = 0; i < n; i++) out = new Pair(v, out);
      return out;
    });
    t.fn('list-set', 3, 3, (l: Value, k: Value, v: Value) => {
      const items = checkListAt('list-set', l, 0, [l, k, v]);
      const n = checkNatural('list-set', k, 1, [l, k, v]);
      // list.rkt recurs with car/cdr: an index past the end fails in `car`.
      if (n >= items.length) argError('car', 'pair?', NULL);
      items[n] = v;
      return listFromArray(items);
    });
    const take = t.fn('take', 2, 2, (l: Value, k: Value) => listFromArray(splitAt('take', l, k)[0]));
    const drop = t.fn('drop', 2, 2, (l: Value, k: Value) => {
      checkNatural('drop', k, 1, [l, k]);
      let x = l;
      for (let i = 0; i < (k as number); i++) {
        if (!(x instanceof Pair)) tooLarge('drop', l, k);
        x = x.cdr;
      }
      return x;
    });
    const splitAtPrim = t.valuesFn('split-at', 2, 2, (l: Value, k: Value) => {
      const [prefix, tail] = splitAt('split-at', l, k);
      return new MultipleValues([listFromArray(prefix), tail]);
    });
    // src/lib/list-lib.rkt's takef-right & co. are built on these.
    t.internal('take', take);
    t.internal('drop', drop);
    t.internal('split-at', splitAtPrim);
    t.fn('take-right', 2, 2, (l: Value, k: Value) => nthTail(l, rightSplitCount('take-right', l, k)));
    t.fn('drop-right', 2, 2, (l: Value, k: Value) => {
      const n = rightSplitCount('drop-right', l, k);
      return listFromArray(splitAt('drop-right', l, n)[0]);
    });
    t.valuesFn('split-at-right', 2, 2, (l: Value, k: Value) => {
      const n = rightSplitCount('split-at-right', l, k);
      const [prefix, tail] = splitAt('split-at-right', l, n);
      return new MultipleValues([listFromArray(prefix), tail]);
    });
    t.fn('flatten', 1, 1, (v: Value) => {
      const out: Value[] = [];
      // An explicit stack: nesting depth is bounded by memory, not the JS stack.
      const stack: Value[] = [v];
      while (stack.length > 0) {
        let x = stack.pop();
        while (x instanceof Pair) {
          if (x.cdr !== NULL) stack.push(x.cdr);
          x = x.car;
        }
        if (x !== NULL) out.push(x);
      }
      return listFromArray(out);
    });
    t.fn('shuffle', 1, 1, (l: Value) => {
      const a = checkListAt('shuffle', l, 0, [l]);
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        const tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      return listFromArray(a);
    });
    // Both report errors as in-combinations (combinations is built on it in list.rkt).
    const combos = (l: Value, k: Value = false) => {
      const items = checkListAt('in-combinations', l, 0, [l]);
      if (k !== false && !isNatural(k)) argError('in-combinations', 'exact-nonnegative-integer?', k, 1, [l, k]);
      return combinations(items, k === false ? null : typeof k === 'number' ? k : Number.MAX_SAFE_INTEGER);
    };
    t.fn('combinations', 1, 2, (l: Value, k?: Value) => listFromArray(combos(l, k)));
    t.fn('in-combinations', 1, 2, (l: Value, k?: Value) => new Sequence('list', listFromArray(combos(l, k))));
    t.fn('permutations', 1, 1, (l: Value) =>
      listFromArray(permutations(checkListAt('permutations', l, 0, [l]), false).map((p) => listFromArray(p as Value[]))),
    );
    t.fn(
      'in-permutations',
      1,
      1,
      (l: Value) =>
        new Sequence(
          'list',
          listFromArray(permutations(checkListAt('in-permutations', l, 0, [l]), true).map((p) => listFromArray(p as Value[]))),
        ),
    );
    t.fn('cartesian-product', 0, -1, (...ls: Value[]) => {
      ls.forEach((l, i) => {
        if (!isList(l)) argError('cartesian-product', 'list?', l, i, ls);
      });
      let out: Value[][] = [[]];
      for (let i = ls.length - 1; i >= 0; i--) {
        const next: Value[][] = [];
        for (const x of listToArray(ls[i])) for (const tail of out) next.push([x, ...tail]);
        out = next;
      }
      return listFromArray(out.map((c) => listFromArray(c)));
    });
  });
  // range and inclusive-range are procedures in racket/list (and sequence syntax, which `for` does not need: it iterates the list).
  t.in('racket/list', () => {
    t.fn('range', 1, 3, (a: Value, b?: Value, step: Value = 1) =>
      b === undefined ? rangeList('in-range', 0, a, 1, false) : rangeList('in-range', a, b, step, false),
    );
    t.fn('inclusive-range', 2, 3, (a: Value, b: Value, step: Value = 1) => rangeList('in-inclusive-range', a, b, step, true));
  });

  // Helpers for src/lib/list-lib.rkt's keyword front ends.
  t.internalFn('add-between', 6, 6, (l: Value, x: Value, splice: Value, beforeFirst: Value, beforeLast: Value, afterLast: Value) => {
    const items = checkListAt('add-between', l, 0, [l, x]);
    if (splice !== false) {
      const need = (v: Value, which: string) => {
        if (!isList(v)) argumentsError('add-between', `list needed in splicing mode${which}`, ['given', v], ['given list...', l]);
      };
      need(x, '');
      need(beforeFirst, ' for #:before-first');
      need(beforeLast, ' for #:before-last');
      need(afterLast, ' for #:after-last');
    } else {
      const notGiven = (v: Value, which: string) => {
        if (v !== NULL) argumentsError('add-between', `${which} can only be used in splicing mode`, ['given', v], ['given list...', l]);
      };
      notGiven(beforeFirst, '#:before-first');
      notGiven(afterLast, '#:after-last');
    }
    const spliced = (v: Value) => (splice !== false ? listToArray(v) : [v]);
    if (items.length < 2) return splice !== false ? listFromArray([...listToArray(beforeFirst), ...items, ...listToArray(afterLast)]) : l;
    const out: Value[] = splice !== false ? listToArray(beforeFirst) : [];
    items.forEach((item, i) => {
      if (i > 0) out.push(...spliced(i === items.length - 1 ? beforeLast : x));
      out.push(item);
    });
    if (splice !== false) out.push(...listToArray(afterLast));
    return listFromArray(out);
  });
  // src/lib/list-lib.rkt names the equivalence with a symbol: 'eq, 'eqv or 'equal.
  const kindOf = (v: Value): HashKind => (v instanceof Sym && (v.name === 'eq' || v.name === 'eqv') ? v.name : 'equal');
  t.internalFn('remove-duplicates/keys', 3, 3, (l: Value, keys: Value, kind: Value) =>
    listFromArray(dedupe(listToArray(l), listToArray(keys), kindOf(kind))),
  );
  t.internalFn('duplicate-index', 2, 2, (keys: Value, kind: Value) => {
    const i = firstDuplicateIndex(listToArray(keys), kindOf(kind));
    return i < 0 ? false : i;
  });
  t.internalFn('raise-result-error', 3, 3, (who: Value, expected: Value, v: Value) =>
    argumentsError(String(who), `contract violation\n  expected: ${String(expected)}`, ['result', v]),
  );
}
