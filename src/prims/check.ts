// Argument checks shared by primitives: each knows the caller's name and
// raises Racket's contract error when the argument does not fit.

import { RawText, argError, argumentsError } from '../errors/messages.js';
import { RacketThrow, exnFailOutOfMemoryT, makeExn } from '../errors/exn.js';
import { Box, Char, Pair, RBytes, RString, RVector, Sym, isList, type Value } from '../values/types.js';
import { ContinuationProc, MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { StructInstance, propProcedure } from '../values/struct.js';
import { isExactInteger } from '../values/numbers.js';
import { Closure, CaseClosure } from '../eval/nodes.js';
import { RHash } from '../values/hash.js';

export function isProcedure(v: Value): boolean {
  return (
    v instanceof Closure ||
    v instanceof Primitive ||
    v instanceof MachinePrimitive ||
    v instanceof CaseClosure ||
    v instanceof ContinuationProc ||
    v instanceof Parameter ||
    (v instanceof StructInstance && v.type.prop(propProcedure) !== undefined) ||
    procedureHooks.some((h) => h(v))
  );
}

const procedureHooks: ((v: Value) => boolean)[] = [];
/** Lets other value kinds (keyword procedures) count as procedures. */
export function registerProcedureKind(test: (v: Value) => boolean): void {
  procedureHooks.push(test);
}

export function checkPair(name: string, v: Value): Pair {
  if (v instanceof Pair) return v;
  return argError(name, 'pair?', v);
}

export function checkList(name: string, v: Value): Value {
  if (isList(v)) return v;
  return argError(name, 'list?', v);
}

export function checkString(name: string, v: Value): RString {
  if (v instanceof RString) return v;
  return argError(name, 'string?', v);
}

export function checkSymbol(name: string, v: Value): Sym {
  if (v instanceof Sym) return v;
  return argError(name, 'symbol?', v);
}

export function checkBytes(name: string, v: Value): RBytes {
  if (v instanceof RBytes) return v;
  return argError(name, 'bytes?', v);
}

export function checkVector(name: string, v: Value): RVector {
  if (v instanceof RVector) return v;
  return argError(name, 'vector?', v);
}

export function checkChar(name: string, v: Value): Char {
  if (v instanceof Char) return v;
  return argError(name, 'char?', v);
}

export function checkBox(name: string, v: Value): Box {
  if (v instanceof Box) return v;
  return argError(name, 'box?', v);
}

export function checkProcedure(name: string, v: Value): Value {
  if (isProcedure(v)) return v;
  return argError(name, 'procedure?', v);
}

/** An exact nonnegative integer that fits a JS index. */
export function checkIndex(name: string, v: Value, pos?: number, args?: Value[]): number {
  if (typeof v === 'number' && v >= 0 && Number.isInteger(v)) return v;
  if (typeof v === 'bigint' && v >= 0n) return Number.MAX_SAFE_INTEGER;
  return argError(name, 'exact-nonnegative-integer?', v, pos, args);
}

/** The most a string, byte string and array can hold in V8 (its String::kMaxLength, typed-array and array limits). */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;
export const MAX_BYTES_LENGTH = 2 ** 32;
export const MAX_ARRAY_LENGTH = 2 ** 32 - 1;

/**
 * The length of a new string, byte string or vector (`what`: "string",
 * "byte string", "vector"...): an exact nonnegative integer, or `contract`
 * is violated. One beyond `max`, which the host cannot allocate, raises
 * exn:fail:out-of-memory with Racket's message (Racket raises it for a
 * length it cannot allocate either).
 */
export function checkAllocationLength(who: string, contract: string, what: string, max: number, v: Value): number {
  if (!((typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n))) return argError(who, contract, v);
  if (typeof v === 'bigint' || v > max) throw new RacketThrow(makeExn(exnFailOutOfMemoryT, `out of memory making ${what}\n  length: ${v}`));
  return v;
}

export function checkByte(name: string, v: Value): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255) return v;
  return argError(name, 'byte?', v);
}

export function checkExactInteger(name: string, v: Value): number | bigint {
  if (isExactInteger(v)) return v as number | bigint;
  return argError(name, 'exact-integer?', v);
}

/**
 * `[start, end)` of a sequence of `length` items, checked as Racket's
 * sequence procedures do; `label` names the sequence in the message.
 */
export function checkRange(who: string, label: string, seq: Value, length: number, start: Value, end: Value | undefined): [number, number] {
  const a = checkIndex(who, start);
  const e = end === undefined ? length : checkIndex(who, end);
  if (a <= length && e <= length && a <= e) return [a, e];
  const range = rangeText(length);
  if (a > length) argumentsError(who, 'starting index is out of range', ['starting index', start], ['valid range', range], [label, seq]);
  if (e > length) argumentsError(who, 'ending index is out of range', ['ending index', end as Value], ['valid range', range], [label, seq]);
  return argumentsError(
    who,
    'ending index is smaller than starting index',
    ['ending index', end as Value],
    ['starting index', start],
    ['valid range', range],
    [label, seq],
  );
}

/** The `valid range: [0, n]` text of a range error. */
export function rangeText(length: number): RawText {
  return new RawText(`[0, ${length}]`);
}

export function checkHash(who: string, v: Value, pos?: number, args?: Value[]): RHash {
  if (v instanceof RHash) return v;
  return argError(who, 'hash?', v, pos, args);
}
