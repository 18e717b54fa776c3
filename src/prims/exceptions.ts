// Exceptions: raise, handlers, error and the raise-*-error family with
// Racket's message shapes, and the built-in exception structs
// (constructors, predicates, accessors).

import { withHandlersPrim } from '../eval/exceptions.js';
import { ContinuationMarkSet, EXN_HANDLER_KEY } from '../eval/marks.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { Closure, CaseClosure } from '../eval/nodes.js';
import { argError, arityMismatch, errorValueString, ordinal } from '../errors/messages.js';
import {
  RacketThrow,
  exnFailContractT,
  exnFailT,
  exnFailUserT,
  makeExn,
  exnFailContractArityT,
  fail,
  ALL_EXN_TYPES,
  exnT,
} from '../errors/exn.js';
import { displayString, printString } from '../printer/print.js';
import { RString, Sym, type Value } from '../values/types.js';
import { checkExactInteger, checkProcedure, checkSymbol } from './check.js';
import type { PrimTable } from './table.js';
import { StructInstance, type StructType } from '../values/struct.js';
import { formatDirectives } from './printing.js';
import { arityAtLeastT } from './procedures.js';
import { accessorOf, makeInstance, predicateOf } from './structs.js';

/** The error message of `error`'s three calling conventions. */
function errorMessage(who: string, args: Value[]): string {
  const [first, ...rest] = args;
  if (first instanceof Sym) {
    if (rest.length === 0) return `error: ${first.name}`;
    const fmt = rest[0];
    if (fmt instanceof RString) return `${first.name}: ${formatDirectives(who, fmt.s, rest.slice(1))}`;
    return argError(who, 'string?', fmt);
  }
  if (first instanceof RString) {
    return [first.s, ...rest.map((r) => printString(r))].join(' ');
  }
  return argError(who, '(or/c symbol? string?)', first);
}

/** An exception type's constructor: it checks the message and marks fields as Racket's guard does. */
function exnConstructorOf(type: StructType): Primitive {
  const n = type.initFieldCount;
  return new Primitive(type.name, n, n, (...args: Value[]) => {
    if (!(args[0] instanceof RString)) return argError(type.name, 'string?', args[0]);
    if (!(args[1] instanceof ContinuationMarkSet)) return argError(type.name, 'continuation-mark-set?', args[1]);
    return makeInstance(type, args);
  });
}

function checkWho(caller: string, v: Value): string {
  if (v instanceof Sym) return v.name;
  return argError(caller, 'symbol?', v);
}

function checkText(caller: string, v: Value): string {
  if (v instanceof RString) return v.s;
  return argError(caller, 'string?', v);
}

/** The name a procedure goes by in an arity message. */
function procedureName(v: Value): string | null {
  if (v instanceof Sym) return v.name;
  if (v instanceof Primitive || v instanceof MachinePrimitive) return v.name;
  if (v instanceof Closure) return v.lam.name;
  if (v instanceof CaseClosure) return v.name;
  return null;
}

export function installExceptions(t: PrimTable): void {
  t.machine('raise', 1, 2, (m, a) => {
    m.raise(a[1], a.length < 3 || a[2] !== false);
  });
  t.machine('call-with-exception-handler', 2, 2, (m, a) => {
    checkProcedure('call-with-exception-handler', a[1]);
    m.setMark(EXN_HANDLER_KEY, a[1]);
    m.applyArray(a[2], []);
  });
  t.internal('with-handlers', withHandlersPrim);

  t.fn('error', 1, -1, (...args: Value[]) => {
    throw new RacketThrow(makeExn(exnFailT, errorMessage('error', args)));
  });
  t.fn('raise-user-error', 1, -1, (...args: Value[]) => {
    throw new RacketThrow(makeExn(exnFailUserT, errorMessage('raise-user-error', args)));
  });
  t.fn('raise-argument-error', 3, -1, (name: Value, expected: Value, ...rest: Value[]) => {
    const who = checkSymbol('raise-argument-error', name).name;
    const exp = expected instanceof RString ? expected.s : argError('raise-argument-error', 'string?', expected);
    if (rest.length === 1) argError(who, exp, rest[0]);
    const pos = rest[0];
    if (typeof pos !== 'number') return argError('raise-argument-error', 'exact-nonnegative-integer?', pos);
    const args = rest.slice(1);
    return argError(who, exp, args[pos], pos, args);
  });
  t.fn('raise-arguments-error', 2, -1, (name: Value, msg: Value, ...fields: Value[]) => {
    const who = checkSymbol('raise-arguments-error', name).name;
    const text = msg instanceof RString ? msg.s : argError('raise-arguments-error', 'string?', msg);
    let out = `${who}: ${text}`;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const f = fields[i];
      out += `\n  ${f instanceof RString ? f.s : displayString(f)}: ${printString(fields[i + 1])}`;
    }
    throw new RacketThrow(makeExn(exnFailContractT, out));
  });

  t.fn('raise-result-error', 3, -1, (name: Value, expected: Value, ...rest: Value[]) => {
    const who = checkWho('raise-result-error', name);
    const exp = checkText('raise-result-error', expected);
    if (rest.length === 1) fail(exnFailContractT, `${who}: contract violation\n  expected: ${exp}\n  result: ${errorValueString(rest[0])}`);
    const pos = rest[0];
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0)
      return argError('raise-result-error', 'exact-nonnegative-integer?', pos);
    const vals = rest.slice(1);
    const others = vals.filter((_, i) => i !== pos);
    fail(
      exnFailContractT,
      `${who}: contract violation\n  expected: ${exp}\n  result: ${errorValueString(vals[pos])}` +
        (vals.length > 1
          ? `\n  argument position: ${ordinal(pos + 1)}\n  other arguments...:` + others.map((v) => `\n   ${errorValueString(v)}`).join('')
          : ''),
    );
  });

  // Racket's own procedure is named so (its arity errors say it).
  t.value(
    'raise-range-error',
    new Primitive(
      'raise-range-error/user',
      7,
      8,
      (name: Value, type: Value, prefixV: Value, index: Value, seq: Value, lowV: Value, highV: Value, altV: Value = false) => {
        const who = checkWho('raise-range-error', name);
        const kind = checkText('raise-range-error', type);
        const prefix = checkText('raise-range-error', prefixV);
        const i = BigInt(checkExactInteger('raise-range-error', index));
        const low = BigInt(checkExactInteger('raise-range-error', lowV));
        const high = BigInt(checkExactInteger('raise-range-error', highV));
        const alt = altV === false ? null : BigInt(checkExactInteger('raise-range-error', altV));
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
      },
    ),
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
    else if (arity instanceof StructInstance && arity.type.isSubtypeOf(arityAtLeastT))
      expected = `at least ${errorValueString(arity.fields[0])}`;
    if (args.length === 0) arityMismatch(who, expected, 0);
    fail(
      exnFailContractArityT,
      `${who === null ? '' : `${who}: `}arity mismatch;\n the expected number of arguments does not match the given number` +
        (expected === null ? '' : `\n  expected: ${expected}`) +
        `\n  given: ${args.length}\n  arguments...:` +
        args.map((a) => `\n   ${errorValueString(a)}`).join(''),
    );
  });

  // The exception hierarchy: constructors, predicates, accessors.
  for (const type of ALL_EXN_TYPES) {
    t.value(`struct:${type.name}`, type);
    // `exn:fail` and `make-exn:fail` are the same procedure, named after the type.
    const ctor = exnConstructorOf(type);
    t.value(type.name, ctor);
    t.value(`make-${type.name}`, ctor);
    t.value(`${type.name}?`, predicateOf(type));
  }
  t.value('exn-message', accessorOf(exnT, 0, 'exn-message'));
  t.value('exn-continuation-marks', accessorOf(exnT, 1, 'exn-continuation-marks'));
  const own = (typeName: string, field: string) => {
    const type = ALL_EXN_TYPES.find((x) => x.name === typeName)!;
    t.value(`${typeName}-${field}`, accessorOf(type, 0, `${typeName}-${field}`));
  };
  own('exn:fail:contract:variable', 'id');
  own('exn:fail:syntax', 'exprs');
  own('exn:fail:read', 'srclocs');
  own('exn:fail:filesystem:errno', 'errno');
  own('exn:fail:network:errno', 'errno');
  own('exn:break', 'continuation');
}
