// Pairs and lists: construction, access (c[ad]{1,4}r), length, append,
// reverse, list-ref/list-tail, and searching and removing by eq?, eqv?,
// equal? and equal-always?. Traversals that call procedures (map, foldl,
// filter, ...) are in list-iteration.ts; racket/list is in list-lib.ts.

import { argError, argumentsError, errorValueString, genericFail } from '../errors/messages.js';
import { isEqual, isEqv, isEq } from '../values/equal.js';
import { NULL, Pair, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { checkIndex, checkList } from './check.js';
import { isEqualAlways } from './equality.js';
import type { PrimTable } from './table.js';

function cxr(name: string, path: string): (v: Value) => Value {
  // path is read right to left, as in the name: cadr = car of cdr.
  const contract = cxrContract(path);
  return (v: Value) => {
    let x = v;
    for (let i = path.length - 1; i >= 0; i--) {
      if (!(x instanceof Pair)) return argError(name, contract, v);
      x = path[i] === 'a' ? x.car : x.cdr;
    }
    return x;
  };
}

/** Racket's contract text for c[ad]+r, e.g. cadr: (cons/c any/c pair?). */
function cxrContract(path: string): string {
  // path[0] is applied last, so its input is the innermost requirement.
  let c = 'pair?';
  for (let i = 1; i < path.length; i++) {
    c = path[i] === 'a' ? `(cons/c ${c} any/c)` : `(cons/c any/c ${c})`;
  }
  return c;
}

function member(name: string, eq: (a: Value, b: Value) => boolean) {
  return (x: Value, lst: Value): Value => {
    let l = lst;
    while (l instanceof Pair) {
      if (eq(x, l.car)) return l;
      l = l.cdr;
    }
    if (l !== NULL) argError(name, 'list?', lst);
    return false;
  };
}

function assoc(name: string, eq: (a: Value, b: Value) => boolean) {
  return (x: Value, lst: Value): Value => {
    let l = lst;
    while (l instanceof Pair) {
      const p = l.car;
      if (!(p instanceof Pair)) argumentsError(name, 'non-pair found in list', ['non-pair', p], ['list', lst]);
      if (eq(x, p.car)) return p;
      l = l.cdr;
    }
    if (l !== NULL) argError(name, 'list?', lst);
    return false;
  };
}

/** Every a/d path of two to four letters: caar ... cddddr. */
function cxrPaths(): string[] {
  let level = ['a', 'd'];
  const out: string[] = [];
  for (let n = 2; n <= 4; n++) {
    level = level.flatMap((p) => [`a${p}`, `d${p}`]);
    out.push(...level);
  }
  return out;
}

type Same = (a: Value, b: Value) => boolean;

function remove(who: string, same: Same) {
  return (v: Value, l: Value): Value => {
    if (!isList(l)) return argError(who, 'list?', l);
    const items = listToArray(l);
    const i = items.findIndex((x) => same(v, x));
    if (i < 0) return l;
    items.splice(i, 1);
    return listFromArray(items);
  };
}

function removeAll(who: string, same: Same) {
  return (vs: Value, l: Value): Value => {
    if (!isList(vs)) return argError(who, 'list?', vs);
    if (!isList(l)) return argError(who, 'list?', l);
    const drop = listToArray(vs);
    return listFromArray(listToArray(l).filter((x) => !drop.some((v) => same(v, x))));
  };
}

export function installLists(t: PrimTable): void {
  t.fn('cons', 2, 2, (a, b) => new Pair(a, b));
  t.fn('car', 1, 1, (p) => (p instanceof Pair ? p.car : argError('car', 'pair?', p)));
  t.fn('cdr', 1, 1, (p) => (p instanceof Pair ? p.cdr : argError('cdr', 'pair?', p)));
  for (const path of cxrPaths()) {
    const name = `c${path}r`;
    t.fn(name, 1, 1, cxr(name, path));
  }
  t.fn('pair?', 1, 1, (v) => v instanceof Pair);
  t.value('null', NULL);
  t.fn('null?', 1, 1, (v) => v === NULL);
  t.fn('list?', 1, 1, (v) => isList(v));
  t.fn('list', 0, -1, (...xs: Value[]) => listFromArray(xs));
  t.fn('list*', 1, -1, (...xs: Value[]) => listFromArray(xs.slice(0, -1), xs[xs.length - 1]));
  t.fn('length', 1, 1, (l: Value) => {
    let n = 0;
    let x = l;
    while (x instanceof Pair) {
      n++;
      x = x.cdr;
    }
    if (x !== NULL) argError('length', 'list?', l);
    return n;
  });
  t.fn('append', 0, -1, (...ls: Value[]) => {
    if (ls.length === 0) return NULL;
    let out = ls[ls.length - 1];
    for (let i = ls.length - 2; i >= 0; i--) {
      checkList('append', ls[i]);
      out = listFromArray(listToArray(ls[i]), out);
    }
    return out;
  });
  t.fn('reverse', 1, 1, (l: Value) => {
    let out: Value = NULL;
    let x = l;
    while (x instanceof Pair) {
      out = new Pair(x.car, out);
      x = x.cdr;
    }
    if (x !== NULL) argError('reverse', 'list?', l);
    return out;
  });
  t.fn('list-ref', 2, 2, (l: Value, k: Value) => {
    if (!(typeof k === 'number' && Number.isInteger(k) && k >= 0) && typeof k !== 'bigint') {
      genericFail(`list-ref: index ${errorValueString(k)} is not an exact nonnegative integer`);
    }
    const n = checkIndex('list-ref', k, 1, [l, k]);
    let x = l;
    for (let i = 0; i < n; i++) {
      if (!(x instanceof Pair)) break;
      x = x.cdr;
    }
    if (!(x instanceof Pair)) argumentsError('list-ref', 'index too large for list', ['index', k], ['in', l]);
    return x.car;
  });
  t.fn('list-tail', 2, 2, (l: Value, k: Value) => {
    const n = checkIndex('list-tail', k, 1, [l, k]);
    let x = l;
    for (let i = 0; i < n; i++) {
      if (!(x instanceof Pair)) argumentsError('list-tail', 'index too large for list', ['index', k], ['in', l]);
      x = x.cdr;
    }
    return x;
  });
  t.fn('memq', 2, 2, member('memq', isEq));
  t.fn('memv', 2, 2, member('memv', isEqv));
  t.fn('assq', 2, 2, assoc('assq', isEq));
  t.fn('assv', 2, 2, assoc('assv', isEqv));
  // member and assoc with equal? (an optional comparison procedure is handled in src/lib/lists.rkt).
  t.internalFn('member/equal', 2, 2, member('member', isEqual));
  t.internalFn('assoc/equal', 2, 2, assoc('assoc', isEqual));
  t.fn('remq*', 2, 2, removeAll('remq*', isEq));
  t.fn('remv*', 2, 2, removeAll('remv*', isEqv));
  t.fn('remw*', 2, 2, removeAll('remw*', isEqualAlways));
  t.fn('remw', 2, 2, remove('remw', isEqualAlways));
  t.fn('memw', 2, 2, member('memw', isEqualAlways));
  t.fn('assw', 2, 2, assoc('assw', isEqualAlways));
}
