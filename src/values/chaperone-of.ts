// chaperone-of? and impersonator-of?: the relation a chaperone's results
// must have to what it replaces.

import { isEqv } from './equal.js';
import { RHash } from './hash.js';
import { Impersonator, ProcedureImpersonator, VectorImpersonator } from './impersonator.js';
import { RSet } from './set.js';
import { StructInstance, type StructType } from './struct.js';
import { Box, MPair, Pair, RBytes, RString, RVector, type Value } from './types.js';

/** `prop:impersonator-of`'s procedure for a struct, installed by the primitives that define the property. */
let impersonatorOfTarget: (v: Value) => Value | undefined = () => undefined;
export function setImpersonatorOfTarget(f: (v: Value) => Value | undefined): void {
  impersonatorOfTarget = f;
}

/**
 * `chaperone-of?` (`impersonators` false) and `impersonator-of?` (true): `a`
 * is `b`, or wraps it (only with chaperones, for chaperone-of?), or both are
 * values whose parts are so related: immutable ones for chaperone-of?, any
 * for impersonator-of? (which is equal? that lets `a` have impersonators).
 */
export function isChaperoneOf(a: Value, b: Value, impersonators: boolean): boolean {
  b = withoutPassiveLayers(b);
  for (;;) {
    if (a === b || isEqv(a, b)) return true;
    if (a instanceof Impersonator) {
      if (!impersonators && !a.chaperone) return false;
      a = a.target;
      continue;
    }
    if (impersonators && a instanceof StructInstance) {
      const next = impersonatorOfTarget(a);
      if (next !== undefined) {
        a = next;
        continue;
      }
    }
    if (a instanceof Pair) {
      if (!(b instanceof Pair) || !isChaperoneOf(a.car, b.car, impersonators)) return false;
      a = a.cdr;
      b = b.cdr;
      continue;
    }
    break;
  }
  if (b instanceof Impersonator) return false;
  if (a instanceof RString) return b instanceof RString && (impersonators || (a.immutable && b.immutable)) && a.s === b.s;
  if (a instanceof RBytes) {
    if (!(b instanceof RBytes) || (!impersonators && (!a.immutable || !b.immutable)) || a.bytes.length !== b.bytes.length) return false;
    return a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof RVector) {
    if (!(b instanceof RVector) || (!impersonators && (!a.immutable || !b.immutable)) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => isChaperoneOf(x, b.items[i], impersonators));
  }
  if (a instanceof Box)
    return b instanceof Box && (impersonators || (a.immutable && b.immutable)) && isChaperoneOf(a.value, b.value, impersonators);
  if (a instanceof RHash) {
    if (!(b instanceof RHash) || a.mutable !== b.mutable || (!impersonators && a.mutable) || a.kind !== b.kind || a.size !== b.size)
      return false;
    for (const [k, v] of a.entries()) {
      const other = b.entry(k);
      if (other === undefined || !isChaperoneOf(v, other[1], impersonators)) return false;
    }
    return true;
  }
  if (a instanceof StructInstance) {
    if (!(b instanceof StructInstance) || a.type !== b.type || !(a.type.transparent || a.type.prefab !== null)) return false;
    if (!impersonators && !allFieldsImmutable(a.type)) return false;
    return a.fields.every((x, i) => isChaperoneOf(x, b.fields[i], impersonators));
  }
  // Sets are structures of their table in Racket: a chaperoned set's table wraps the original's.
  if (a instanceof RSet) {
    if (!(b instanceof RSet) || a.kind !== b.kind || a.mutable !== b.mutable || a.weak !== b.weak) return false;
    return isChaperoneOf(a.chap?.table ?? a.table, b.chap?.table ?? b.table, impersonators);
  }
  if (a instanceof MPair)
    return impersonators && b instanceof MPair && isChaperoneOf(a.car, b.car, true) && isChaperoneOf(a.cdr, b.cdr, true);
  return false;
}

function allFieldsImmutable(t: StructType | null): boolean {
  for (; t !== null; t = t.parent) if (t.mutableFields.size > 0) return false;
  return true;
}

/** `v` without its outer wrappers that redirect nothing (only carry properties), which chaperone-of? sees through on the right too. */
function withoutPassiveLayers(v: Value): Value {
  while ((v instanceof VectorImpersonator && v.ref === false) || (v instanceof ProcedureImpersonator && v.wrapper === false)) v = v.target;
  return v;
}
