// What procedure-result-arity (prims/result-arity.ts) needs to know of
// procedures made elsewhere: the racket/base procedures written in Racket
// (src/lib), by the name racket/base exports them as, and procedures made
// from others (procedure-rename, procedure-reduce-arity), which return what
// the original returns. A module of its own so that those makers need not
// import the inference.

import type { Value } from '../values/types.js';

const libraryNames = new WeakMap<object, string>();
const originals = new WeakMap<object, Value>();

/** `v` is racket/base's `name`, defined in a library file. */
export function noteLibraryProcedure(v: Value, name: string): void {
  if (typeof v === 'object' && v !== null && !libraryNames.has(v)) libraryNames.set(v, name);
}

export function libraryProcedureName(v: Value): string | undefined {
  return typeof v === 'object' && v !== null ? libraryNames.get(v) : undefined;
}

/** `derived` returns what `original` returns. */
export function noteSameResults(derived: Value, original: Value): void {
  if (typeof derived === 'object' && derived !== null && derived !== original) originals.set(derived, original);
}

export function originalProcedure(v: Value): Value | undefined {
  return typeof v === 'object' && v !== null ? originals.get(v) : undefined;
}
