// The printing parameters of racket/base that `display`, `write` and `print`
// follow (print-graph, print-pair-curly-braces, print-unreadable, ...), and
// unquoted-printing-string. The printer asks for their values once per
// top-level print call; until a program parameterizes or sets one of them
// that costs a single flag test.

import { runningMachine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { RacketThrow, exnFailT, makeExn } from '../errors/exn.js';
import { argError } from '../errors/messages.js';
import { DEFAULT_PRINT_PARAMS, type PrintParams, setPrintParamsSource } from '../printer/print.js';
import { customPrint } from '../values/printable.js';
import { isExactInteger } from '../values/numbers.js';
import { Flonum, RString, str, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** Whether any printing parameter has been given a value: until then the defaults hold everywhere. */
let touched = false;

function flag(name: string, initial: boolean): Parameter {
  return new Parameter(
    initial,
    new Primitive(name, 1, 1, (v: Value) => {
      touched = true;
      return v !== false;
    }),
    name,
  );
}

const asExpression = flag('print-as-expression', true);

/** The legacy languages' runtime configuration: results print as `write` prints (`set` gives a parameter its base value). */
export function printResultsAsWritten(set: (p: Parameter, v: Value) => void): void {
  touched = true;
  set(asExpression, false);
}
const booleanLongForm = flag('print-boolean-long-form', false);
const box = flag('print-box', true);
const graph = flag('print-graph', false);
const hashTable = flag('print-hash-table', true);
const mpairCurlyBraces = flag('print-mpair-curly-braces', true);
const pairCurlyBraces = flag('print-pair-curly-braces', false);
const readerAbbreviations = flag('print-reader-abbreviations', false);
const struct = flag('print-struct', true);
const unreadable = flag('print-unreadable', true);
const vectorLength = flag('print-vector-length', false);

const syntaxWidth = new Parameter(
  256,
  new Primitive('print-syntax-width', 1, 1, (v: Value) => {
    const ok = (v instanceof Flonum && v.n === Infinity) || v === 0 || (isExactInteger(v) && (typeof v === 'bigint' || v >= 3));
    if (!ok) return argError('print-syntax-width', '(or/c +inf.0 0 (and/c exact-integer? (>=/c 3)))', v);
    touched = true;
    return v;
  }),
  'print-syntax-width',
);

function widthOf(v: Value): number {
  if (v instanceof Flonum) return v.n;
  return typeof v === 'bigint' ? Infinity : (v as number);
}

function refuseUnreadable(shown: string): never {
  throw new RacketThrow(makeExn(exnFailT, `write: printing disabled for unreadable value\n  value: ${shown}`));
}

export function currentPrintParams(): PrintParams {
  if (!touched) return DEFAULT_PRINT_PARAMS;
  const m = runningMachine();
  if (m === null) return DEFAULT_PRINT_PARAMS;
  const on = (p: Parameter) => m.paramValue(p) !== false;
  return {
    asExpression: on(asExpression),
    booleanLongForm: on(booleanLongForm),
    box: on(box),
    graph: on(graph),
    hashTable: on(hashTable),
    mpairCurlyBraces: on(mpairCurlyBraces),
    pairCurlyBraces: on(pairCurlyBraces),
    readerAbbreviations: on(readerAbbreviations),
    struct: on(struct),
    vectorLength: on(vectorLength),
    syntaxWidth: widthOf(m.paramValue(syntaxWidth)),
    refuseUnreadable: on(unreadable) ? null : refuseUnreadable,
  };
}

/** A string that prints as its characters in every mode (unquoted-printing-string). */
export class UnquotedPrintingString {
  constructor(readonly value: RString) {}
  [customPrint](): string {
    return this.value.s;
  }
}

export function installPrintParams(t: PrimTable): void {
  setPrintParamsSource(currentPrintParams);
  for (const p of [
    asExpression,
    booleanLongForm,
    box,
    graph,
    hashTable,
    mpairCurlyBraces,
    pairCurlyBraces,
    readerAbbreviations,
    struct,
    unreadable,
    vectorLength,
    syntaxWidth,
  ]) {
    t.value(p.name, p);
  }
  t.fn('unquoted-printing-string', 1, 1, (s: Value) => {
    if (!(s instanceof RString)) return argError('unquoted-printing-string', 'string?', s);
    return new UnquotedPrintingString(str(s.s, true));
  });
  t.fn('unquoted-printing-string?', 1, 1, (v: Value) => v instanceof UnquotedPrintingString);
  t.fn('unquoted-printing-string-value', 1, 1, (v: Value) =>
    v instanceof UnquotedPrintingString ? v.value : argError('unquoted-printing-string-value', 'unquoted-printing-string?', v),
  );
}
