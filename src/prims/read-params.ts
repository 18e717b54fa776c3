// The parameters that control `read`: the number syntax (shared with
// string->number: read-decimal-as-inexact and read-single-flonum; Racket CS
// has no single-flonums, so with it on a single-flonum literal is an error)
// and the switches for parts of the datum syntax (read-accept-box,
// read-case-sensitive, read-square-bracket-as-paren, ...).

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { DEFAULT_READER_SYNTAX, type ReadOptions, type ReaderSyntax } from '../reader/index.js';
import type { Value } from '../values/types.js';
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
];

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
}
