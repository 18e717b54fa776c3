// Equality a struct type defines for itself (The Racket Reference §4.1.3):
// prop:equal+hash, the properties behind the generic interfaces
// gen:equal+hash, gen:equal-mode+hash and gen:custom-write (whose
// `#:methods` clause is in macros/generic-interfaces.ts), and
// equal?/recur and equal-always?/recur.
//
// The user's procedures are Racket code, run to completion on a machine
// nested in the step that compares (eval/nested.ts), as custom writers are.
// Hash tables key entries by an encoding (values/equal.ts); an instance
// with its own equality is encoded by its hash code and the first instance
// seen with that code that its equality procedure accepts.

import { argError } from '../errors/messages.js';
import { runningMachine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { Primitive } from '../eval/procedures.js';
import { isEqual, isEqv, equalByHooks, encode, stringHash } from '../values/equal.js';
import { RHash } from '../values/hash.js';
import { StructImpersonator, seeThrough } from '../values/impersonator.js';
import { StructInstance, StructProperty, type StructType, propCustomWrite } from '../values/struct.js';
import { Box, MPair, Pair, RBytes, RString, RVector, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

const includes = (f: Value, n: number) => isProcedure(f) && arityIncludes(f, n);

const EQUAL_HASH_CONTRACT = `(or/c (list/c (procedure-arity-includes/c 4)
                          (procedure-arity-includes/c 3)
                  (list/c (procedure-arity-includes/c 3)
                          (procedure-arity-includes/c 2)
                          (procedure-arity-includes/c 2))`;

/** prop:equal+hash: (list equal-proc hash-proc hash2-proc) or (list equal-mode-proc hash-mode-proc). */
export const propEqualHash = new StructProperty(
  'equal+hash',
  new Primitive('guard-for-prop:equal+hash', 2, 2, (v: Value) => {
    const procs = isList(v) ? listToArray(v) : [];
    const ok =
      (procs.length === 3 && includes(procs[0], 3) && includes(procs[1], 2) && includes(procs[2], 2)) ||
      (procs.length === 2 && includes(procs[0], 4) && includes(procs[1], 3));
    return ok ? v : argError('guard-for-prop:equal+hash', EQUAL_HASH_CONTRACT, v);
  }),
);

/** A generic interface's property: its value is the method vector, checked for the methods' arities. */
function genericProperty(name: string, arities: number[], contract: string, supers: [StructProperty, (v: RVector) => Value][]) {
  const who = `guard-for-prop:gen:${name}`;
  return new StructProperty(
    `prop:gen:${name}`,
    new Primitive(who, 2, 2, (v: Value) =>
      v instanceof RVector && v.items.length === arities.length && arities.every((n, i) => includes(v.items[i], n))
        ? v
        : argError(who, contract, v),
    ),
    supers.map(([p, f]) => [p, new Primitive(`prop:gen:${name}->${p.name}`, 1, 1, (v: Value) => f(v as RVector))] as const),
  );
}

export const propGenEqualHash = genericProperty(
  'equal+hash',
  [3, 2, 2],
  `(vector/c (procedure-arity-includes/c 3)
                      (procedure-arity-includes/c 2)
                      (procedure-arity-includes/c 2))`,
  [[propEqualHash, (v) => listFromArray(v.items)]],
);
export const propGenEqualModeHash = genericProperty(
  'equal-mode+hash',
  [4, 3],
  `(vector/c (procedure-arity-includes/c 4)
                      (procedure-arity-includes/c 3))`,
  [[propEqualHash, (v) => listFromArray(v.items)]],
);
export const propGenCustomWrite = genericProperty('custom-write', [3], '(vector/c (procedure-arity-includes/c 3))', [
  [propCustomWrite, (v) => v.items[0]],
]);

/** The type in `type`'s chain that attached prop:equal+hash, with the procedures. */
function owner(type: StructType): { type: StructType; procs: Value[] } | null {
  for (let t: StructType | null = type; t !== null; t = t.parent) {
    const v = t.props.get(propEqualHash);
    if (v !== undefined) return { type: t, procs: listToArray(v) };
  }
  return null;
}

function hasMutableField(type: StructType): boolean {
  for (let t: StructType | null = type; t !== null; t = t.parent) if (t.mutableFields.size > 0) return true;
  return false;
}

/** Runs Racket procedure `f`; without a running machine (no Racket code can run here), undefined. */
function call(f: Value, args: Value[]): Value | undefined {
  const m = runningMachine();
  return m === null ? undefined : applyNested(m, f, args);
}

const recurProcedure = (name: string, recur: (x: Value, y: Value) => boolean) =>
  new Primitive(name, 2, 2, (x: Value, y: Value) => recur(x, y));

/**
 * equal? (`equalMode`) or equal-always? of `a`, an instance, with `b` by
 * the struct's own procedures; undefined when `a`'s type has none. The two
 * must share the type that attached the property.
 */
export function customEqual(a: StructInstance, b: Value, equalMode: boolean, recur: (x: Value, y: Value) => boolean): boolean | undefined {
  const r = customEqualResult(a, b, equalMode, recur);
  return r === undefined ? undefined : r !== false;
}

/** customEqual's answer as the struct's procedure gave it: equal? of two such instances is what it returns. */
export function customEqualResult(
  a: StructInstance,
  b: Value,
  equalMode: boolean,
  recur: (x: Value, y: Value) => boolean,
): Value | undefined {
  const own = owner(a.type);
  if (own === null) return undefined;
  // A chaperone or impersonator of an instance compares as the instance.
  if (b instanceof StructImpersonator) b = seeThrough(b);
  if (a === b) return true;
  if (!(b instanceof StructInstance) || owner(b.type)?.type !== own.type) return false;
  const rec = recurProcedure(equalMode ? 'equal?' : 'equal-always?', recur);
  if (own.procs.length === 3) {
    // The equal?-only procedures: for equal-always?, a mutable instance is only itself.
    if (!equalMode && hasMutableField(a.type)) return false;
    return call(own.procs[0], [a, b, rec]) ?? false;
  }
  return call(own.procs[0], [a, b, rec, equalMode]) ?? false;
}

/** Whether `v` is an instance whose type defines its own equality. */
export function hasCustomEqual(v: Value): v is StructInstance {
  return v instanceof StructInstance && owner(v.type) !== null;
}

/** The hash code an instance's own procedures give (`secondary`: hash2-proc); `hashOf` hashes the parts. */
export function customHashCode(v: StructInstance, secondary: boolean, equalMode: boolean, hashOf: (x: Value) => Value): Value | undefined {
  const own = owner(v.type);
  if (own === null) return undefined;
  const rec = new Primitive(equalMode ? 'equal-hash-code' : 'equal-always-hash-code', 1, 1, hashOf);
  if (own.procs.length === 3) {
    // The equal?-only procedures: for equal-always?, a mutable instance hashes by identity.
    if (!equalMode && hasMutableField(v.type)) return undefined;
    return call(own.procs[secondary ? 2 : 1], [v, rec]);
  }
  const h = call(own.procs[1], [v, rec, equalMode]);
  return secondary && typeof h === 'number' ? stringHash(`2${h}`) : h;
}

/** The primary equal-hash-code of any value, through the struct procedures of the instances in it. */
export function equalHashCode(v: Value): Value {
  if (v instanceof StructInstance) {
    const h = customHashCode(v, false, true, equalHashCode);
    if (h !== undefined) return h;
  }
  // As Racket's, a nonnegative fixnum is its own hash code.
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  return stringHash(encode(v));
}

// Representatives of the classes of instances with their own equality, by hash code.
const representatives = new Map<string, WeakRef<StructInstance>[]>();
const representativeIds = new WeakMap<StructInstance, number>();
let nextRepresentative = 1;

/** The equal?-key of an instance with its own equality (undefined for any other value). */
export function customEqualKey(v: Value): string | undefined {
  if (!hasCustomEqual(v)) return undefined;
  const h = customHashCode(v, false, true, equalHashCode);
  const code = typeof h === 'number' || typeof h === 'bigint' ? String(h) : '?';
  let bucket = representatives.get(code);
  if (bucket === undefined) {
    bucket = [];
    representatives.set(code, bucket);
  }
  let found: StructInstance | undefined;
  for (let i = 0; i < bucket.length && found === undefined; i++) {
    const rep = bucket[i].deref();
    if (rep === undefined) bucket.splice(i--, 1);
    else if (rep === v || customEqual(rep, v, true, isEqual)) found = rep;
  }
  if (found === undefined) {
    found = v;
    bucket.push(new WeakRef(v));
    representativeIds.set(v, nextRepresentative++);
  }
  return `U${code}:${representativeIds.get(found)};`;
}

function isMutableData(v: Value): boolean {
  return (
    ((v instanceof RString || v instanceof RBytes || v instanceof RVector || v instanceof Box) && !v.immutable) ||
    v instanceof MPair ||
    (v instanceof RHash && v.mutable)
  );
}

/** equal? (or equal-always?) of `a` and `b` one level down: their parts are compared by `recur`. */
function equalOneLevel(a: Value, b: Value, recur: (x: Value, y: Value) => boolean, equalMode: boolean): Value {
  if (isEqv(a, b)) return true;
  if (!equalMode && (isMutableData(a) || isMutableData(b))) return false;
  if (a instanceof Pair) return b instanceof Pair && recur(a.car, b.car) && recur(a.cdr, b.cdr);
  if (a instanceof MPair) return b instanceof MPair && recur(a.car, b.car) && recur(a.cdr, b.cdr);
  if (a instanceof RVector) {
    if (!(b instanceof RVector) || a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => recur(x, b.items[i]));
  }
  if (a instanceof Box) return b instanceof Box && recur(a.value, b.value);
  if (a instanceof StructInstance) {
    const custom = customEqualResult(a, b, equalMode, recur);
    if (custom !== undefined) return custom;
    if (!equalMode && hasMutableField(a.type)) return false;
  }
  if (a instanceof RString || a instanceof RBytes) return isEqual(a, b);
  // Hash tables (values/hash.ts) and the other kinds with their own equality.
  return equalByHooks(a, b, recur) ?? false;
}

export function installEqualHash(t: PrimTable): void {
  t.value('prop:equal+hash', propEqualHash);
  t.internal('prop:gen:equal+hash', propGenEqualHash);
  t.internal('prop:gen:equal-mode+hash', propGenEqualModeHash);
  t.internal('prop:gen:custom-write', propGenCustomWrite);
  for (const [who, equalMode] of [
    ['equal?/recur', true],
    ['equal-always?/recur', false],
  ] as const) {
    t.fn(who, 3, 3, (a: Value, b: Value, proc: Value) => {
      if (!includes(proc, 2)) return argError(who, '(procedure-arity-includes/c 2)', proc);
      return equalOneLevel(a, b, (x, y) => call(proc, [x, y]) !== false, equalMode);
    });
  }
}
