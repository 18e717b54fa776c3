// Impersonators and chaperones (The Racket Reference §14.5): wrappers that
// redirect some operations of a value (procedure application, vector and box
// access, hash table operations, struct field access) to interposition
// procedures. A chaperone may only add checks or return chaperones of what
// the operation would produce; an impersonator may return anything.
//
// This module holds the representation and the chaperone-of relation. The
// operations that go through the interposition procedures run Racket code,
// so they live above (prims/impersonators.ts); equality and the printer,
// which sit below, see a wrapped value through `seeThrough`, which that
// module installs. The chaperone-of relation is in chaperone-of.ts.

import { customPrint } from './printable.js';
import type { Value } from './types.js';
import { StructType } from './struct.js';

/** A key made by `make-impersonator-property`. */
export class ImpersonatorProperty {
  constructor(readonly name: string) {}
  [customPrint](): string {
    return '#<impersonator-property>';
  }
}

/** The impersonator properties a wrapper carries. */
export type Props = ReadonlyMap<ImpersonatorProperty, Value>;
export const NO_PROPS: Props = new Map();

/** A wrapper around `target` (a plain value or another wrapper). */
export abstract class Impersonator {
  constructor(
    readonly target: Value,
    /** A chaperone (true) or an impersonator (false). */
    readonly chaperone: boolean,
    readonly props: Props,
  ) {}
}

/** `chaperone-vector`, `impersonate-vector` and their `*` forms. */
export class VectorImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    /** (vec i v) → v, or #f. With `star`, the outermost wrapper comes first. */
    readonly ref: Value,
    readonly set: Value,
    readonly star: boolean,
    /** unsafe-impersonate-vector: the vector that references and assignments go to instead (null: none). */
    readonly replacement: Value = null,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-box`, `impersonate-box`. */
export class BoxImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    readonly unbox: Value,
    readonly set: Value,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-hash`, `impersonate-hash`. */
export class HashImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    readonly ref: Value,
    readonly set: Value,
    readonly remove: Value,
    readonly key: Value,
    /** #f: hash-clear! removes the keys one by one through `remove`. */
    readonly clear: Value,
    readonly equalKey: Value,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-struct`, `impersonate-struct`: redirections by absolute field index. */
export class StructImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    readonly refs: ReadonlyMap<number, Value>,
    readonly sets: ReadonlyMap<number, Value>,
    /** Struct-type-property accessors redirected, by the property accessor procedure. */
    readonly propRefs: ReadonlyMap<Value, Value>,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-procedure`, `impersonate-procedure` and their `*` forms. */
export class ProcedureImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    /** The wrapper procedure, or #f (only properties are added). */
    readonly wrapper: Value,
    /** The wrapper also receives the procedure that was applied. */
    readonly star: boolean,
    /** unsafe-impersonate-procedure: the wrapper is called instead of the target, with the arguments as given. */
    readonly replaces = false,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-continuation-mark-key`, `impersonate-continuation-mark-key`: marks are kept under the key underneath. */
export class MarkKeyImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    /** (value) → value, for a mark read through this key. */
    readonly get: Value,
    /** (value) → value, for a mark set through this key. */
    readonly set: Value,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-prompt-tag`, `impersonate-prompt-tag`: prompts and aborts use the tag underneath. */
export class PromptTagImpersonator extends Impersonator {
  constructor(
    target: Value,
    chaperone: boolean,
    props: Props,
    /** The values a prompt's handler receives → the values it gets instead. */
    readonly handle: Value,
    /** The values of an abort → the values aborted instead. */
    readonly abort: Value,
    /** The results of a prompt whose continuation a continuation application replaced; #f: unchanged. */
    readonly ccGuard: Value,
    /** (guard) → guard, when a continuation captured with this tag is applied; #f: unchanged. */
    readonly callccImpersonate: Value,
  ) {
    super(target, chaperone, props);
  }
}

/** `chaperone-struct-type`. */
export class StructTypeImpersonator extends Impersonator {
  constructor(
    target: Value,
    props: Props,
    /** The 8 results of struct-type-info → the 8 given instead. */
    readonly info: Value,
    /** (constructor) → constructor, for struct-type-make-constructor. */
    readonly makeConstructor: Value,
    /** Like a guard: the parent's share of a subtype's constructor arguments and the name → those fields. */
    readonly guard: Value,
  ) {
    super(target, true, props);
  }
}

/** The struct type `v` is or wraps (chaperone-struct-type), or null. */
export function structTypeOf(v: Value): StructType | null {
  if (v instanceof StructType) return v;
  return v instanceof StructTypeImpersonator ? (unwrapAll(v) as StructType) : null;
}

/** The value under every wrapper. */
export function unwrapAll(v: Value): Value {
  while (v instanceof Impersonator) v = v.target;
  return v;
}

/** The value of an impersonator property on `v` or the wrappers under it. */
export function propertyOf(v: Value, p: ImpersonatorProperty): Value | undefined {
  // A chaperoned hash set (values/set.ts) carries its properties itself.
  const chap = (v as { chap?: { props: Props } | null } | null)?.chap;
  if (chap) return chap.props.get(p);
  while (v instanceof Impersonator) {
    const got = v.props.get(p);
    if (got !== undefined) return got;
    v = v.target;
  }
  return undefined;
}

/**
 * What the layers below (equal?, the printer) see of a wrapper: a plain
 * value read through the interposition procedures. Installed by
 * prims/impersonators.ts.
 */
let seeThroughImpl: (v: Impersonator) => Value = unwrapAll;
export function setSeeThrough(f: (v: Impersonator) => Value): void {
  seeThroughImpl = f;
}
export function seeThrough(v: Impersonator): Value {
  return seeThroughImpl(v);
}
