// Procedure values other than closures (which are in nodes.ts, beside the
// lambda nodes they close over).
//
// Calling convention inside the machine: arguments travel in an array whose
// slot 0 is scratch (a closure call reuses the array as its environment frame,
// putting the closure's captured environment in slot 0), arguments in 1..n.

import type { Value } from '../values/types.js';
import { customPrint, printNamed } from '../values/printable.js';
import type { Machine } from './machine-type.js';

/** An environment frame: slot 0 is the parent frame, then the variables. */
export type Env = Value[];

/**
 * A primitive written in JS. `fn` is called with `this` bound to the calling
 * thread's machine and the arguments spread; arity has been checked.
 * A primitive that may block or call back into Racket code is not `simple`:
 * the compiler never evaluates a call to it inside another expression.
 * Nor does it one that is `multiValued` (it may return several values): its
 * caller must see them, to raise Racket's result-arity error where one value
 * is expected.
 */
export class Primitive {
  constructor(
    readonly name: string,
    readonly min: number,
    /** -1: any number of arguments. */
    readonly max: number,
    readonly fn: (this: Machine, ...args: any[]) => Value,
    readonly simple: boolean = true,
    readonly multiValued: boolean = false,
  ) {}
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}

/**
 * A primitive that drives the machine itself (apply, call/cc, values,
 * dynamic-wind, ...). `run` receives the argument array (slot 0 scratch) and
 * must leave the machine either returning a value or about to run code.
 */
export class MachinePrimitive {
  constructor(
    readonly name: string,
    readonly min: number,
    readonly max: number,
    readonly run: (m: Machine, args: Value[]) => void,
  ) {}
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}

/** A captured continuation, callable as a procedure. */
export class ContinuationProc {
  constructor(
    /** An opaque captured state owned by the machine. */
    readonly k: unknown,
    /** Escape-only continuations (call/ec) jump to a frame with this tag. */
    readonly escapeTag: object | null,
    /** The wrapped prompt tag (an impersonator) given when it was captured, whose procedures guard its results; #f: none. */
    readonly captureTag: Value = false,
    /** Made by call-with-composable-continuation: applying it adds to the current continuation instead of replacing it. */
    readonly composable = false,
  ) {}
  [customPrint](): string {
    return '#<procedure>';
  }
}

/** A parameter made by `make-parameter`, or by `make-derived-parameter` (then `derived` is set). */
export class Parameter {
  constructor(
    /** Value outside any parameterize, per thread (see Machine.paramValue). */
    public value: Value,
    readonly guard: Value,
    readonly name: string,
    /** A derived parameter: its values are `base`'s, passed through `guard` when set and `wrap` when read. */
    readonly derived: { readonly base: Parameter; readonly wrap: Value } | null = null,
  ) {}
  [customPrint](): string {
    return printNamed('procedure', this.name);
  }
}
