// Procedures: procedure?, apply, arities as values (procedure-arity, the
// arity-at-least struct, the normalized forms Racket reports),
// procedure-rename, procedure-keywords, primitive?. Keyword procedures are in
// keyword-procedures.ts.

import { UNSUPPLIED } from '../expand/core.js';
import { ContinuationProc, MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { Closure, CaseClosure } from '../eval/nodes.js';
import { argError, arityExpectation, arityMismatch } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { printString } from '../printer/print.js';
import { objectName } from './object-name.js';
import { MultipleValues, NULL, Pair, Sym, isList, listToArray, type Value, listFromArray, type Keyword } from '../values/types.js';
import { checkProcedure, isProcedure } from './check.js';
import type { PrimTable } from './table.js';
import { noteSameResults } from './result-arity-sources.js';
import { isExactNonnegativeInteger } from '../values/numbers.js';
import { StructInstance, StructType, propMethodArityError, propProcedure } from '../values/struct.js';
import { AnyKeywordProcedure, KeywordProcedure } from './keyword-procedures.js';
import { ProcedureImpersonator } from '../values/impersonator.js';
import { isApplicableContract } from './contracts.js';

export const arityAtLeastT = new StructType('arity-at-least', null, 1, 0, false, new Map(), true, null, new Set());

/** An arity range: `max` is Infinity for "at least `min`". */
type Range = readonly [number, number];

/** The arities of procedures made by procedure-reduce-arity and its relatives. */
const reducedArities = new WeakMap<object, readonly Range[]>();
/** Records the counts a procedure made by reducing another's arity accepts. */
export function setReducedArity(p: MachinePrimitive, ranges: readonly Range[]): void {
  reducedArities.set(p, ranges);
}
/** Whether `p` was made by reducing another procedure's arity. */
export function isReducedArity(p: Value): boolean {
  return typeof p === 'object' && p !== null && reducedArities.has(p);
}

/** The argument counts `f` accepts, as ranges (unsorted, possibly overlapping). */
export function arityRanges(f: Value): Range[] {
  if (f instanceof MachinePrimitive) {
    const reduced = reducedArities.get(f);
    if (reduced !== undefined) return [...reduced];
  }
  if (f instanceof Closure) return [[f.lam.nreq, f.lam.hasRest ? Infinity : f.lam.nreq + f.lam.nopt]];
  if (f instanceof CaseClosure) return f.clauses.flatMap(arityRanges);
  if (f instanceof Primitive || f instanceof MachinePrimitive) return [[f.min, f.max < 0 ? Infinity : f.max]];
  if (f instanceof Parameter) return [[0, 1]];
  if (f instanceof ContinuationProc) return [[0, Infinity]];
  if (f instanceof AnyKeywordProcedure) {
    if (!f.derivedPlain) return arityRanges(f.plainProc);
    return arityRanges(f.kwProc)
      .map(([a, b]) => [Math.max(0, a - 2), b - 2] as Range)
      .filter(([a, b]) => b >= a);
  }
  if (f instanceof KeywordProcedure) {
    const k = f.kws.length;
    return arityRanges(f.proc)
      .map(([a, b]) => [Math.max(0, a - k), b - k] as Range)
      .filter(([a, b]) => b >= a);
  }
  if (f instanceof ProcedureImpersonator) return arityRanges(f.target);
  if (isApplicableContract(f)) return [[1, 1]];
  if (f instanceof StructInstance) {
    const p = f.type.prop(propProcedure);
    if (typeof p === 'number') return arityRanges(f.fields[p]);
    if (p !== undefined)
      return arityRanges(p)
        .map(([a, b]) => [Math.max(0, a - 1), b - 1] as Range)
        .filter(([a, b]) => b >= a);
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

/** Racket's normalized arity of `f` as data: a count, `{ atLeast }`, or a list of those. */
export type ArityShape = number | { atLeast: number } | (number | { atLeast: number })[];
export function arityShape(f: Value): ArityShape {
  const items: (number | { atLeast: number })[] = [];
  for (const [a, b] of normalizeRanges(arityRanges(f))) {
    if (b === Infinity) items.push({ atLeast: a });
    else for (let n = a; n <= b; n++) items.push(n);
  }
  return items.length === 1 ? items[0] : items;
}

export function arityAtLeastValue(n: number): StructInstance {
  return arityAtLeast(n);
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
  const single = (x: Value) => isExactNonnegativeInteger(x) || (isArityAtLeast(x) && isExactNonnegativeInteger(x.fields[0]));
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

/** A copy of `f` that reports itself (in printing, object-name and arity errors) as `name`. */
function renamed(f: Value, name: string): Value {
  const r = renamedCopy(f, name);
  noteSameResults(r, f);
  return r;
}

function renamedCopy(f: Value, name: string): Value {
  if (f instanceof Closure) {
    // A second lambda node over the same body: the name lives in the node.
    const lam = Object.assign(Object.create(Object.getPrototypeOf(f.lam)), f.lam, { name, code: null, calls: 0 });
    return new Closure(lam, f.env);
  }
  if (f instanceof CaseClosure) return new CaseClosure(f.clauses, name);
  if (f instanceof Primitive) return new Primitive(name, f.min, f.max, f.fn, f.simple, f.multiValued);
  if (f instanceof MachinePrimitive) return new MachinePrimitive(name, f.min, f.max, f.run);
  if (f instanceof KeywordProcedure) return new KeywordProcedure(renamed(f.proc, name), f.kws, f.required);
  // make-keyword-procedure's result is named by its keyword procedure.
  if (f instanceof AnyKeywordProcedure) return new AnyKeywordProcedure(renamed(f.kwProc, name), renamed(f.plainProc, name), f.derivedPlain);
  // Parameters, continuations and applicable structs keep their own names.
  return f;
}

function sortedKeywords(ks: readonly Keyword[]): Value {
  return listFromArray([...ks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

/** Procedures made by procedure->method (and their renamings): arity errors hide the receiver. */
export const methodProcedures = new WeakSet<object>();

/** Whether arity errors for `f` hide its first argument (prop:method-arity-error, procedure->method). */
export function isMethodProcedure(f: Value): boolean {
  if (f instanceof StructInstance) {
    if (f.type.prop(propMethodArityError) !== undefined) return true;
    const p = f.type.prop(propProcedure);
    if (typeof p === 'number') return isMethodProcedure(f.fields[p]);
    return p !== undefined && isMethodProcedure(p);
  }
  if (f instanceof ProcedureImpersonator) return isMethodProcedure(f.target);
  return typeof f === 'object' && f !== null && methodProcedures.has(f);
}

export function arityIncludes(f: Value, n: number): boolean {
  if (f instanceof Closure) return n >= f.lam.nreq && (f.lam.hasRest || n <= f.lam.nreq + f.lam.nopt);
  if (f instanceof CaseClosure) return f.clauses.some((c) => arityIncludes(c, n));
  if (f instanceof Primitive || f instanceof MachinePrimitive) return n >= f.min && (f.max < 0 || n <= f.max);
  if (f instanceof Parameter) return n <= 1;
  return arityRanges(f).some(([a, b]) => a <= n && n <= b);
}

/** The keywords `f` requires, and those it allows (null: any). */
export function keywordsOf(f: Value): { required: Keyword[]; allowed: Keyword[] | null } {
  if (f instanceof ProcedureImpersonator) return keywordsOf(f.target);
  if (f instanceof AnyKeywordProcedure) return { required: [], allowed: null };
  if (f instanceof KeywordProcedure) return { required: f.required, allowed: f.kws };
  return { required: [], allowed: [] };
}

export function installProcedures(t: PrimTable): void {
  t.machine('apply', 1, -1, (m, a) => {
    const f = a[1];
    const last = a[a.length - 1];
    if (a.length === 2) {
      m.applyArray(f, []);
      return;
    }
    if (!isList(last)) argError('apply', 'list?', last);
    const args = [...a.slice(2, a.length - 1), ...listToArray(last)];
    m.applyArray(f, args);
  });

  t.fn('procedure?', 1, 1, (v) => isProcedure(v));
  t.fn('procedure-arity-includes?', 2, 3, (f: Value, n: Value, kwsOk: Value = false) => {
    checkProcedure('procedure-arity-includes?', f);
    if (!isExactNonnegativeInteger(n)) return argError('procedure-arity-includes?', 'exact-nonnegative-integer?', n);
    // A procedure that requires keywords accepts no plain call, unless keywords are allowed for.
    if (kwsOk === false && keywordsOf(f).required.length > 0) return false;
    const k = typeof n === 'number' ? n : Number.MAX_SAFE_INTEGER;
    return arityIncludes(f, k);
  });
  t.internal('unsupplied?', new Primitive('unsupplied?', 1, 1, (v) => v === UNSUPPLIED));

  const ctor = new Primitive('arity-at-least', 1, 1, (n: Value) => {
    if (!isExactNonnegativeInteger(n)) return argError('arity-at-least', 'exact-nonnegative-integer?', n);
    return arityAtLeast(n);
  });
  t.value('arity-at-least', ctor);
  t.value('make-arity-at-least', ctor);
  t.value('struct:arity-at-least', arityAtLeastT);
  t.fn('arity-at-least?', 1, 1, isArityAtLeast);
  t.fn('arity-at-least-value', 1, 1, (v: Value) =>
    isArityAtLeast(v) ? v.fields[0] : argError('arity-at-least-value', 'arity-at-least?', v),
  );
  t.fn('procedure-arity', 1, 1, (f: Value) => arityValue(arityRanges(checkProcedure('procedure-arity', f))));
  t.fn('procedure-arity-mask', 1, 1, (f: Value) => arityMask(arityRanges(checkProcedure('procedure-arity-mask', f))));
  t.fn('procedure-arity?', 1, 1, isArity);
  const normalized = (v: Value): Value => {
    const singles = v instanceof Pair || v === NULL ? listToArray(v) : [v];
    const ranges = singles.map((x): Range => (isArityAtLeast(x) ? [Number(x.fields[0]), Infinity] : [Number(x), Number(x)]));
    return arityValue(ranges);
  };
  /** Two arity values written the same way (normalized ones are unique). */
  const sameArity = (a: Value, b: Value): boolean => {
    if (isArityAtLeast(a)) return isArityAtLeast(b) && a.fields[0] === b.fields[0];
    if (a instanceof Pair || a === NULL) {
      if (!(b instanceof Pair || b === NULL)) return false;
      const [xs, ys] = [listToArray(a), listToArray(b)];
      return xs.length === ys.length && xs.every((x, i) => sameArity(x, ys[i]));
    }
    return a === b;
  };
  t.in('racket/function', () => {
    t.internal(
      'normalize-arity',
      t.fn('normalize-arity', 1, 1, (v: Value) => (isArity(v) ? normalized(v) : argError('normalize-arity', 'procedure-arity?', v))),
    );
    t.fn('normalized-arity?', 1, 1, (v: Value) => isArity(v) && sameArity(v, normalized(v)));
  });

  t.fn('procedure-rename', 2, 3, (f: Value, name: Value, realm?: Value) => {
    if (realm !== undefined && !(realm instanceof Sym)) return argError('procedure-rename', 'symbol?', realm);
    checkProcedure('procedure-rename', f);
    if (!(name instanceof Sym)) return argError('procedure-rename', 'symbol?', name);
    return renamed(f, name.name);
  });
  t.machine('make-keyword-procedure', 1, 2, (m, a) => {
    const [kwProc, plainProc] = a.slice(1);
    // Racket checks neither argument here; a bad one fails when the result is applied.
    // Without a plain procedure, a call without keywords gets empty keyword lists.
    const plain =
      plainProc ?? new MachinePrimitive('procedure', 0, -1, (m2, args) => m2.applyArray(kwProc, [NULL, NULL, ...args.slice(1)]));
    m.returnValue(new AnyKeywordProcedure(kwProc, plain, plainProc === undefined));
  });
  // make-keyword-procedure for library definitions, which must be values the loader makes without a
  // machine (lib/trace.rkt's trace-call, lib/procedures.rkt's curry); both names are the same procedure.
  t.internal(
    'any-keyword-procedure',
    t.internalFn('make-keyword-procedure', 2, 2, (kwProc: Value, plainProc: Value) => new AnyKeywordProcedure(kwProc, plainProc, false)),
  );
  // A procedure like `f` that accepts only `arity` (which `f` must accept).
  t.fn('procedure-reduce-arity', 2, 4, (f: Value, arity: Value, name: Value = false) => {
    checkProcedure('procedure-reduce-arity', f);
    if (!isArity(arity)) return argError('procedure-reduce-arity', 'procedure-arity?', arity);
    const wanted: Range[] = (arity instanceof Pair || arity === NULL ? listToArray(arity) : [arity]).map((x) =>
      isArityAtLeast(x) ? [Number(x.fields[0]), Infinity] : [Number(x), Number(x)],
    );
    const have = arityRanges(f);
    const covered = (r: Range) => have.some(([a, b]) => a <= r[0] && r[1] <= b);
    if (!wanted.every(covered)) {
      const msg = `procedure-reduce-arity: arity of procedure does not include requested arity\n  procedure: ${printString(f)}\n  requested arity: ${printString(arity)}`;
      throw new RacketThrow(makeExn(exnFailContractT, msg));
    }
    const own = objectName(f);
    const label = name instanceof Sym ? name.name : own instanceof Sym ? own.name : null;
    const min = Math.min(...wanted.map((r) => r[0]));
    const max = Math.max(...wanted.map((r) => r[1]));
    const reduced = new MachinePrimitive(label ?? 'procedure', min, max === Infinity ? -1 : max, (m, args) => {
      const n = args.length - 1;
      if (!wanted.some(([a, b]) => a <= n && n <= b))
        arityMismatch(label, wanted.length === 1 ? arityExpectation(wanted[0][0], wanted[0][1] === Infinity ? -1 : wanted[0][1]) : null, n);
      m.applyArray(f, args.slice(1));
    });
    reducedArities.set(reduced, wanted);
    noteSameResults(reduced, f);
    return reduced;
  });
  // No specialization to do: the procedure itself.
  t.fn('procedure-specialize', 1, 1, (f: Value) => checkProcedure('procedure-specialize', f));
  t.valuesFn('procedure-keywords', 1, 1, (f: Value) => {
    checkProcedure('procedure-keywords', f);
    const { required, allowed } = keywordsOf(f);
    return new MultipleValues([sortedKeywords(required), allowed === null ? false : sortedKeywords(allowed)]);
  });
  t.fn('primitive?', 1, 1, (v: Value) => v instanceof Primitive || v instanceof MachinePrimitive);
}
