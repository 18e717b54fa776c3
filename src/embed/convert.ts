// How values cross between JavaScript and Racket (the rules the README
// documents). Byte strings are copied both ways, so neither side can mutate
// the other's; values with no JS counterpart travel as opaque handles and
// come back as themselves.

import { ContinuationProc, MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { StructInstance, propProcedure } from '../values/struct.js';
import { RHash, makeHash } from '../values/hash.js';
import { Flonum, MultipleValues, NULL, Pair, RBytes, RString, RVector, Rational, Sym, VOID, sym, type Value } from '../values/types.js';
import { CaseClosure, Closure } from '../eval/nodes.js';
import { printString } from '../printer/print.js';

/**
 * A Racket value as JavaScript (see `toJs`): numbers (bigint beyond 2^53),
 * strings, booleans, byte strings as Uint8Array, lists and vectors as arrays,
 * hash tables as Maps, interned symbols as `Symbol.for(name)`, void as
 * undefined, procedures as async functions, anything else as a RacketValue.
 */
export type JsValue =
  | number
  | bigint
  | string
  | boolean
  | symbol
  | undefined
  | Uint8Array
  | JsValue[]
  | Map<JsValue, JsValue>
  | RacketProcedure
  | RacketValue;

/**
 * A JavaScript value that can be passed to Racket (see `toRacket`): what
 * `JsValue` holds, and also `null`, read-only arrays, and any JS function
 * (it becomes a Racket procedure that calls it).
 */
export type JsInput =
  | number
  | bigint
  | string
  | boolean
  | symbol
  | null
  | undefined
  | Uint8Array
  | readonly JsInput[]
  | Map<JsInput, JsInput>
  | RacketValue
  | ((...args: any[]) => unknown);

/** A Racket procedure as JavaScript: an async function whose arguments and result are converted. */
export type RacketProcedure = (...args: JsInput[]) => Promise<JsValue>;

let wrapValue: (v: Value) => RacketValue;
let unwrapValue: (r: RacketValue) => Value;

/**
 * A Racket value that has no JS counterpart (a struct, a character, a
 * socket, ...). It goes back to Racket as itself, and prints as Racket's
 * `print` does (`toString`, and `util.inspect` / `console.log`).
 */
export class RacketValue {
  readonly #value: Value;
  private constructor(value: Value) {
    this.#value = value;
  }
  static {
    wrapValue = (v) => new RacketValue(v);
    unwrapValue = (r) => r.#value;
  }
  /** The value as Racket's `print` shows it: `#\a`, `#<procedure:f>`, `(point 1 2)` ... */
  toString(): string {
    return printString(this.#value);
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** The Racket procedure behind a function that `toJs` made. */
const PROCEDURE = Symbol('racket-procedure');

/** What calling a Racket procedure from JS needs: the embedding runtime's call, given JS arguments. */
export type Caller = (proc: Value, args: JsInput[]) => Promise<JsValue>;

/** What a JS function becomes when it is passed to Racket: a procedure that calls it. */
export type FunctionWrapper = (name: string, fn: (...args: unknown[]) => unknown) => Value;

export function isProcedureValue(v: Value): boolean {
  return (
    v instanceof Closure ||
    v instanceof CaseClosure ||
    v instanceof Primitive ||
    v instanceof MachinePrimitive ||
    v instanceof ContinuationProc ||
    v instanceof Parameter ||
    (v instanceof StructInstance && v.type.prop(propProcedure) !== undefined)
  );
}

/**
 * A Racket value as JS: exact integers as numbers (bigint beyond 2^53),
 * flonums and rationals as numbers, strings, booleans, byte strings as
 * Uint8Array copies, lists and vectors as arrays, hash tables as Maps,
 * interned symbols as `Symbol.for(name)`, void as undefined, several
 * values as an array, procedures as async functions; anything else as a
 * RacketValue handle.
 */
export function toJs(v: Value, call: Caller): JsValue {
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  if (v instanceof RString) return v.s;
  if (v instanceof Flonum) return v.n;
  if (v instanceof Rational) return Number(v.num) / Number(v.den);
  if (v instanceof RBytes) return v.bytes.slice();
  if (v === VOID) return undefined;
  if (v instanceof Sym) return v.interned ? Symbol.for(v.name) : wrapValue(v);
  if (v === NULL) return [];
  if (v instanceof Pair) {
    if (!v.isList) return wrapValue(v);
    const out: JsValue[] = [];
    for (let p: Value = v; p instanceof Pair; p = p.cdr) out.push(toJs(p.car, call));
    return out;
  }
  if (v instanceof RVector) return v.items.map((x) => toJs(x, call));
  if (v instanceof RHash) {
    const out = new Map<JsValue, JsValue>();
    for (const [k, x] of v.entries()) out.set(toJs(k, call), toJs(x, call));
    return out;
  }
  if (v instanceof MultipleValues) return v.vals.map((x) => toJs(x, call));
  if (isProcedureValue(v)) {
    const f = (...args: JsInput[]) => call(v, args);
    Object.defineProperty(f, PROCEDURE, { value: v });
    return f;
  }
  return wrapValue(v);
}

/** Raised by `toRacket` for a JS value with no Racket counterpart. */
export class ConversionError extends Error {}

/**
 * A JS value as Racket: the inverse of `toJs`, with safe integers as exact
 * integers, other numbers as flonums, Buffers and Uint8Arrays as fresh
 * mutable byte strings, arrays as lists, Maps as immutable `equal?` hash
 * tables, undefined and null as void, and JS functions as procedures (via
 * `wrapFunction`, when given).
 */
export function toRacket(x: unknown, wrapFunction?: FunctionWrapper): Value {
  if (x === undefined || x === null) return VOID;
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isSafeInteger(x) && !Object.is(x, -0) ? x : new Flonum(x);
  if (typeof x === 'bigint') return x >= -BigInt(Number.MAX_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
  if (typeof x === 'string') return new RString(x, false);
  if (typeof x === 'symbol') return sym(Symbol.keyFor(x) ?? x.description ?? '');
  if (x instanceof RacketValue) return unwrapValue(x);
  if (x instanceof Uint8Array) return new RBytes(Uint8Array.from(x), false);
  if (Array.isArray(x)) {
    let out: Value = NULL;
    for (let i = x.length - 1; i >= 0; i--) out = new Pair(toRacket(x[i], wrapFunction), out);
    return out;
  }
  if (x instanceof Map) {
    return makeHash(
      'equal',
      false,
      [...x.entries()].map(([k, v]) => [toRacket(k, wrapFunction), toRacket(v, wrapFunction)] as [Value, Value]),
    );
  }
  if (typeof x === 'function') {
    const original = (x as { [PROCEDURE]?: Value })[PROCEDURE];
    if (original !== undefined) return original;
    if (wrapFunction !== undefined) return wrapFunction(x.name || 'host-procedure', x as (...args: unknown[]) => unknown);
  }
  throw new ConversionError(`cannot pass this JavaScript value to Racket: ${describe(x)}`);
}

function describe(x: unknown): string {
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'object' && x !== null) return `an object (${x.constructor?.name ?? 'Object'})`;
  return typeof x;
}
