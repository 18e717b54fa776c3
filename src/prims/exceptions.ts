// Exceptions: raise, handlers, error, raise-type-error and
// raise-mismatch-error, and the built-in exception structs (constructors,
// predicates, accessors). The raise-*-error family is in raise.ts.

import { withHandlersPrim } from '../eval/exceptions.js';
import { ContinuationMarkSet, EXN_HANDLER_KEY } from '../eval/marks.js';
import { Primitive } from '../eval/procedures.js';
import { argError, errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailT, exnFailUserT, makeExn, fail, ALL_EXN_TYPES, exnT } from '../errors/exn.js';
import { RString, Sym, type Value } from '../values/types.js';
import { checkProcedure } from './check.js';
import type { PrimTable } from './table.js';
import type { StructType } from '../values/struct.js';
import { cutWidth, formatDirectives } from './printing.js';
import type { Machine } from '../eval/machine.js';
import { accessorOf, makeInstance, predicateOf } from './structs.js';

/** The error message of `error`'s three calling conventions. */
function errorMessage(who: string, args: Value[], width: number): string {
  const [first, ...rest] = args;
  if (first instanceof Sym) {
    if (rest.length === 0) return `error: ${first.name}`;
    const fmt = rest[0];
    if (fmt instanceof RString) return `${first.name}: ${formatDirectives(who, fmt.s, rest.slice(1), undefined, width)}`;
    return argError(who, 'string?', fmt);
  }
  if (first instanceof RString) {
    return [first.s, ...rest.map((r) => errorValueString(r))].join(' ');
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

  t.fn('error', 1, -1, function (this: Machine, ...args: Value[]) {
    throw new RacketThrow(makeExn(exnFailT, errorMessage('error', args, cutWidth(this))));
  });
  t.fn('raise-user-error', 1, -1, function (this: Machine, ...args: Value[]) {
    throw new RacketThrow(makeExn(exnFailUserT, errorMessage('raise-user-error', args, cutWidth(this))));
  });
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

  t.fn('assert-unreachable', 0, 0, () => fail(exnFailContractT, 'assert-unreachable: unreachable code reached'));

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
  own('exn:fail:filesystem:missing-module', 'path');
  own('exn:fail:syntax:missing-module', 'path');
}
