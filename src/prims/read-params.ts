// The parameters that control `read`: the number syntax (shared with
// string->number: read-decimal-as-inexact and read-single-flonum; Racket CS
// has no single-flonums, so with it on a single-flonum literal is an error)
// and the switches for parts of the datum syntax (read-accept-box,
// read-case-sensitive, read-square-bracket-as-paren, ...).

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { DEFAULT_READER_SYNTAX, type ReadOptions, type ReaderSyntax } from '../reader/index.js';
import { argError } from '../errors/messages.js';
import { RPath } from '../values/path.js';
import { Flonum, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** A parameter whose value is any value's truth, as Racket's boolean parameters are. */
function booleanParameter(name: string, initial: boolean): Parameter {
  return new Parameter(initial, new Primitive(name, 1, 1, (v: Value) => v !== false), name);
}

export const readDecimalAsInexact = booleanParameter('read-decimal-as-inexact', true);
export const readSingleFlonum = booleanParameter('read-single-flonum', false);

/** Whether any syntax switch has been given a value: until then `read` uses the defaults without looking. */
let syntaxTouched = false;

function syntaxSwitch(name: string, initial: boolean): Parameter {
  return new Parameter(
    initial,
    new Primitive(name, 1, 1, (v: Value) => {
      syntaxTouched = true;
      return v !== false;
    }),
    name,
  );
}

const SWITCHES: [keyof ReaderSyntax, Parameter][] = [
  ['caseSensitive', syntaxSwitch('read-case-sensitive', true)],
  ['acceptBox', syntaxSwitch('read-accept-box', true)],
  ['acceptQuasiquote', syntaxSwitch('read-accept-quasiquote', true)],
  ['acceptDot', syntaxSwitch('read-accept-dot', true)],
  ['acceptInfixDot', syntaxSwitch('read-accept-infix-dot', true)],
  ['squareBracketAsParen', syntaxSwitch('read-square-bracket-as-paren', true)],
  ['curlyBraceAsParen', syntaxSwitch('read-curly-brace-as-paren', true)],
  ['squareBracketWithTag', syntaxSwitch('read-square-bracket-with-tag', false)],
  ['curlyBraceWithTag', syntaxSwitch('read-curly-brace-with-tag', false)],
  ['acceptBarQuote', syntaxSwitch('read-accept-bar-quote', true)],
  ['acceptGraph', syntaxSwitch('read-accept-graph', true)],
  ['syntaxAcceptGraph', syntaxSwitch('read-syntax-accept-graph', false)],
  ['acceptCompiled', syntaxSwitch('read-accept-compiled', false)],
  ['acceptReader', syntaxSwitch('read-accept-reader', false)],
  ['acceptLang', syntaxSwitch('read-accept-lang', true)],
  ['cdot', syntaxSwitch('read-cdot', false)],
];

/** `read-on-demand-source`: rkt reads every syntax object's text eagerly, so
 * the value only matters to programs that look at it. */
export const readOnDemandSource = new Parameter(
  false,
  new Primitive('read-on-demand-source', 1, 1, (v: Value) => {
    if (v === false || v === true || (v instanceof RPath && v.path.startsWith('/'))) return v;
    return argError('read-on-demand-source', '(or/c #f #t (and/c path? complete-path?))', v);
  }),
  'read-on-demand-source',
);

/** The identity guard `current-reader-guard` starts with. */
const defaultReaderGuard = new Primitive('default-reader-guard', 1, 1, (v: Value) => v);

/** `current-reader-guard`: applied to the module path of a `#reader` or `#lang`. */
export const currentReaderGuard = new Parameter(
  defaultReaderGuard,
  new Primitive('current-reader-guard', 1, 1, (v: Value) =>
    isProcedure(v) && arityIncludes(v, 1) ? v : argError('current-reader-guard', '(procedure-arity-includes/c 1)', v),
  ),
  'current-reader-guard',
);

/** `print-value-columns`: racket/base only keeps it (DrRacket's printer reads it). */
const printValueColumns = new Parameter(
  new Flonum(Number.POSITIVE_INFINITY),
  new Primitive('print-value-columns', 1, 1, (v: Value) => {
    const ok =
      (v instanceof Flonum && v.n === Number.POSITIVE_INFINITY) || (typeof v === 'number' && v > 5) || (typeof v === 'bigint' && v > 5n);
    return ok ? v : argError('print-value-columns', '(or/c +inf.0 (and/c exact-integer? (>/c 5)))', v);
  }),
  'print-value-columns',
);

/** The options of `read` in the machine's current parameterization. */
export function numberReadOptions(m: Machine): Pick<ReadOptions, 'decimalAsInexact' | 'singleFlonum' | 'syntax'> {
  let syntax = DEFAULT_READER_SYNTAX;
  if (syntaxTouched) {
    syntax = { ...DEFAULT_READER_SYNTAX };
    for (const [key, p] of SWITCHES) syntax[key] = m.paramValue(p) !== false;
  }
  return { decimalAsInexact: m.paramValue(readDecimalAsInexact) !== false, singleFlonum: m.paramValue(readSingleFlonum) !== false, syntax };
}

export function installReadParams(t: PrimTable): void {
  t.value('read-decimal-as-inexact', readDecimalAsInexact);
  t.value('read-single-flonum', readSingleFlonum);
  for (const [, p] of SWITCHES) t.value(p.name, p);
  t.value('read-on-demand-source', readOnDemandSource);
  t.value('current-reader-guard', currentReaderGuard);
  t.value('print-value-columns', printValueColumns);
}
