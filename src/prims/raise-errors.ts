// The raise-*-error procedures beyond raise-argument-error and
// raise-arguments-error (control.ts): result, range, type, mismatch and arity
// errors, with Racket's message shapes.

import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { argError, arityMismatch, errorValueString, ordinal } from '../errors/messages.js';
import { exnFailContractArityT, exnFailContractT, fail } from '../errors/exn.js';
import { isExactInteger } from '../values/numbers.js';
import { StructInstance } from '../values/struct.js';
import { RString, Sym, type Value } from '../values/types.js';
import { arityAtLeastT } from './arity.js';
import type { PrimTable } from './table.js';
import { Closure, CaseClosure } from '../eval/nodes.js';

function checkWho(caller: string, v: Value): string {
  if (v instanceof Sym) return v.name;
  return argError(caller, 'symbol?', v);
}

function checkText(caller: string, v: Value): string {
  if (v instanceof RString) return v.s;
  return argError(caller, 'string?', v);
}

function checkInteger(caller: string, v: Value): number | bigint {
  if (isExactInteger(v)) return v as number | bigint;
  return argError(caller, 'exact-integer?', v);
}

/** The name a procedure goes by in an arity message. */
function procedureName(v: Value): string | null {
  if (v instanceof Sym) return v.name;
  if (v instanceof Primitive || v instanceof MachinePrimitive) return v.name;
  if (v instanceof Closure) return v.lam.name;
  if (v instanceof CaseClosure) return v.name;
  return null;
}

export function installRaiseErrors(t: PrimTable): void {
  t.fn('raise-result-error', 3, -1, (name: Value, expected: Value, ...rest: Value[]) => {
    const who = checkWho('raise-result-error', name);
    const exp = checkText('raise-result-error', expected);
    if (rest.length === 1) fail(exnFailContractT, `${who}: contract violation\n  expected: ${exp}\n  result: ${errorValueString(rest[0])}`);
    const pos = rest[0];
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0) return argError('raise-result-error', 'exact-nonnegative-integer?', pos);
    const vals = rest.slice(1);
    const others = vals.filter((_, i) => i !== pos);
    fail(
      exnFailContractT,
      `${who}: contract violation\n  expected: ${exp}\n  result: ${errorValueString(vals[pos])}` +
        (vals.length > 1 ? `\n  argument position: ${ordinal(pos + 1)}\n  other arguments...:` + others.map((v) => `\n   ${errorValueString(v)}`).join('') : ''),
    );
  });

  // Racket's own procedure is named so (its arity errors say it).
  t.value(
    'raise-range-error',
    new Primitive('raise-range-error/user', 7, 8, (name: Value, type: Value, prefixV: Value, index: Value, seq: Value, lowV: Value, highV: Value, altV: Value = false) => {
      const who = checkWho('raise-range-error', name);
      const kind = checkText('raise-range-error', type);
      const prefix = checkText('raise-range-error', prefixV);
      const i = BigInt(checkInteger('raise-range-error', index));
      const low = BigInt(checkInteger('raise-range-error', lowV));
      const high = BigInt(checkInteger('raise-range-error', highV));
      const alt = altV === false ? null : BigInt(checkInteger('raise-range-error', altV));
      if (high < low) {
        fail(exnFailContractT, `${who}: ${prefix}index is out of range for empty ${kind}\n  ${prefix}index: ${errorValueString(index)}`);
      }
      if (alt !== null && i >= alt && i < low) {
        fail(
          exnFailContractT,
          `${who}: ending index is smaller than starting index\n  ending index: ${errorValueString(index)}\n  starting index: ${low}` +
            `\n  valid range: [${alt}, ${high}]\n  ${kind}: ${errorValueString(seq)}`,
        );
      }
      fail(
        exnFailContractT,
        `${who}: ${prefix}index is out of range\n  ${prefix}index: ${errorValueString(index)}\n  valid range: [${alt ?? low}, ${high}]\n  ${kind}: ${errorValueString(seq)}`,
      );
    }),
  );

  t.fn('raise-type-error', 3, -1, (name: Value, expected: Value, ...rest: Value[]) => {
    const who = checkWho('raise-type-error', name);
    const exp = checkText('raise-type-error', expected);
    if (rest.length === 1) fail(exnFailContractT, `${who}: expected argument of type <${exp}>; given: ${errorValueString(rest[0])}`);
    const pos = rest[0] as number;
    const vals = rest.slice(1);
    const others = vals.filter((_, i) => i !== pos);
    fail(
      exnFailContractT,
      `${who}: expected argument of type <${exp}>; given: ${errorValueString(vals[pos])}` +
        (others.length > 0 ? `; other arguments: ${others.map(errorValueString).join(' ')}` : ''),
    );
  });

  t.fn('raise-mismatch-error', 3, -1, (name: Value, message: Value, ...vals: Value[]) => {
    const who = checkWho('raise-mismatch-error', name);
    const text = checkText('raise-mismatch-error', message);
    fail(exnFailContractT, `${who}: ${text}${vals.map(errorValueString).join('')}`);
  });

  t.fn('raise-arity-error', 2, -1, (name: Value, arity: Value, ...args: Value[]) => {
    const who = procedureName(name);
    let expected: string | null = null;
    if (typeof arity === 'number') expected = `${arity}`;
    else if (arity instanceof StructInstance && arity.type.isSubtypeOf(arityAtLeastT)) expected = `at least ${errorValueString(arity.fields[0])}`;
    if (args.length === 0) arityMismatch(who, expected, 0);
    fail(
      exnFailContractArityT,
      `${who === null ? '' : `${who}: `}arity mismatch;\n the expected number of arguments does not match the given number` +
        (expected === null ? '' : `\n  expected: ${expected}`) +
        `\n  given: ${args.length}\n  arguments...:` +
        args.map((a) => `\n   ${errorValueString(a)}`).join(''),
    );
  });
}
