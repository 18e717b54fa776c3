// The rest of The Racket Reference §4.21 (Procedures): procedure->method,
// procedure-closure-contents-eq?, procedure-reduce-arity-mask,
// procedure-reduce-keyword-arity and its -mask form, procedure-realm,
// primitive-closure?, primitive-result-arity, procedure-extract-target and
// procedure-struct-type?.

import { Closure } from '../eval/nodes.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { UNSUPPLIED } from '../expand/core.js';
import { RacketThrow, exnFailContractT, makeExn } from '../errors/exn.js';
import { argError, arityMismatch } from '../errors/messages.js';
import { printString } from '../printer/print.js';
import { isExactInteger } from '../values/numbers.js';
import { StructInstance, propProcedure } from '../values/struct.js';
import { structTypeOf } from '../values/impersonator.js';
import { Keyword, NULL, Sym, type Value, isList, listFromArray, listToArray, sym } from '../values/types.js';
import { checkProcedure, isProcedure } from './check.js';
import { AnyKeywordProcedure, KeywordProcedure, applyWithKeywords, keywordArityText } from './keyword-procedures.js';
import { objectName } from './object-name.js';
import {
  arityAtLeastValue,
  arityRanges,
  isMethodProcedure,
  methodProcedures,
  isReducedArity,
  keywordsOf,
  setReducedArity,
} from './procedures.js';
import type { PrimTable } from './table.js';
import { noteSameResults } from './result-arity-sources.js';

type Range = readonly [number, number];

function fail(message: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, message));
}

/** The ranges of counts a mask stands for (a negative mask: "at least" its lowest clear-to-set run). */
function maskRanges(mask: bigint): Range[] {
  const out: Range[] = [];
  let n = 0;
  let m = mask;
  while (m !== 0n && m !== -1n) {
    if ((m & 1n) === 1n) out.push([n, n]);
    m >>= 1n;
    n++;
  }
  if (m === -1n) out.push([n, Infinity]);
  return out;
}

function maskOf(ranges: readonly Range[]): bigint {
  let mask = 0n;
  for (const [a, b] of ranges) {
    if (b === Infinity) mask |= -1n << BigInt(a);
    else for (let n = a; n <= b; n++) mask |= 1n << BigInt(n);
  }
  return mask;
}

function nameOf(f: Value): string | null {
  const n = objectName(f);
  return n instanceof Sym ? n.name : null;
}

/** An arity error that states the expected count only for one count or an "at least". */
function reducedArityError(name: string | null, wanted: readonly Range[], n: number): never {
  const expected =
    wanted.length === 1
      ? wanted[0][1] === Infinity
        ? `at least ${wanted[0][0]}`
        : wanted[0][0] === wanted[0][1]
          ? `${wanted[0][0]}`
          : null
      : null;
  return arityMismatch(name, expected, n);
}

/** A procedure like `f` that accepts only the counts `wanted`, reporting as `name`. */
function reduced(f: Value, wanted: readonly Range[], name: string | null): MachinePrimitive {
  const min = Math.min(...wanted.map((r) => r[0]));
  const max = Math.max(...wanted.map((r) => r[1]));
  const p = new MachinePrimitive(name ?? 'procedure', wanted.length === 0 ? 0 : min, max === Infinity ? -1 : max, (m, args) => {
    const n = args.length - 1;
    if (!wanted.some(([a, b]) => a <= n && n <= b)) reducedArityError(name, wanted, n);
    m.applyArray(f, args.slice(1));
  });
  setReducedArity(p, wanted);
  noteSameResults(p, f);
  return p;
}

function sortedDistinctKeywords(v: Value): Keyword[] | null {
  if (!isList(v)) return null;
  const ks = listToArray(v);
  if (!ks.every((k) => k instanceof Keyword)) return null;
  for (let i = 1; i < ks.length; i++) if ((ks[i - 1] as Keyword).name >= (ks[i] as Keyword).name) return null;
  return ks as Keyword[];
}

/** procedure-reduce-keyword-arity and its -mask form. */
function reduceKeywordArity(who: string, a: Value[], arity: Range[]): Value {
  const [f, , required, allowed, name] = a;
  const req = sortedDistinctKeywords(required);
  if (req === null) return argError(who, '(and/c (listof? keyword?) sorted? distinct?)', required, 2, a);
  const allow = allowed === false ? null : sortedDistinctKeywords(allowed);
  if (allowed !== false && allow === null) return argError(who, '(or/c (and/c (listof? keyword?) sorted? distinct?) #f)', allowed, 3, a);
  if (name !== undefined && name !== false && !(name instanceof Sym)) return argError(who, '(or/c symbol? #f)', name, 4, a);
  const have = keywordsOf(f);
  if (allow !== null && !req.every((k) => allow.includes(k))) {
    fail(
      `${who}: allowed-keyword list does not include all required keywords\n  allowed-keyword list: ${printString(listFromArray(allow))}\n  required keywords: ${printString(listFromArray(req))}`,
    );
  }
  if (have.allowed !== null && !req.every((k) => have.allowed!.includes(k))) {
    fail(
      `${who}: cannot require keywords not in original allowed set\n  original allowed keywords: ${printString(listFromArray(have.allowed))}\n  requested required keywords: ${printString(listFromArray(req))}`,
    );
  }
  const covered = (r: Range) => arityRanges(f).some(([x, y]) => x <= r[0] && r[1] <= y);
  if (!arity.every(covered)) {
    const shown = a[1];
    fail(
      `procedure-reduce-arity: arity of procedure does not include requested arity\n  procedure: ${printString(f)}\n  requested arity: ${printString(shown)}`,
    );
  }
  const label = name instanceof Sym ? name.name : nameOf(f);
  const positional = reduced(f, arity, label);
  if (allow !== null && allow.length === 0) return positional;
  if (allow === null && have.allowed === null && req.length === 0) {
    // Still any keyword: with keywords, the count of positional arguments is checked before `f` is called.
    const withKeywords = new MachinePrimitive(label ?? 'procedure', 2, -1, (m, args) => {
      const rest = args.slice(3);
      if (!arity.some(([x, y]) => x <= rest.length && rest.length <= y)) reducedArityError(label, arity, rest.length);
      applyWithKeywords(m, f, listToArray(args[1]) as Keyword[], listToArray(args[2]), rest);
    });
    return new AnyKeywordProcedure(withKeywords, positional, false);
  }
  const kws = allow ?? have.allowed ?? [];
  // Takes the allowed keywords' values (UNSUPPLIED when absent), then the positional arguments.
  const inner = new MachinePrimitive(label ?? 'procedure', kws.length, -1, (m, args) => {
    const given: Keyword[] = [];
    const vals: Value[] = [];
    kws.forEach((k, i) => {
      if (args[i + 1] !== UNSUPPLIED) {
        given.push(k);
        vals.push(args[i + 1]);
      }
    });
    const rest = args.slice(kws.length + 1);
    if (!arity.some(([x, y]) => x <= rest.length && rest.length <= y)) {
      // The message names the keywords too, as a keyword procedure's does.
      const min = Math.min(...arity.map((r) => r[0]));
      const max = Math.max(...arity.map((r) => r[1]));
      const single = arity.length === 1 ? { min, max: max === Infinity ? -1 : max } : { min: 0, max: 1 };
      arityMismatch(label, keywordArityText(result, single), rest.length);
    }
    applyWithKeywords(m, f, given, vals, rest);
  });
  setReducedArity(
    inner,
    arity.map(([x, y]) => [x + kws.length, y + kws.length] as Range),
  );
  const result = new KeywordProcedure(inner, kws, req);
  return result;
}

export function installProcedureExtras(t: PrimTable): void {
  t.fn('procedure->method', 1, 1, (f: Value) => {
    checkProcedure('procedure->method', f);
    if (isMethodProcedure(f)) return f;
    const ranges = arityRanges(f);
    const name = nameOf(f);
    // Like `f`, but an arity error counts one argument fewer (the receiver).
    const p = new MachinePrimitive(name ?? 'procedure', 0, -1, (m, args) => {
      const n = args.length - 1;
      if (!ranges.some(([a, b]) => a <= n && n <= b)) {
        const less = ranges.map(([a, b]) => [Math.max(0, a - 1), b - 1] as Range);
        reducedArityError(name, less, Math.max(0, n - 1));
      }
      m.applyArray(f, args.slice(1));
    });
    setReducedArity(p, ranges);
    methodProcedures.add(p);
    return p;
  });
  t.fn('procedure-closure-contents-eq?', 2, 2, (a: Value, b: Value) => {
    checkProcedure('procedure-closure-contents-eq?', a);
    checkProcedure('procedure-closure-contents-eq?', b);
    if (a === b) return true;
    return a instanceof Closure && b instanceof Closure && a.lam === b.lam && a.env === b.env;
  });
  t.fn('procedure-reduce-arity-mask', 2, 4, (f: Value, mask: Value, name: Value = false) => {
    checkProcedure('procedure-reduce-arity-mask', f);
    if (!isExactInteger(mask)) return argError('procedure-reduce-arity-mask', 'exact-integer?', mask);
    if (name !== false && !(name instanceof Sym)) return argError('procedure-reduce-arity-mask', '(or/c symbol? #f)', name);
    const m = BigInt(mask as number | bigint);
    const have = maskOf(arityRanges(f));
    if ((m & ~have) !== 0n) {
      fail(
        `procedure-reduce-arity-mask: arity mask of procedure does not include requested arity mask\n  procedure: ${printString(f)}\n  requested arity mask: ${printString(mask)}`,
      );
    }
    return reduced(f, maskRanges(m), name instanceof Sym ? name.name : nameOf(f));
  });
  t.fn('procedure-reduce-keyword-arity', 4, 6, (...a: Value[]) => {
    // Racket checks the procedure as procedure-reduce-arity does, under that name.
    checkProcedure('procedure-reduce-arity', a[0]);
    const arity = a[1];
    const ranges = arityToRanges(arity);
    if (ranges === null) return argError('procedure-reduce-keyword-arity', 'procedure-arity?', arity, 1, a);
    return reduceKeywordArity('procedure-reduce-keyword-arity', a, ranges);
  });
  t.fn('procedure-reduce-keyword-arity-mask', 4, 6, (...a: Value[]) => {
    checkProcedure('procedure-reduce-arity-mask', a[0]);
    if (!isExactInteger(a[1])) return argError('procedure-reduce-keyword-arity-mask', 'exact-integer?', a[1], 1, a);
    return reduceKeywordArity('procedure-reduce-keyword-arity-mask', a, maskRanges(BigInt(a[1] as number | bigint)));
  });
  t.fn('procedure-realm', 1, 1, (f: Value) => {
    checkProcedure('procedure-realm', f);
    return sym(f instanceof Primitive || f instanceof MachinePrimitive ? 'racket/primitive' : 'racket');
  });
  t.fn('primitive-closure?', 1, 1, () => false);
  t.fn('primitive-result-arity', 1, 1, (f: Value) => {
    if (f instanceof Primitive) return 1;
    // Primitives that drive the machine (values, apply, call/cc, ...) may return any number of values.
    if (f instanceof MachinePrimitive && !isReducedArity(f)) return arityAtLeastValue(0);
    return argError('primitive-result-arity', 'primitive?', f);
  });
  t.fn('procedure-extract-target', 1, 1, (f: Value) => {
    checkProcedure('procedure-extract-target', f);
    if (!(f instanceof StructInstance)) return false;
    const p = f.type.prop(propProcedure);
    if (typeof p !== 'number') return false;
    const target = f.fields[p];
    return isProcedure(target) ? target : false;
  });
  t.fn('procedure-struct-type?', 1, 1, (v: Value) => {
    const type = structTypeOf(v);
    if (type === null) return argError('procedure-struct-type?', 'struct-type?', v);
    return type.prop(propProcedure) !== undefined;
  });
}

/** The ranges of a procedure-arity? value, or null when it is not one. */
function arityToRanges(v: Value): Range[] | null {
  const single = (x: Value): Range | null => {
    if (typeof x === 'number' && Number.isInteger(x) && x >= 0) return [x, x];
    const n = arityAtLeastOf(x);
    return n === null ? null : [n, Infinity];
  };
  if (v === NULL || isList(v)) {
    const out: Range[] = [];
    for (const x of listToArray(v)) {
      const r = single(x);
      if (r === null) return null;
      out.push(r);
    }
    return out;
  }
  const r = single(v);
  return r === null ? null : [r];
}

function arityAtLeastOf(v: Value): number | null {
  if (!(v instanceof StructInstance) || v.type.name !== 'arity-at-least') return null;
  const n = v.fields[0];
  return typeof n === 'number' ? n : null;
}
