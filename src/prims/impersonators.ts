// Impersonators and chaperones of data (The Racket Reference §14.5): the
// constructors for vectors, boxes, hash tables, structs and the other kinds,
// the predicates and relations, impersonator properties, and the operations
// that go through interposition procedures (vectors.ts, boxes.ts, hashes.ts
// and structs.ts test the plain representation first and call these only
// when it is not there). Procedure chaperones are in
// procedure-impersonators.ts.
//
// Interposition procedures run to completion on a machine nested in the
// calling step (eval/nested.ts), as the simple primitives that call them
// must return a value.

import type { Machine } from '../eval/machine.js';
import { runningMachine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { Primitive } from '../eval/procedures.js';
import { argError, argumentsError, errorValueString, resultArityError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { RHash } from '../values/hash.js';
import { encode, registerEqualHook, registerEqualKeyHook } from '../values/equal.js';
import { isChaperoneOf, setImpersonatorOfTarget } from '../values/chaperone-of.js';
import {
  BoxImpersonator,
  HashImpersonator,
  Impersonator,
  ImpersonatorProperty,
  NO_PROPS,
  type Props,
  StructImpersonator,
  VectorImpersonator,
  propertyOf,
  seeThrough,
  setSeeThrough,
  unwrapAll,
} from '../values/impersonator.js';
import { StructInstance, StructProperty } from '../values/struct.js';
import { RSet } from '../values/set.js';
import { Box, MultipleValues, RVector, Sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** Applies `proc` to `args` to completion; its results as an array. */
export function callInterposition(m: Machine | null, proc: Value, args: readonly Value[]): Value[] {
  const outer = m ?? runningMachine();
  if (outer === null) throw new Error('internal: interposition outside a running machine');
  const r = applyNested(outer, proc, args);
  return r instanceof MultipleValues ? r.vals : [r];
}

/** One result of an interposition procedure (Racket's result arity error otherwise). */
export function callForOne(m: Machine | null, proc: Value, args: readonly Value[]): Value {
  const r = callInterposition(m, proc, args);
  if (r.length !== 1) resultArityError(1, r.length);
  return r[0];
}

function fail(message: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, message));
}

/** Vector and box interpositions: `who: chaperone produced a result that is not a chaperone of the original result`. */
function checkResult(who: string, w: Impersonator, got: Value, original: Value): Value {
  if (w.chaperone && !isChaperoneOf(got, original, false)) {
    fail(
      `${who}: chaperone produced a result that is not a chaperone of the original result\n  chaperone result: ${errorValueString(got)}\n  original result: ${errorValueString(original)}`,
    );
  }
  return got;
}

/** Hash and struct interpositions: `who: non-chaperone result; received a key that is not a chaperone of the original key`. */
export function checkNonChaperone(who: string, what: string, w: { chaperone: boolean }, got: Value, original: Value): Value {
  if (w.chaperone && !isChaperoneOf(got, original, false)) {
    fail(
      `${who}: non-chaperone result; received a ${what} that is not a chaperone of the original ${what}\n  original: ${errorValueString(original)}\n  received: ${errorValueString(got)}`,
    );
  }
  return got;
}

// ---------------------------------------------------------------------------
// Vectors

/** The plain vector under a vector wrapper. */
export function vectorBase(v: VectorImpersonator): RVector {
  return unwrapAll(v) as RVector;
}

export function isVectorLike(v: Value): boolean {
  return v instanceof RVector || v instanceof VectorImpersonator;
}

/** vector-ref through the wrappers of `v`, outermost last; `i` has been checked. */
export function vectorRefThrough(m: Machine | null, who: string, v: VectorImpersonator, i: number): Value {
  const outer = v;
  const read = (w: Value): Value => {
    if (!(w instanceof VectorImpersonator)) return (w as RVector).items[i];
    if (w.replacement !== null) return read(w.replacement);
    const x = read(w.target);
    if (w.ref === false) return x;
    const got = callForOne(m, w.ref, w.star ? [outer, w.target, i, x] : [w.target, i, x]);
    return checkResult(who, w, got, x);
  };
  return read(v);
}

/** vector-set! through the wrappers of `v`, outermost first. */
export function vectorSetThrough(m: Machine | null, who: string, v: VectorImpersonator, i: number, x: Value): void {
  const outer = v;
  let w: Value = v;
  while (w instanceof VectorImpersonator) {
    if (w.replacement !== null) {
      w = w.replacement;
      continue;
    }
    if (w.set !== false) x = checkResult(who, w, callForOne(m, w.set, w.star ? [outer, w.target, i, x] : [w.target, i, x]), x);
    w = w.target;
  }
  (w as RVector).items[i] = x;
}

/** Every element of a vector or vector wrapper, read as vector-ref would. */
export function vectorItems(m: Machine | null, who: string, v: RVector | VectorImpersonator): Value[] {
  if (v instanceof RVector) return v.items;
  const n = vectorBase(v).items.length;
  const out = new Array(n);
  // Racket reads a chaperoned vector's elements from the last one down.
  for (let i = n - 1; i >= 0; i--) out[i] = vectorRefThrough(m, who, v, i);
  return out;
}

// ---------------------------------------------------------------------------
// Boxes

export function boxBase(b: BoxImpersonator): Box {
  return unwrapAll(b) as Box;
}

export function unboxThrough(m: Machine | null, who: string, b: BoxImpersonator): Value {
  const read = (w: Value): Value => {
    if (!(w instanceof BoxImpersonator)) return (w as Box).value;
    const x = read(w.target);
    return checkResult(who, w, callForOne(m, w.unbox, [w.target, x]), x);
  };
  return read(b);
}

export function setBoxThrough(m: Machine | null, who: string, b: BoxImpersonator, x: Value): void {
  let w: Value = b;
  while (w instanceof BoxImpersonator) {
    x = checkResult(who, w, callForOne(m, w.set, [w.target, x]), x);
    w = w.target;
  }
  (w as Box).value = x;
}

// ---------------------------------------------------------------------------
// Hash tables

export function hashBase(h: HashImpersonator): RHash {
  return unwrapAll(h) as RHash;
}

function twoResults(m: Machine | null, proc: Value, args: readonly Value[]): [Value, Value] {
  const r = callInterposition(m, proc, args);
  if (r.length !== 2) resultArityError(2, r.length);
  return [r[0], r[1]];
}

/** The key an equal-key interposition gives for comparisons, through the layers. */
function comparisonKey(m: Machine | null, who: string, w: HashImpersonator, k: Value): Value {
  if (w.equalKey === false) return k;
  return checkNonChaperone(who, 'key', w, callForOne(m, w.equalKey, [w.target, k]), k);
}

/** hash-ref through the wrappers: the value, or undefined when the key is absent. */
export function hashRefThrough(m: Machine | null, who: string, h: Value, k: Value): Value | undefined {
  if (!(h instanceof HashImpersonator)) return (h as RHash).get(k);
  const [k2, post] = twoResults(m, h.ref, [h.target, k]);
  checkNonChaperone(who, 'key', h, k2, k);
  const v = hashRefThrough(m, who, h.target, comparisonKey(m, who, h, k2));
  if (v === undefined) return undefined;
  return checkNonChaperone(who, 'value', h, callForOne(m, post, [h.target, k2, v]), v);
}

export function hashSetThrough(m: Machine | null, who: string, h: Value, k: Value, v: Value): void {
  while (h instanceof HashImpersonator) {
    const [k2, v2] = twoResults(m, h.set, [h.target, k, v]);
    checkNonChaperone(who, 'key', h, k2, k);
    checkNonChaperone(who, 'value', h, v2, v);
    k = comparisonKey(m, who, h, k2);
    v = v2;
    h = h.target;
  }
  (h as RHash).setInPlace(k, v);
}

export function hashRemoveThrough(m: Machine | null, who: string, h: Value, k: Value): void {
  while (h instanceof HashImpersonator) {
    const k2 = checkNonChaperone(who, 'key', h, callForOne(m, h.remove, [h.target, k]), k);
    k = comparisonKey(m, who, h, k2);
    h = h.target;
  }
  (h as RHash).deleteInPlace(k);
}

/** The functional update of an immutable table under wrappers: the same wrappers around the new table. */
export function hashFunctionalThrough(m: Machine | null, who: string, h: Value, k: Value, v: Value | undefined): Value {
  if (!(h instanceof HashImpersonator)) {
    const base = h as RHash;
    return v === undefined ? base.withRemoved(k) : base.withSet(k, v);
  }
  let k2: Value;
  let v2: Value | undefined;
  if (v === undefined) {
    k2 = checkNonChaperone(who, 'key', h, callForOne(m, h.remove, [h.target, k]), k);
  } else {
    [k2, v2] = twoResults(m, h.set, [h.target, k, v]);
    checkNonChaperone(who, 'key', h, k2, k);
    checkNonChaperone(who, 'value', h, v2, v);
  }
  const inner = hashFunctionalThrough(m, who, h.target, comparisonKey(m, who, h, k2), v2);
  return new HashImpersonator(inner, h.chaperone, h.props, h.ref, h.set, h.remove, h.key, h.clear, h.equalKey);
}

/** A key as iteration shows it: through each layer's key interposition, innermost first. */
export function hashKeyThrough(m: Machine | null, who: string, h: Value, k: Value): Value {
  if (!(h instanceof HashImpersonator)) return k;
  const inner = hashKeyThrough(m, who, h.target, k);
  return checkNonChaperone(who, 'key', h, callForOne(m, h.key, [h.target, inner]), inner);
}

/** The table's entries as seen through the wrappers (keys through `key`, values through `ref`). */
export function hashEntriesThrough(m: Machine | null, _who: string, h: HashImpersonator): [Value, Value][] {
  const out: [Value, Value][] = [];
  // Racket reports a bad key as hash-iterate-key's and a bad value as hash-ref's, whatever iterated.
  for (const [k] of hashBase(h).entries()) {
    const key = hashKeyThrough(m, 'hash-iterate-key', h, k);
    const v = hashRefThrough(m, 'hash-ref', h, key);
    if (v !== undefined) out.push([key, v]);
  }
  return out;
}

export function hashClearThrough(m: Machine | null, who: string, h: HashImpersonator): void {
  let w: Value = h;
  while (w instanceof HashImpersonator) {
    if (w.clear === false) {
      for (const [k] of hashBase(h).entries()) hashRemoveThrough(m, who, h, hashKeyThrough(m, who, h, k));
      return;
    }
    callInterposition(m, w.clear, [w.target]);
    w = w.target;
  }
  (w as RHash).clearInPlace();
}

/** hash-clear of an immutable table under wrappers: each layer's clear procedure, then the wrappers around an empty table. */
export function hashClearFunctionalThrough(m: Machine | null, who: string, h: HashImpersonator): Value {
  const layers: HashImpersonator[] = [];
  for (let w: Value = h; w instanceof HashImpersonator; w = w.target) {
    if (w.clear === false) {
      // No clear procedure: the keys are removed one by one through the wrappers.
      let out: Value = h;
      for (const [k] of hashBase(h).entries()) out = hashFunctionalThrough(m, who, out, hashKeyThrough(m, who, h, k), undefined);
      return out;
    }
    layers.push(w);
  }
  for (const w of layers) callInterposition(m, w.clear, [w.target]);
  let out: Value = new RHash(hashBase(h).kind, false);
  for (let i = layers.length - 1; i >= 0; i--) {
    const w = layers[i];
    out = new HashImpersonator(out, w.chaperone, w.props, w.ref, w.set, w.remove, w.key, w.clear, w.equalKey);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Structs

/** The struct instance under a struct wrapper. */
export function structBase(v: StructImpersonator): StructInstance {
  return unwrapAll(v) as StructInstance;
}

/** Field `index` (absolute) through the accessor redirections, innermost first. */
export function structRefThrough(m: Machine | null, v: Value, index: number): Value {
  if (!(v instanceof StructImpersonator)) return (v as StructInstance).fields[index];
  const x = structRefThrough(m, v.target, index);
  const redirect = v.refs.get(index);
  if (redirect === undefined || redirect === false) return x;
  return checkNonChaperone('struct-ref', 'value', v, callForOne(m, redirect, [v.target, x]), x);
}

export function structSetThrough(m: Machine | null, v: Value, index: number, x: Value): void {
  while (v instanceof StructImpersonator) {
    const redirect = v.sets.get(index);
    if (redirect !== undefined && redirect !== false)
      x = checkNonChaperone('struct-set!', 'value', v, callForOne(m, redirect, [v.target, x]), x);
    v = v.target;
  }
  (v as StructInstance).fields[index] = x;
}

/** A struct-type property's value for a wrapped struct, through the property-accessor redirections. */
export function structPropertyThrough(m: Machine | null, v: Value, accessor: Value, value: Value): Value {
  if (!(v instanceof StructImpersonator)) return value;
  const x = structPropertyThrough(m, v.target, accessor, value);
  const redirect = v.propRefs.get(accessor);
  if (redirect === undefined || redirect === false) return x;
  return checkNonChaperone('struct-ref', 'value', v, callForOne(m, redirect, [v.target, x]), x);
}

/** A plain copy of a wrapped struct, its fields read through the wrappers. */
function structSnapshot(m: Machine | null, v: StructImpersonator): StructInstance {
  const base = structBase(v);
  return new StructInstance(
    base.type,
    base.fields.map((_, i) => structRefThrough(m, v, i)),
  );
}

// ---------------------------------------------------------------------------
// Seeing through, for equal? and printing

setSeeThrough((v) => {
  if (v instanceof VectorImpersonator) {
    const base = vectorBase(v);
    // The printer and equal? read from the first element up.
    const items = base.items.map((_, i) => vectorRefThrough(null, 'vector-ref', v, i));
    return new RVector(items, base.immutable);
  }
  if (v instanceof BoxImpersonator) return new Box(unboxThrough(null, 'unbox', v), boxBase(v).immutable);
  if (v instanceof HashImpersonator) {
    const base = hashBase(v);
    const copy = new RHash(base.kind, base.mutable);
    for (const [k, x] of hashEntriesThrough(null, 'hash-iterate-key', v)) copy.setInPlace(k, x);
    return copy;
  }
  if (v instanceof StructImpersonator) return structSnapshot(null, v);
  return unwrapAll(v);
});

registerEqualHook({
  equal(a, b, recur) {
    if (!(a instanceof Impersonator)) return undefined;
    // Wrappers of the same value are equal without consulting them, as in Racket.
    if (unwrapAll(a) === unwrapAll(b)) return true;
    return recur(seeThrough(a), b instanceof Impersonator ? seeThrough(b) : b);
  },
});
registerEqualKeyHook((v) => (v instanceof Impersonator ? encode(seeThrough(v)) : undefined));

// ---------------------------------------------------------------------------
// Constructors

/** The impersonator properties at the end of a constructor's arguments: `prop val ...`. */
export function parseProps(who: string, args: readonly Value[]): Props {
  if (args.length === 0) return NO_PROPS;
  const props = new Map<ImpersonatorProperty, Value>();
  for (let i = 0; i < args.length; i += 2) {
    const p = args[i];
    if (!(p instanceof ImpersonatorProperty)) return argError(who, 'impersonator-property?', p);
    if (i + 1 >= args.length)
      fail(`${who}: missing value argument after an imperonsonator-property argument\n  impersonator property: ${errorValueString(p)}`);
    props.set(p, args[i + 1]);
  }
  return props;
}

function checkInterposition(who: string, v: Value, arity: number, orFalse: boolean): Value {
  if ((orFalse && v === false) || (isProcedure(v) && arityIncludes(v, arity))) return v;
  return argError(who, orFalse ? `(or/c (procedure-arity-includes/c ${arity}) #f)` : `(procedure-arity-includes/c ${arity})`, v);
}

function makeVectorImpersonator(who: string, chaperone: boolean, star: boolean, a: Value[]): Value {
  const [v, ref, set, ...rest] = a;
  if (chaperone ? !isVectorLike(v) : !isMutableVector(v))
    return argError(who, chaperone ? 'vector?' : '(and/c vector? (not/c immutable?))', v);
  const n = star ? 4 : 3;
  checkInterposition(who, ref, n, true);
  checkInterposition(who, set, n, true);
  const props = parseProps(who, rest);
  if ((ref === false) !== (set === false)) {
    argumentsError(
      who,
      'accessor and mutator wrapper must be both `#f` or neither `#f`',
      ['accessor wrapper', ref],
      ['mutator wrapper', set],
    );
  }
  return new VectorImpersonator(v, chaperone, props, ref, set, star);
}

function isMutableVector(v: Value): boolean {
  return v instanceof RVector ? !v.immutable : v instanceof VectorImpersonator && !vectorBase(v).immutable;
}

function makeBoxImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [b, unbox, set, ...rest] = a;
  const isBox = b instanceof Box || b instanceof BoxImpersonator;
  const mutable = b instanceof Box ? !b.immutable : b instanceof BoxImpersonator && !boxBase(b).immutable;
  if (chaperone ? !isBox : !mutable) return argError(who, chaperone ? 'box?' : '(and/c box? (not/c immutable?))', b);
  checkInterposition(who, unbox, 2, false);
  checkInterposition(who, set, 2, false);
  return new BoxImpersonator(b, chaperone, parseProps(who, rest), unbox, set);
}

function makeHashImpersonator(who: string, chaperone: boolean, a: Value[]): Value {
  const [h, ref, set, remove, key, ...more] = a;
  const isHash = h instanceof RHash || h instanceof HashImpersonator;
  const mutable = h instanceof RHash ? h.mutable : h instanceof HashImpersonator && hashBase(h).mutable;
  if (chaperone ? !isHash : !mutable) return argError(who, chaperone ? 'hash?' : '(and/c hash? (not/c immutable?))', h);
  checkInterposition(who, ref, 2, false);
  checkInterposition(who, set, 3, false);
  checkInterposition(who, remove, 2, false);
  checkInterposition(who, key, 2, false);
  // Optional clear and equal-key procedures come before the properties.
  let clear: Value = false;
  let equalKey: Value = false;
  let rest = more;
  if (rest.length > 0 && !(rest[0] instanceof ImpersonatorProperty)) {
    clear = checkInterposition(who, rest[0], 1, true);
    rest = rest.slice(1);
    if (rest.length > 0 && !(rest[0] instanceof ImpersonatorProperty)) {
      equalKey = checkInterposition(who, rest[0], 2, true);
      rest = rest.slice(1);
    }
  }
  return new HashImpersonator(h, chaperone, parseProps(who, rest), ref, set, remove, key, clear, equalKey);
}

// ---------------------------------------------------------------------------
// Installing

export function installImpersonators(t: PrimTable): void {
  // The replacement vector is trusted to stand for the vector; only the vectors themselves are checked.
  t.in('racket/unsafe/ops', () => {
    for (const [who, chaperone] of [
      ['unsafe-chaperone-vector', true],
      ['unsafe-impersonate-vector', false],
    ] as const) {
      t.fn(who, 2, -1, (v: Value, replacement: Value, ...rest: Value[]) => {
        if (!isVectorLike(v)) return argError(who, 'vector?', v);
        if (!isVectorLike(replacement)) return argError(who, 'vector?', replacement);
        return new VectorImpersonator(v, chaperone, parseProps(who, rest), false, false, false, replacement);
      });
    }
  });
  t.fn('chaperone-vector', 3, -1, (...a: Value[]) => makeVectorImpersonator('chaperone-vector', true, false, a));
  t.fn('impersonate-vector', 3, -1, (...a: Value[]) => makeVectorImpersonator('impersonate-vector', false, false, a));
  t.fn('chaperone-vector*', 3, -1, (...a: Value[]) => makeVectorImpersonator('chaperone-vector*', true, true, a));
  t.fn('impersonate-vector*', 3, -1, (...a: Value[]) => makeVectorImpersonator('impersonate-vector*', false, true, a));
  t.fn('chaperone-box', 3, -1, (...a: Value[]) => makeBoxImpersonator('chaperone-box', true, a));
  t.fn('impersonate-box', 3, -1, (...a: Value[]) => makeBoxImpersonator('impersonate-box', false, a));
  t.fn('chaperone-hash', 5, -1, (...a: Value[]) => makeHashImpersonator('chaperone-hash', true, a));
  t.fn('impersonate-hash', 5, -1, (...a: Value[]) => makeHashImpersonator('impersonate-hash', false, a));

  // A chaperoned hash set counts only when it has properties (Racket puts those with chaperone-struct).
  t.fn('impersonator?', 1, 1, (v) => v instanceof Impersonator || setWithProps(v));
  t.fn('chaperone?', 1, 1, (v) => (v instanceof Impersonator && isChaperoneChain(v)) || setWithProps(v));
  t.fn('impersonator-of?', 2, 2, (a: Value, b: Value) => isChaperoneOf(a, b, true));
  t.fn('chaperone-of?', 2, 2, (a: Value, b: Value) => isChaperoneOf(a, b, false));

  t.valuesFn('make-impersonator-property', 1, 4, (name: Value, ...names: Value[]) => {
    if (!(name instanceof Sym)) return argError('make-impersonator-property', 'symbol?', name);
    for (const n of names) if (n !== false && !(n instanceof Sym)) return argError('make-impersonator-property', '(or/c symbol? #f)', n);
    const p = new ImpersonatorProperty(name.name);
    const pred = new Primitive(`${name.name}?`, 1, 1, (v: Value) => propertyOf(v, p) !== undefined);
    propertyPredicates.add(pred);
    const accName = names[0] instanceof Sym ? names[0].name : `${name.name}-accessor`;
    const accessor = new Primitive(accName, 1, 2, function (this: Machine, v: Value, failure?: Value) {
      const got = propertyOf(v, p);
      if (got !== undefined) return got;
      if (failure === undefined) return argError(accName, `${name.name}?`, v);
      return isProcedure(failure) ? applyNested(this, failure, []) : failure;
    });
    propertyAccessors.add(accessor);
    return new MultipleValues([p, pred, accessor]);
  });
  t.fn('impersonator-property?', 1, 1, (v) => v instanceof ImpersonatorProperty);
  t.fn('impersonator-property-accessor-procedure?', 1, 1, (v) => propertyAccessors.has(v as object));
  t.value('impersonator-prop:application-mark', applicationMark);
  t.value('prop:impersonator-of', propImpersonatorOf);
}

const propertyAccessors = new WeakSet<object>();
const propertyPredicates = new WeakSet<object>();

/** A predicate or accessor made by make-impersonator-property. */
export function impersonatorPropertyProcedureKind(v: Value): 'predicate' | 'accessor' | null {
  if (typeof v !== 'object' || v === null) return null;
  return propertyAccessors.has(v) ? 'accessor' : propertyPredicates.has(v) ? 'predicate' : null;
}

function setWithProps(v: Value): boolean {
  return v instanceof RSet && v.chap !== null && v.chap.props.size > 0;
}

/** A chaperone, not an impersonator, at the outermost layer (Racket's chaperone? looks at that layer). */
function isChaperoneChain(v: Impersonator): boolean {
  return v.chaperone;
}

/** impersonator-prop:application-mark: its value (a pair) is a continuation mark put on the call. */
export const applicationMark = new ImpersonatorProperty('application-mark');

/** prop:impersonator-of: a procedure giving the value that an instance counts as an impersonator of. */
export const propImpersonatorOf = new StructProperty('impersonator-of');

setImpersonatorOfTarget((v) => {
  if (!(v instanceof StructInstance)) return undefined;
  const p = v.type.prop(propImpersonatorOf);
  if (p === undefined) return undefined;
  const m = runningMachine();
  if (m === null) return undefined;
  const r = applyNested(m, p, [v]);
  return r === false ? undefined : r;
});
