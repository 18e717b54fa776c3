// More list and vector operations of racket/base and racket/vector that call
// no procedures: remq*/remv*/remw*, the equal-always? family (memw, assw,
// remw), vector-copy!, vector-immutable, vector->values, vector-member.

import { argError, argumentsError } from '../errors/messages.js';
import { isEq, isEqual, isEqv } from '../values/equal.js';
import { RHash } from '../values/hash.js';
import { Box, MultipleValues, NULL, Pair, RBytes, RString, RVector, VOID, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { checkIndex, checkRange, checkVector } from './check.js';
import type { PrimTable } from './table.js';

type Same = (a: Value, b: Value) => boolean;

/** equal-always?: equal? on immutable data, eq? on anything mutable. */
export function isEqualAlways(a: Value, b: Value): boolean {
  if (isEqv(a, b)) return true;
  const mutable = (v: Value) =>
    ((v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box) && !v.immutable) || (v instanceof RHash && v.mutable);
  if (mutable(a) || mutable(b)) return isEq(a, b);
  if (a instanceof Pair) return b instanceof Pair && isEqualAlways(a.car, b.car) && isEqualAlways(a.cdr, b.cdr);
  if (a instanceof RVector) {
    if (!(b instanceof RVector) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => isEqualAlways(x, b.items[i]));
  }
  if (a instanceof Box) return b instanceof Box && isEqualAlways(a.value, b.value);
  return isEqual(a, b);
}

function member(who: string, same: Same) {
  return (v: Value, l: Value): Value => {
    let x = l;
    while (x instanceof Pair) {
      if (same(v, x.car)) return x;
      x = x.cdr;
    }
    if (x !== NULL) argError(who, 'list?', l);
    return false;
  };
}

function assoc(who: string, same: Same) {
  return (v: Value, l: Value): Value => {
    let x = l;
    while (x instanceof Pair) {
      const p = x.car;
      if (!(p instanceof Pair)) return argumentsError(who, 'non-pair found in list', ['non-pair', p], ['list', l]);
      if (same(v, p.car)) return p;
      x = x.cdr;
    }
    if (x !== NULL) argError(who, 'list?', l);
    return false;
  };
}

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

function vectorMember(who: string, same: Same) {
  return (v: Value, vec: Value): Value => {
    if (!(vec instanceof RVector)) return argError(who, 'vector?', vec, 1, [v, vec]);
    const i = vec.items.findIndex((x) => same(v, x));
    return i < 0 ? false : i;
  };
}

export function installListsVectorsMore(t: PrimTable): void {
  t.fn('equal-always?', 2, 2, isEqualAlways);
  t.fn('remq*', 2, 2, removeAll('remq*', isEq));
  t.fn('remv*', 2, 2, removeAll('remv*', isEqv));
  t.fn('remw*', 2, 2, removeAll('remw*', isEqualAlways));
  t.fn('remw', 2, 2, remove('remw', isEqualAlways));
  t.fn('memw', 2, 2, member('memw', isEqualAlways));
  t.fn('assw', 2, 2, assoc('assw', isEqualAlways));

  t.fn('vector-immutable', 0, -1, (...xs: Value[]) => new RVector(xs, true));
  t.fn('vector->values', 1, 3, (v: Value, start: Value = 0, end?: Value) => {
    const items = checkVector('vector->values', v).items;
    const [a, e] = checkRange('vector->values', 'vector', v, items.length, start, end);
    return e - a === 1 ? items[a] : new MultipleValues(items.slice(a, e));
  });
  t.fn('vector-copy!', 3, 5, (dest: Value, destStart: Value, src: Value, srcStart: Value = 0, srcEnd?: Value) => {
    const who = 'vector-copy!';
    if (!(dest instanceof RVector) || dest.immutable) return argError(who, '(and/c vector? (not/c immutable?))', dest);
    checkIndex(who, destStart);
    const source = checkVector(who, src).items;
    checkIndex(who, srcStart);
    if (srcEnd !== undefined) checkIndex(who, srcEnd);
    const target = dest.items;
    const [at] = checkRange(who, 'vector', dest, target.length, destStart, target.length);
    const [a, e] = checkRange(who, 'vector', src, source.length, srcStart, srcEnd);
    if (at + (e - a) > target.length) {
      argumentsError(who, 'not enough room in target vector', ['target length', target.length], ['needed length', at + (e - a)]);
    }
    // slice first: source and target may be the same vector
    const part = source.slice(a, e);
    for (let i = 0; i < part.length; i++) target[at + i] = part[i];
    return VOID;
  });

  // vector-sort's range check (the sorting is in the prelude); the end index, #f meaning the length.
  t.internalFn('check-vector-range', 4, 4, (who: Value, v: Value, start: Value, end: Value) => {
    const items = checkVector(String(who), v).items;
    return checkRange(String(who), 'vector', v, items.length, start, end === false ? undefined : end)[1];
  });

  t.in('racket/vector', () => {
    t.fn('vector-member', 2, 2, vectorMember('vector-member', isEqual));
    t.fn('vector-memv', 2, 2, vectorMember('vector-memv', isEqv));
    t.fn('vector-memq', 2, 2, vectorMember('vector-memq', isEq));
  });
}
