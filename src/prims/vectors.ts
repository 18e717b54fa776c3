// Vectors, and racket/vector's procedures that call no procedures (the
// others are written in Racket).

import { argError, indexRangeError, argumentsError } from '../errors/messages.js';
import { isEq, isEqual, isEqv } from '../values/equal.js';
import { RVector, VOID, listFromArray, listToArray, type Value, MultipleValues } from '../values/types.js';
import { checkIndex, checkList, checkRange, checkVector } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';

type Same = (a: Value, b: Value) => boolean;

function vectorMember(who: string, same: Same) {
  return (v: Value, vec: Value): Value => {
    if (!(vec instanceof RVector)) return argError(who, 'vector?', vec, 1, [v, vec]);
    const i = vec.items.findIndex((x) => same(v, x));
    return i < 0 ? false : i;
  };
}

export function installVectors(t: PrimTable): void {
  // The starred forms refuse impersonators, which rkt does not have: plain vectors only.
  const plain = (who: string, v: Value, mutable = false): RVector => {
    if (!(v instanceof RVector) || (mutable && v.immutable))
      return argError(who, mutable ? '(and/c vector? (not/c immutable?) (not impersonator?))' : '(and/c vector? (not impersonator?))', v);
    return v;
  };
  t.fn('vector*-length', 1, 1, (v) => plain('vector*-length', v).items.length);
  t.fn('vector*-ref', 2, 2, (v: Value, k: Value) => {
    const vec = plain('vector*-ref', v);
    const i = checkIndex('vector*-ref', k, 1, [v, k]);
    if (i >= vec.items.length) indexRangeError('vector*-ref', 'vector', k, vec.items.length, v);
    return vec.items[i];
  });
  t.fn('vector*-set!', 3, 3, (v: Value, k: Value, x: Value) => {
    const vec = plain('vector*-set!', v, true);
    const i = checkIndex('vector*-set!', k, 1, [v, k, x]);
    if (i >= vec.items.length) indexRangeError('vector*-set!', 'vector', k, vec.items.length, v);
    vec.items[i] = x;
    return VOID;
  });
  t.fn('vector-cas!', 4, 4, (v: Value, k: Value, old: Value, x: Value) => {
    if (!(v instanceof RVector) || v.immutable) return argError('vector-cas!', '(and/c vector? (not/c immutable?))', v);
    const i = checkIndex('vector-cas!', k, 1, [v, k, old, x]);
    if (i >= v.items.length) indexRangeError('vector-cas!', 'vector', k, v.items.length, v);
    if (v.items[i] !== old) return false;
    v.items[i] = x;
    return true;
  });
  t.fn('vector?', 1, 1, (v) => v instanceof RVector);
  t.fn('vector', 0, -1, (...xs: Value[]) => new RVector(xs, false));
  t.fn('make-vector', 1, 2, (k: Value, v: Value = 0) => {
    if (!(typeof k === 'number' && Number.isInteger(k) && k >= 0)) return argError('make-vector', 'valid-vector-length?', k);
    return new RVector(new Array(k).fill(v), false);
  });
  t.fn('vector-length', 1, 1, (v) => checkVector('vector-length', v).items.length);
  t.fn('vector-ref', 2, 2, function (this: Machine, v: Value, k: Value) {
    const vec = checkVector('vector-ref', v);
    const i = checkIndex('vector-ref', k, 1, [v, k]);
    if (i >= vec.items.length) indexRangeError('vector-ref', 'vector', k, vec.items.length, v);
    return vec.items[i];
  });
  t.fn('vector-set!', 3, 3, (v: Value, k: Value, x: Value) => {
    if (!(v instanceof RVector) || v.immutable) return argError('vector-set!', '(and/c vector? (not/c immutable?))', v);
    const i = checkIndex('vector-set!', k);
    if (i >= v.items.length) indexRangeError('vector-set!', 'vector', k, v.items.length, v);
    v.items[i] = x;
    return VOID;
  });
  t.fn('vector->list', 1, 1, (v) => listFromArray(checkVector('vector->list', v).items));
  t.fn('list->vector', 1, 1, (l) => new RVector(listToArray(checkList('list->vector', l)), false));
  t.fn('vector-fill!', 2, 2, (v: Value, x: Value) => {
    checkVector('vector-fill!', v).items.fill(x);
    return VOID;
  });
  t.in('racket/vector', () => {
    t.fn('vector-copy', 1, 3, (v: Value, start: Value = 0, end?: Value) => {
      const items = checkVector('vector-copy', v).items;
      return new RVector(
        items.slice(checkIndex('vector-copy', start), end === undefined ? items.length : checkIndex('vector-copy', end)),
        false,
      );
    });
  });
  t.fn('vector->immutable-vector', 1, 1, (v) => new RVector(checkVector('vector->immutable-vector', v).items.slice(), true));
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

  // vector-sort's range check (the sorting is in src/lib/vectors.rkt); the end index, #f meaning the length.
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
