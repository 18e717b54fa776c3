// Vectors, and racket/vector's procedures that call no procedures (the
// others are written in Racket).

import { argError, indexRangeError, argumentsError } from '../errors/messages.js';
import { isEq, isEqual, isEqv } from '../values/equal.js';
import { RVector, VOID, listFromArray, listToArray, type Value, MultipleValues } from '../values/types.js';
import { checkAllocationLength, checkIndex, checkList, checkRange, MAX_ARRAY_LENGTH } from './check.js';
import type { PrimTable } from './table.js';
import type { Machine } from '../eval/machine.js';
import { VectorImpersonator } from '../values/impersonator.js';
import { vectorBase, vectorItems, vectorRefThrough, vectorSetThrough } from './impersonators.js';

type Same = (a: Value, b: Value) => boolean;

/** The plain vector under a chaperone, or Racket's `vector?` error. */
function wrappedVector(who: string, v: Value): RVector {
  if (v instanceof VectorImpersonator) return vectorBase(v);
  return argError(who, 'vector?', v);
}

/** The elements of a vector or vector chaperone (read through its interposition procedures). */
function readVector(m: Machine, who: string, v: Value): Value[] {
  if (v instanceof RVector) return v.items;
  if (v instanceof VectorImpersonator) return vectorItems(m, who, v);
  return argError(who, 'vector?', v);
}

function vectorMember(who: string, same: Same) {
  return function (this: Machine, v: Value, vec: Value): Value {
    if (!(vec instanceof RVector) && !(vec instanceof VectorImpersonator)) return argError(who, 'vector?', vec, 1, [v, vec]);
    const i = vectorItems(this, who, vec).findIndex((x) => same(v, x));
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
  t.fn('vector?', 1, 1, (v) => v instanceof RVector || v instanceof VectorImpersonator);
  t.fn('vector', 0, -1, (...xs: Value[]) => new RVector(xs, false));
  t.fn('make-vector', 1, 2, (k: Value, v: Value = 0) => {
    const n = checkAllocationLength('make-vector', 'valid-vector-length?', 'vector', MAX_ARRAY_LENGTH, k);
    return new RVector(new Array(n).fill(v), false);
  });
  t.fn('vector-length', 1, 1, (v) => {
    if (v instanceof RVector) return v.items.length;
    return wrappedVector('vector-length', v).items.length;
  });
  t.fn('vector-ref', 2, 2, function (this: Machine, v: Value, k: Value) {
    if (v instanceof RVector) {
      const i = checkIndex('vector-ref', k, 1, [v, k]);
      if (i >= v.items.length) indexRangeError('vector-ref', 'vector', k, v.items.length, v);
      return v.items[i];
    }
    const base = wrappedVector('vector-ref', v);
    const i = checkIndex('vector-ref', k, 1, [v, k]);
    if (i >= base.items.length) indexRangeError('vector-ref', 'vector', k, base.items.length, v);
    return vectorRefThrough(this, 'vector-ref', v as VectorImpersonator, i);
  });
  t.fn('vector-set!', 3, 3, function (this: Machine, v: Value, k: Value, x: Value) {
    if (v instanceof RVector && !v.immutable) {
      const i = checkIndex('vector-set!', k);
      if (i >= v.items.length) indexRangeError('vector-set!', 'vector', k, v.items.length, v);
      v.items[i] = x;
      return VOID;
    }
    const base = v instanceof VectorImpersonator ? vectorBase(v) : null;
    if (base === null || base.immutable) return argError('vector-set!', '(and/c vector? (not/c immutable?))', v);
    const i = checkIndex('vector-set!', k);
    if (i >= base.items.length) indexRangeError('vector-set!', 'vector', k, base.items.length, v);
    vectorSetThrough(this, 'vector-set!', v as VectorImpersonator, i, x);
    return VOID;
  });
  t.fn('vector->list', 1, 1, function (this: Machine, v: Value) {
    return listFromArray(readVector(this, 'vector->list', v));
  });
  t.fn('list->vector', 1, 1, (l) => new RVector(listToArray(checkList('list->vector', l)), false));
  t.fn('vector-fill!', 2, 2, function (this: Machine, v: Value, x: Value) {
    if (v instanceof VectorImpersonator && !vectorBase(v).immutable) {
      for (let i = 0; i < vectorBase(v).items.length; i++) vectorSetThrough(this, 'vector-fill!', v, i, x);
      return VOID;
    }
    if (!(v instanceof RVector) || v.immutable) return argError('vector-fill!', '(and/c vector? (not/c immutable?))', v);
    v.items.fill(x);
    return VOID;
  });
  t.in('racket/vector', () => {
    t.fn('vector-copy', 1, 3, function (this: Machine, v: Value, start: Value = 0, end?: Value) {
      const items = readVector(this, 'vector-copy', v);
      return new RVector(
        items.slice(checkIndex('vector-copy', start), end === undefined ? items.length : checkIndex('vector-copy', end)),
        false,
      );
    });
  });
  t.fn('vector->immutable-vector', 1, 1, function (this: Machine, v: Value) {
    if (v instanceof RVector && v.immutable) return v;
    return new RVector(readVector(this, 'vector->immutable-vector', v).slice(), true);
  });
  t.fn('vector-immutable', 0, -1, (...xs: Value[]) => new RVector(xs, true));
  t.valuesFn('vector->values', 1, 3, function (this: Machine, v: Value, start: Value = 0, end?: Value) {
    const items = readVector(this, 'vector->values', v);
    const [a, e] = checkRange('vector->values', 'vector', v, items.length, start, end);
    return e - a === 1 ? items[a] : new MultipleValues(items.slice(a, e));
  });
  t.fn('vector-copy!', 3, 5, function (this: Machine, dest: Value, destStart: Value, src: Value, srcStart: Value = 0, srcEnd?: Value) {
    const who = 'vector-copy!';
    if (dest instanceof VectorImpersonator && !vectorBase(dest).immutable) {
      checkIndex(who, destStart);
      const source = readVector(this, who, src);
      const [at] = checkRange(who, 'vector', dest, vectorBase(dest).items.length, destStart, vectorBase(dest).items.length);
      const [a, e] = checkRange(who, 'vector', src, source.length, srcStart, srcEnd);
      if (at + (e - a) > vectorBase(dest).items.length) {
        argumentsError(
          who,
          'not enough room in target vector',
          ['target length', vectorBase(dest).items.length],
          ['needed length', at + (e - a)],
        );
      }
      const part = source.slice(a, e);
      for (let i = 0; i < part.length; i++) vectorSetThrough(this, who, dest, at + i, part[i]);
      return VOID;
    }
    if (!(dest instanceof RVector) || dest.immutable) return argError(who, '(and/c vector? (not/c immutable?))', dest);
    checkIndex(who, destStart);
    const source = readVector(this, who, src);
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
  t.internalFn('check-vector-range', 4, 4, function (this: Machine, who: Value, v: Value, start: Value, end: Value) {
    const items = readVector(this, String(who), v);
    return checkRange(String(who), 'vector', v, items.length, start, end === false ? undefined : end)[1];
  });

  t.in('racket/vector', () => {
    t.fn('vector-member', 2, 2, vectorMember('vector-member', isEqual));
    t.fn('vector-memv', 2, 2, vectorMember('vector-memv', isEqv));
    t.fn('vector-memq', 2, 2, vectorMember('vector-memq', isEq));
  });
}
