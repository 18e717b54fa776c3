// Equality: eq?, eqv?, equal?, equal-always?, and the hash codes that go
// with them (equal-hash-code, eq-hash-code, ...).

import { eqIdentity } from '../values/identity.js';
import * as N from '../values/numbers.js';
import { isEq, isEqual, isEqv, encode, equalAlwaysKey, stringHash } from '../values/equal.js';
import { Box, RBytes, RString, RVector, type Value, Pair } from '../values/types.js';
import type { PrimTable } from './table.js';
import { RHash } from '../values/hash.js';
import { StructInstance } from '../values/struct.js';
import { customEqual, customEqualResult, customHashCode, equalHashCode, hasCustomEqual } from './equal-hash.js';

/** equal-always?: equal? on immutable data, eq? on anything mutable. */
export function isEqualAlways(a: Value, b: Value): boolean {
  if (isEqv(a, b)) return true;
  if (a instanceof StructInstance) {
    const custom = customEqual(a, b, false, isEqualAlways);
    if (custom !== undefined) return custom;
  }
  const mutable = (v: Value) =>
    ((v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box) && !v.immutable) ||
    (v instanceof RHash && v.mutable);
  if (mutable(a) || mutable(b)) return isEq(a, b);
  if (a instanceof Pair) return b instanceof Pair && isEqualAlways(a.car, b.car) && isEqualAlways(a.cdr, b.cdr);
  if (a instanceof RVector) {
    if (!(b instanceof RVector) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => isEqualAlways(x, b.items[i]));
  }
  if (a instanceof Box) return b instanceof Box && isEqualAlways(a.value, b.value);
  return isEqual(a, b);
}

export function eqHashCode(v: Value): number {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'object' && v !== null) return eqIdentity(v);
  return stringHash(String(v));
}

function eqvHashCode(v: Value): number {
  if (N.isNumber(v)) return typeof v === 'number' && Number.isSafeInteger(v) ? v : stringHash(N.numberToString(v));
  return eqHashCode(v);
}

/** Agrees with equal-always?: identity for mutable data, content otherwise. */
function equalAlwaysHashCode(v: Value, salt: string): number {
  if (salt === '' && typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  const key = equalAlwaysKey(v);
  if (typeof key === 'string') return stringHash(salt + key);
  if (key === v && typeof v === 'object' && v !== null && !(v instanceof Pair))
    return salt === '' ? eqHashCode(v) : stringHash(salt + eqHashCode(v));
  return stringHash(salt + encode(v));
}

/** equal-always-hash-code of an instance with its own equality (an equal?-only one that is mutable hashes by identity). */
function customAlwaysHashCode(v: Value, secondary: boolean): Value | undefined {
  if (!hasCustomEqual(v)) return undefined;
  const always = (x: Value) => customAlwaysHashCode(x, false) ?? equalAlwaysHashCode(x, '');
  return customHashCode(v, secondary, false, always) ?? eqHashCode(v);
}

export function installEquality(t: PrimTable): void {
  t.fn('eq?', 2, 2, isEq);
  t.fn('eqv?', 2, 2, isEqv);
  // An instance with its own equality answers what its procedure returns.
  t.fn('equal?', 2, 2, (a: Value, b: Value) =>
    a instanceof StructInstance ? (customEqualResult(a, b, true, isEqual) ?? isEqual(a, b)) : isEqual(a, b),
  );
  t.fn('equal-always?', 2, 2, (a: Value, b: Value) =>
    a instanceof StructInstance ? (customEqualResult(a, b, false, isEqualAlways) ?? isEqualAlways(a, b)) : isEqualAlways(a, b),
  );
  t.fn('equal-hash-code', 1, 1, equalHashCode);
  t.fn(
    'equal-secondary-hash-code',
    1,
    1,
    (v: Value) => (hasCustomEqual(v) ? customHashCode(v, true, true, equalHashCode) : undefined) ?? stringHash('2' + encode(v)),
  );
  t.fn('eq-hash-code', 1, 1, eqHashCode);
  t.fn('equal-always-hash-code', 1, 1, (v: Value) => customAlwaysHashCode(v, false) ?? equalAlwaysHashCode(v, ''));
  t.fn('equal-always-secondary-hash-code', 1, 1, (v: Value) => customAlwaysHashCode(v, true) ?? equalAlwaysHashCode(v, '2'));
  t.fn('eqv-hash-code', 1, 1, eqvHashCode);
}
