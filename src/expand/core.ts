// The core language: what the expander hands to the compiler.
//
// Every variable is already resolved: a local variable is a `LocalVar` object
// (unique per binding occurrence), a module-level variable is a `TopVar` cell.

import type { SrcLoc } from '../values/syntax.js';
import type { Value } from '../values/types.js';

export class LocalVar {
  /** Set by the compiler when the variable is ever assigned or may be read before it is initialized. */
  mutated = false;
  constructor(readonly name: string) {}
}

/** A module-level (or top-level) variable: a cell that compiled code references directly. */
export class TopVar {
  /** `undefined` until the definition has run. */
  value: Value = undefined;
  /** True once the module that defines it is fully expanded and never assigns it. */
  constant = false;
  /** For lazily compiled library definitions: runs the definition (see runtime/library-loader.ts). */
  lazy: (() => void) | null = null;

  /** Runs a pending lazy definition. */
  force(): void {
    const f = this.lazy;
    if (f !== null) {
      this.lazy = null;
      f();
    }
  }
  constructor(
    readonly name: string,
    /** The module that defines it, for error messages: a path, or `top-level`. */
    readonly module: string,
  ) {}

  /** How Racket names the defining module in "undefined" errors. */
  get moduleDescription(): string {
    return this.module.startsWith('/') ? JSON.stringify(this.module) : this.module;
  }
}

export type Core =
  | { t: 'quote'; v: Value }
  | { t: 'lref'; v: LocalVar; loc: SrcLoc | null }
  | { t: 'gref'; v: TopVar; loc: SrcLoc | null }
  | { t: 'lset'; v: LocalVar; e: Core }
  | { t: 'gset'; v: TopVar; e: Core; loc: SrcLoc | null }
  | CoreLambda
  | { t: 'case-lambda'; clauses: CoreLambda[]; name: string | null }
  | { t: 'if'; c: Core; th: Core; el: Core }
  | { t: 'begin'; es: Core[] }
  | { t: 'begin0'; es: Core[] }
  | { t: 'let-values'; binds: CoreBinding[]; body: Core }
  | { t: 'letrec-values'; binds: CoreBinding[]; body: Core }
  | { t: 'app'; f: Core; args: Core[]; loc: SrcLoc | null }
  | { t: 'wcm'; key: Core; val: Core; body: Core }
  | { t: 'define-values'; vars: TopVar[]; e: Core };

export interface CoreLambda {
  t: 'lambda';
  req: LocalVar[];
  /** Optional positional parameters; a missing argument arrives as UNSUPPLIED. */
  opt: LocalVar[];
  rest: LocalVar | null;
  body: Core;
  name: string | null;
  /** Where the lambda is, for error contexts. */
  loc?: SrcLoc | null;
  /** The name is only the one Racket gives an unnamed procedure (its location): contexts show no name. */
  anonymous?: boolean;
  /** An anonymous lambda one of rkt's JS macros made (parameterize's body thunk): contexts count it part of the code around it. */
  introduced?: boolean;
  /** The thunk of a module-level expression whose results are printed (modules.ts, printResults). */
  printWrapper?: boolean;
}

export interface CoreBinding {
  vars: LocalVar[];
  e: Core;
}

/** The value a missing optional argument has on entry to a lambda body. */
export const UNSUPPLIED: unique symbol = Symbol('unsupplied');
