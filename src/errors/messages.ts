// Constructors for Racket's standard error messages. Every primitive raises
// through these, so each message has Racket's exact shape, e.g.
//   car: contract violation\n  expected: pair?\n  given: 1

import { printString } from '../printer/print.js';
import type { Value } from '../values/types.js';
import {
  RacketThrow,
  exnFailContractArityT,
  exnFailContractDivideByZeroT,
  exnFailContractT,
  exnFailContractVariableT,
  exnFailT,
  fail,
  makeExn,
} from './exn.js';
import { sym } from '../values/types.js';

/** A piece of message text that stands where a value would (e.g. `valid range: [0, 3]`). */
export class RawText {
  constructor(readonly text: string) {}
}

/** Shows a value in an error message; prims/error-handlers.ts installs error-value->string-handler's. */
let showErrorValue: (v: Value) => string = (v) => printString(v);
export function setErrorValueShower(show: (v: Value) => string): void {
  showErrorValue = show;
}

/** How a value appears inside an error message (print style, through error-value->string-handler). */
export function errorValueString(v: Value): string {
  if (v instanceof RawText) return v.text;
  return showErrorValue(v);
}

const ORDINALS = ['th', 'st', 'nd', 'rd'];
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (ORDINALS[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * `raise-argument-error`: `name: contract violation`. When `args` is given,
 * `pos` (0-based) names the offending argument among them.
 */
export function argError(name: string, expected: string, given: Value, pos?: number, args?: readonly Value[]): never {
  let msg = `${name}: contract violation\n  expected: ${expected}\n  given: ${errorValueString(given)}`;
  if (pos !== undefined && args !== undefined && args.length > 1) {
    msg += `\n  argument position: ${ordinal(pos + 1)}`;
    const others = args.filter((_, i) => i !== pos);
    msg += `\n  other arguments...:` + others.map((a) => `\n   ${errorValueString(a)}`).join('');
  }
  fail(exnFailContractT, msg);
}

/** `raise-arguments-error`: a message followed by `field: value` lines. */
export function argumentsError(name: string, message: string, ...fields: [string, Value][]): never {
  fail(exnFailContractT, `${name}: ${message}` + fields.map(([k, v]) => `\n  ${k}: ${errorValueString(v)}`).join(''));
}

/**
 * The arity part of an arity error. Racket 8.7 states `expected:` only for a
 * single count or an "at least" count; other shapes omit it.
 */
export function arityExpectation(min: number, max: number): string | null {
  if (max === min) return `${min}`;
  if (max < 0) return `at least ${min}`;
  return null;
}

/** racket/class names a method's procedure `m method in c%`; its first argument is the object, which its arity errors do not count. */
const METHOD_NAME = / method in /;

export function arityError(name: string | null, min: number, max: number, given: number): never {
  if (name !== null && METHOD_NAME.test(name) && min > 0)
    arityMismatch(name, arityExpectation(min - 1, max < 0 ? max : max - 1), given - 1);
  arityMismatch(name, arityExpectation(min, max), given);
}

export function arityMismatch(name: string | null, expected: string | null, given: number): never {
  const head = name === null ? 'arity mismatch;' : `${name}: arity mismatch;`;
  const message =
    `${head}\n the expected number of arguments does not match the given number` +
    (expected === null ? '' : `\n  expected: ${expected}`) +
    `\n  given: ${given}`;
  throw new RacketThrow(makeExn(exnFailContractArityT, message), true, true);
}

export function notAProcedure(v: Value): never {
  const message = `application: not a procedure;\n expected a procedure that can be applied to arguments\n  given: ${errorValueString(v)}`;
  throw new RacketThrow(makeExn(exnFailContractT, message), true, true);
}

export function resultArityError(expected: number, received: number): never {
  fail(
    exnFailContractArityT,
    `result arity mismatch;\n expected number of values not received\n  expected: ${expected}\n  received: ${received}`,
  );
}

export function useBeforeInit(name: string): never {
  fail(exnFailContractVariableT, `${name}: undefined;\n cannot use before initialization`, sym(name));
}

export function undefinedVariable(name: string, module: string | null = null): never {
  fail(
    exnFailContractVariableT,
    `${name}: undefined;\n cannot reference an identifier before its definition` + (module ? `\n  in module: ${module}` : ''),
    sym(name),
  );
}

/** A module-level definition ran again (a continuation re-entered it). */
export function redefinedConstant(name: string, module: string): never {
  fail(
    exnFailContractVariableT,
    `define-values: assignment disallowed;\n cannot re-define a constant\n  constant: ${name}\n  in module:${module}`,
    sym(name),
  );
}

/** A binding form received the wrong number of values. */
export function bindingArityError(expected: number, vals: readonly Value[], context: string, prefix = ''): never {
  fail(
    exnFailContractArityT,
    `${prefix}result arity mismatch;\n expected number of values not received\n  expected: ${expected}\n  received: ${vals.length}` +
      (context === '' ? '' : `\n  in: ${context}`) +
      '\n  arguments...:' +
      vals.map((v) => `\n   ${errorValueString(v)}`).join(''),
  );
}

export function divideByZero(name: string): never {
  fail(exnFailContractDivideByZeroT, `${name}: division by zero`);
}

/** `raise-range-error` style for an index into a sequence. */
export function indexRangeError(name: string, kind: string, index: Value, length: number, seq: Value): never {
  if (length === 0) {
    fail(
      exnFailContractT,
      `${name}: index is out of range for empty ${kind}\n  index: ${errorValueString(index)}\n  ${kind}: ${errorValueString(seq)}`,
    );
  }
  fail(
    exnFailContractT,
    `${name}: index is out of range\n  index: ${errorValueString(index)}\n  valid range: [0, ${length - 1}]\n  ${kind}: ${errorValueString(seq)}`,
  );
}

/** `who: not currently expanding`: a procedure for transformers, called outside any expansion. */
export function notExpanding(who: string): never {
  fail(exnFailContractT, `${who}: not currently expanding`);
}

export function genericFail(message: string): never {
  fail(exnFailT, message);
}
