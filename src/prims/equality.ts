// Equality: eq?, eqv?, equal?, equal-always?, and the hash codes that go
// with them (equal-hash-code, eq-hash-code, ...).

import * as N from '../values/numbers.js';
import { isEq, isEqual, isEqv, encode, equalAlwaysKey } from '../values/equal.js';
import { Box, RBytes, RString, RVector, type Value, Pair } from '../values/types.js';
import type { PrimTable } from './table.js';
import { RHash } from '../values/hash.js';

/** equal-always?: equal? on immutable data, eq? on anything mutable. */
export function isEqualAlways(a: Value, b: Value): boolean {
  if (isEqv(a, b)) return true;
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

/** A 53-bit string hash (FNV-1a folded), stable across runs. */
function stringHash(s: string): number {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) h = ((h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return Number(h & 0x1fffffffffffffn);
}

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function eqHashCode(v: Value): number {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'object' && v !== null) {
    let id = identities.get(v);
    if (id === undefined) {
      id = nextIdentity++;
      identities.set(v, id);
    }
    return id;
  }
  return stringHash(String(v));
}

function eqvHashCode(v: Value): number {
  if (N.isNumber(v)) return typeof v === 'number' && Number.isSafeInteger(v) ? v : stringHash(N.numberToString(v));
  return eqHashCode(v);
}

/** Agrees with equal-always?: identity for mutable data, content otherwise. */
function equalAlwaysHashCode(v: Value, salt: string): number {
  const key = equalAlwaysKey(v);
  if (typeof key === 'string') return stringHash(salt + key);
  if (key === v && typeof v === 'object' && v !== null && !(v instanceof Pair))
    return salt === '' ? eqHashCode(v) : stringHash(salt + eqHashCode(v));
  return stringHash(salt + encode(v));
}

export function installEquality(t: PrimTable): void {
  t.fn('eq?', 2, 2, isEq);
  t.fn('eqv?', 2, 2, isEqv);
  t.fn('equal?', 2, 2, isEqual);
  t.fn('equal-always?', 2, 2, isEqualAlways);
  t.fn('equal-hash-code', 1, 1, (v: Value) => stringHash(encode(v)));
  t.fn('equal-secondary-hash-code', 1, 1, (v: Value) => stringHash('2' + encode(v)));
  t.fn('eq-hash-code', 1, 1, eqHashCode);
  t.fn('equal-always-hash-code', 1, 1, (v: Value) => equalAlwaysHashCode(v, ''));
  t.fn('equal-always-secondary-hash-code', 1, 1, (v: Value) => equalAlwaysHashCode(v, '2'));
  t.fn('eqv-hash-code', 1, 1, eqvHashCode);
}
