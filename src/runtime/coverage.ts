// How much of a Racket library rkt has: its names, compared with the export
// list Racket 8.7 gives (scripts/exports.rkt writes it to
// test/data/exports.json), and its procedures' arities and keywords. Used by
// the coverage test and `npm run coverage`.

import { UNSUPPORTED_NAMES } from '../prims/unsupported.js';
import type { Meaning } from '../expand/expander.js';
import { arityRanges } from '../prims/procedures.js';
import { AnyKeywordProcedure, KeywordProcedure } from '../prims/keyword-procedures.js';
import { isProcedure } from '../prims/check.js';
import type { Value } from '../values/types.js';
import type { Runtime } from './runtime.js';

/** An arity as exports.json writes it: a count, `{ atLeast: n }`, or a list of those. */
export type ArityJson = number | { atLeast: number } | ArityJson[];

/** One name of a library, as Racket 8.7 has it. */
export interface ExportEntry {
  readonly kind: 'syntax' | 'value' | 'procedure';
  readonly arity?: ArityJson;
  readonly requiredKeywords?: readonly string[];
  /** null: any keyword. */
  readonly acceptedKeywords?: readonly string[] | null;
}

export interface ExportsFile {
  readonly racket: string;
  readonly libraries: Readonly<Record<string, Readonly<Record<string, ExportEntry>>>>;
}

export interface Coverage {
  readonly library: string;
  readonly total: number;
  readonly bound: readonly string[];
  readonly missing: readonly string[];
  /** Bound only to raise exn:fail:unsupported: the names Node cannot provide (prims/unsupported.ts). */
  readonly impossible: readonly string[];
  /** Procedures whose arity or keywords differ from Racket's: what rkt has, as Racket would print it. */
  readonly arityDifferences: readonly { readonly name: string; readonly racket: string; readonly rkt: string }[];
}

/** Arity ranges, [min, max] with max Infinity for "at least", merged and sorted. */
function normalize(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].map((r): [number, number] => [r[0], r[1]]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

function rangesOfJson(a: ArityJson): [number, number][] {
  if (typeof a === 'number') return [[a, a]];
  if (Array.isArray(a)) return a.flatMap(rangesOfJson);
  return [[a.atLeast, Number.POSITIVE_INFINITY]];
}

function showRanges(rs: readonly (readonly [number, number])[]): string {
  const one = (r: readonly [number, number]) => (r[1] === Number.POSITIVE_INFINITY ? `(arity-at-least ${r[0]})` : `${r[0]}`);
  const parts: string[] = [];
  for (const r of rs) {
    if (r[1] !== Number.POSITIVE_INFINITY && r[1] > r[0]) for (let n = r[0]; n <= r[1]; n++) parts.push(`${n}`);
    else parts.push(one(r));
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(' ')})`;
}

function keywordsOf(v: Value): { required: string[]; accepted: string[] | null } {
  if (v instanceof AnyKeywordProcedure) return { required: [], accepted: null };
  if (!(v instanceof KeywordProcedure)) return { required: [], accepted: [] };
  const names = (ks: readonly { name: string }[]) => ks.map((k) => k.name).sort();
  return { required: names(v.required), accepted: names(v.kws) };
}

/** The run-time value a library binding stands for, if it is a variable. */
function variableValue(m: Meaning): Value | undefined {
  if (m.kind !== 'top') return undefined;
  m.v.force();
  return m.v.value;
}

/** Compares what `rt` binds in `library` with Racket's export list for it. */
export function libraryCoverage(rt: Runtime, library: string, expected: Readonly<Record<string, ExportEntry>>): Coverage {
  const exports = rt.library(library)?.exports ?? new Map<string, Meaning>();
  const bound: string[] = [];
  const missing: string[] = [];
  const impossible: string[] = [];
  const arityDifferences: { name: string; racket: string; rkt: string }[] = [];
  for (const [name, entry] of Object.entries(expected)) {
    const m = exports.get(name);
    if (m === undefined) {
      missing.push(name);
      continue;
    }
    if (UNSUPPORTED_NAMES.includes(name)) {
      impossible.push(name);
      continue;
    }
    bound.push(name);
    if (entry.kind !== 'procedure' || entry.arity === undefined) continue;
    let v: Value | undefined;
    try {
      v = variableValue(m);
    } catch {
      v = undefined;
    }
    const racketRanges = normalize(rangesOfJson(entry.arity));
    const racketKw = `${(entry.requiredKeywords ?? []).join(' ')} / ${entry.acceptedKeywords === null ? 'any' : (entry.acceptedKeywords ?? []).join(' ')}`;
    const racket = `${showRanges(racketRanges)}${racketKw === ' / ' ? '' : ` keywords ${racketKw}`}`;
    if (v === undefined || !isProcedure(v)) {
      arityDifferences.push({ name, racket, rkt: m.kind === 'top' ? 'not a procedure' : 'syntax' });
      continue;
    }
    const ranges = normalize(arityRanges(v));
    const kw = keywordsOf(v);
    const rktKw = `${kw.required.join(' ')} / ${kw.accepted === null ? 'any' : kw.accepted.join(' ')}`;
    const rkt = `${showRanges(ranges)}${rktKw === ' / ' ? '' : ` keywords ${rktKw}`}`;
    if (rkt !== racket) arityDifferences.push({ name, racket, rkt });
  }
  return { library, total: Object.keys(expected).length, bound, missing, impossible, arityDifferences };
}
