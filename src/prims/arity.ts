// Procedure arities as values: `procedure-arity`, the `arity-at-least`
// struct, and the normalized forms Racket reports (a count, an
// `(arity-at-least n)`, or a sorted list of them).

import { ContinuationProc, MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { StructInstance, StructType, propProcedure } from '../values/struct.js';
import { NULL, Pair, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { checkProcedure } from './check.js';
import { KeywordProcedure } from './keywords.js';
import type { PrimTable } from './table.js';
import { Closure, CaseClosure } from '../eval/nodes.js';

export const arityAtLeastT = new StructType('arity-at-least', null, 1, 0, false, new Map(), true, null, new Set());

/** An arity range: `max` is Infinity for "at least `min`". */
type Range = readonly [number, number];

function isNatural(v: Value): boolean {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n);
}

/** The argument counts `f` accepts, as ranges (unsorted, possibly overlapping). */
export function arityRanges(f: Value): Range[] {
  if (f instanceof Closure) return [[f.lam.nreq, f.lam.hasRest ? Infinity : f.lam.nreq + f.lam.nopt]];
  if (f instanceof CaseClosure) return f.clauses.flatMap(arityRanges);
  if (f instanceof Primitive || f instanceof MachinePrimitive) return [[f.min, f.max < 0 ? Infinity : f.max]];
  if (f instanceof Parameter) return [[0, 1]];
  if (f instanceof ContinuationProc) return [[0, Infinity]];
  if (f instanceof KeywordProcedure) {
    const k = f.kws.length;
    return arityRanges(f.proc).map(([a, b]) => [Math.max(0, a - k), b - k] as Range).filter(([a, b]) => b >= a);
  }
  if (f instanceof StructInstance) {
    const p = f.type.prop(propProcedure);
    if (typeof p === 'number') return arityRanges(f.fields[p]);
    if (p !== undefined) return arityRanges(p).map(([a, b]) => [Math.max(0, a - 1), b - 1] as Range).filter(([a, b]) => b >= a);
  }
  return [[0, Infinity]];
}

/** Sorted, merged ranges. */
function normalizeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function arityAtLeast(n: Value): StructInstance {
  return new StructInstance(arityAtLeastT, [n]);
}

/** Racket's normalized arity value for some ranges. */
function arityValue(ranges: readonly Range[]): Value {
  const items: Value[] = [];
  for (const [a, b] of normalizeRanges(ranges)) {
    if (b === Infinity) items.push(arityAtLeast(a));
    else for (let n = a; n <= b; n++) items.push(n);
  }
  return items.length === 1 ? items[0] : listFromArray(items);
}

function isArityAtLeast(v: Value): v is StructInstance {
  return v instanceof StructInstance && v.type.isSubtypeOf(arityAtLeastT);
}

function isArity(v: Value): boolean {
  const single = (x: Value) => isNatural(x) || (isArityAtLeast(x) && isNatural(x.fields[0]));
  return single(v) || (isList(v) && listToArray(v).every(single));
}

/** A bit mask of the accepted counts (-1 << n for "at least n"), as Racket's procedure-arity-mask. */
function arityMask(ranges: readonly Range[]): Value {
  let mask = 0n;
  for (const [a, b] of ranges) {
    if (b === Infinity) mask |= -1n << BigInt(a);
    else for (let n = a; n <= b; n++) mask |= 1n << BigInt(n);
  }
  return mask >= BigInt(Number.MIN_SAFE_INTEGER) && mask <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(mask) : mask;
}

export function installArity(t: PrimTable): void {
  const ctor = new Primitive('arity-at-least', 1, 1, (n: Value) => {
    if (!isNatural(n)) return argError('arity-at-least', 'exact-nonnegative-integer?', n);
    return arityAtLeast(n);
  });
  t.value('arity-at-least', ctor);
  t.value('make-arity-at-least', ctor);
  t.value('struct:arity-at-least', arityAtLeastT);
  t.fn('arity-at-least?', 1, 1, isArityAtLeast);
  t.fn('arity-at-least-value', 1, 1, (v: Value) => (isArityAtLeast(v) ? v.fields[0] : argError('arity-at-least-value', 'arity-at-least?', v)));
  t.fn('procedure-arity', 1, 1, (f: Value) => arityValue(arityRanges(checkProcedure('procedure-arity', f))));
  t.fn('procedure-arity-mask', 1, 1, (f: Value) => arityMask(arityRanges(checkProcedure('procedure-arity-mask', f))));
  t.fn('procedure-arity?', 1, 1, isArity);
  t.in('racket/function', () => t.fn('normalize-arity', 1, 1, (v: Value) => {
    if (!isArity(v)) return argError('normalize-arity', 'procedure-arity?', v);
    const singles = v instanceof Pair || v === NULL ? listToArray(v) : [v];
    const ranges = singles.map((x): Range => (isArityAtLeast(x) ? [Number(x.fields[0]), Infinity] : [Number(x), Number(x)]));
    return arityValue(ranges);
  }));
}
