// Syntax objects: a datum with its source location and lexical context.
//
// The reader makes them with an empty scope set; the expander adds scopes
// (see src/expand/scopes.ts). A syntax object's `e` is one of:
//   - a symbol (then the syntax object is an identifier),
//   - a Pair chain whose elements are syntax objects, ending in NULL or in a
//     syntax object (a dotted tail),
//   - an RVector or Box whose contents are syntax objects,
//   - an RHash whose keys are plain datums and whose values are syntax objects,
//   - any other atom (number, string, bytes, char, boolean, keyword, ...).

import type { Value } from './types.js';

export interface SrcLoc {
  /** The source name, usually a file path. */
  readonly source: string;
  /** 1-based line; null when read from a port that does not count lines. */
  readonly line: number | null;
  /** 0-based column; null with the line. */
  readonly column: number | null;
  /** 1-based character position, as Racket counts it. */
  readonly position: number;
  /** Number of characters the datum covers. */
  readonly span: number;
  /** The source as a value, when datum->syntax was given one that is not a file path (a string, a symbol). */
  readonly sourceValue?: Value;
  /** The source as printed in `#<syntax:...>`: relative to the directory the program runs in (Racket's current-directory-for-user). */
  readonly shown?: string;
}

/** `where:line:col`, or `where::pos` for a location without a line, as Racket shows one. */
export function lineColumnString(where: string, loc: SrcLoc): string {
  return loc.line === null || loc.column === null ? `${where}::${loc.position}` : `${where}:${loc.line}:${loc.column}`;
}

/** A scope, as in "Binding as Sets of Scopes". Only identity matters. */
export class Scope {
  private static counter = 0;
  readonly id: number;
  constructor(readonly kind: string) {
    this.id = ++Scope.counter;
  }
}

/** An immutable set of scopes, kept as an array sorted by id. */
export type ScopeSet = readonly Scope[];
export const EMPTY_SCOPES: ScopeSet = Object.freeze([]) as ScopeSet;

export class Syntax {
  constructor(
    public e: Value,
    public loc: SrcLoc | null,
    public scopes: ScopeSet = EMPTY_SCOPES,
    /** Extra properties such as `paren-shape`; null when there are none. */
    public props: Map<Value, Value> | null = null,
  ) {}
  /** Scope operations not yet pushed down to the children of `e` (see expand/scopes.ts). */
  pending: ScopeOp[] | null = null;
}

/** A scope operation waiting to be applied to a syntax object's children. */
export interface ScopeOp {
  readonly scope: Scope;
  readonly mode: 'add' | 'flip' | 'remove';
}
