// Raising Racket's standard errors from Racket code: raise-argument-error,
// raise-arguments-error, raise-result-error, raise-range-error,
// raise-arity-error, raise-arity-mask-error, raise-result-arity-error and
// their `*` forms, which take the realm of the name. Their messages pass
// through the error message adjuster (current-error-message-adjuster and
// the adjusters installed as marks under error-message-adjuster-key), as
// error-message->adjusted-string and error-contract->adjusted-string do.

import { applyNested } from '../eval/nested.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { Closure, CaseClosure } from '../eval/nodes.js';
import { exnFailContractArityT, exnFailContractT, fail } from '../errors/exn.js';
import { argError, arityExpectation, errorValueString, ordinal } from '../errors/messages.js';
import { printString } from '../printer/print.js';
import { customPrint } from '../values/printable.js';
import { StructInstance } from '../values/struct.js';
import { MultipleValues, NULL, Pair, RString, Sym, str, sym, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityAtLeastT, arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

export const errorMessageAdjusterKey = sym('error-message');
const RACKET = sym('racket');

/** A procedure that prints as `#<procedure>`. */
class AnonymousPrimitive extends Primitive {
  override [customPrint](): string {
    return '#<procedure>';
  }
}

function valuesOf(v: Value): Value[] {
  return v instanceof MultipleValues ? v.vals : [v];
}

/** The adjusters installed as marks, innermost first. */
function markedAdjusters(m: Machine): Value[] {
  const out: Value[] = [];
  for (let e = m.marks; e !== null; e = e.next) if (e.key === errorMessageAdjusterKey) out.push(e.value);
  return out;
}

/** Each marked adjuster's procedure for `mode`, applied in turn to `vals` (innermost first). */
function throughMarks(m: Machine, mode: string, vals: Value[], fallback?: (adj: Value, vals: Value[]) => Value[]): Value[] {
  let out = vals;
  for (const adj of markedAdjusters(m)) {
    const p = applyNested(m, adj, [sym(mode)]);
    if (p !== false) out = valuesOf(applyNested(m, p, out));
    else if (fallback) out = fallback(adj, out);
  }
  return out;
}

/** For 'message: an adjuster without a message procedure may still adjust the name. */
function nameFallback(m: Machine): (adj: Value, vals: Value[]) => Value[] {
  return (adj, vals) => {
    const q = applyNested(m, adj, [sym('name')]);
    if (q === false) return vals;
    const [name, realm] = valuesOf(applyNested(m, q, [vals[0], vals[1]]));
    return [name, realm, vals[2], vals[3]];
  };
}

const defaultModes: Record<string, Primitive> = {
  name: new AnonymousPrimitive('name', 2, 2, function (this: Machine, name: Value, realm: Value) {
    return new MultipleValues(throughMarks(this, 'name', [name, realm]));
  }),
  message: new AnonymousPrimitive('message', 4, 4, function (this: Machine, name: Value, nr: Value, msg: Value, mr: Value) {
    return new MultipleValues(throughMarks(this, 'message', [name, nr, msg, mr], nameFallback(this)));
  }),
  contract: new AnonymousPrimitive('contract', 2, 2, function (this: Machine, c: Value, realm: Value) {
    return new MultipleValues(throughMarks(this, 'contract', [c, realm]));
  }),
};

const defaultAdjuster = new AnonymousPrimitive('error-message-adjuster', 1, 1, (mode: Value) => {
  if (!(mode instanceof Sym)) return argError('current-error-message-adjuster', 'symbol?', mode);
  return defaultModes[mode.name] ?? false;
});

export const currentErrorMessageAdjuster = new Parameter(
  defaultAdjuster,
  new Primitive('current-error-message-adjuster', 1, 1, (v: Value) =>
    isProcedure(v) && arityIncludes(v, 1) ? v : argError('current-error-message-adjuster', '(procedure-arity-includes/c 1)', v),
  ),
  'current-error-message-adjuster',
);

/** `name: msg` (or `msg` without a name), as the adjusters make it. */
export function adjustedMessage(m: Machine, name: Value, realm: Value, msg: string, msgRealm: Value = realm): string {
  let vals: Value[] = [name, realm, str(msg, false), msgRealm];
  const adj = m.paramValue(currentErrorMessageAdjuster);
  // The default adjuster reads this continuation's marks, so it runs here rather than on a nested machine.
  if (adj === defaultAdjuster) vals = throughMarks(m, 'message', vals, nameFallback(m));
  else {
    const p = applyNested(m, adj, [sym('message')]);
    if (p !== false) vals = valuesOf(applyNested(m, p, vals));
    else {
      const q = applyNested(m, adj, [sym('name')]);
      if (q !== false) {
        const [n, r] = valuesOf(applyNested(m, q, [name, realm]));
        vals = [n, r, vals[2], vals[3]];
      }
    }
  }
  const [n, , text] = vals;
  const body = text instanceof RString ? text.s : errorValueString(text);
  return n instanceof Sym ? `${n.name}: ${body}` : body;
}

/** A contract as the adjusters show it. */
export function adjustedContract(m: Machine, contract: string, realm: Value): string {
  const adj = m.paramValue(currentErrorMessageAdjuster);
  let c: Value;
  if (adj === defaultAdjuster) [c] = throughMarks(m, 'contract', [str(contract, false), realm]);
  else {
    const p = applyNested(m, adj, [sym('contract')]);
    if (p === false) return contract;
    [c] = valuesOf(applyNested(m, p, [str(contract, false), realm]));
  }
  return c instanceof RString ? c.s : contract;
}

// ------------------------------------------------------------ argument checks

function checkName(who: string, v: Value): Sym {
  return v instanceof Sym ? v : argError(who, 'symbol?', v);
}

function checkText(who: string, v: Value): string {
  return v instanceof RString ? v.s : argError(who, 'string?', v);
}

function checkIndex(who: string, v: Value): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : argError(who, 'exact-nonnegative-integer?', v);
}

/** The `argument position:` and `other arguments...:` lines when `vals` has more than the one at `pos`. */
function positionLines(pos: number, vals: Value[]): string {
  if (vals.length < 2) return '';
  const others = vals.filter((_, i) => i !== pos);
  return `\n  argument position: ${ordinal(pos + 1)}\n  other arguments...:${others.map((v) => `\n   ${errorValueString(v)}`).join('')}`;
}

/** A value as given to raise-argument-error (`v`, or `pos v ...`). */
function positioned(who: string, rest: Value[]): { value: Value; lines: string } {
  if (rest.length === 1) return { value: rest[0], lines: '' };
  const pos = checkIndex(who, rest[0]);
  const vals = rest.slice(1);
  if (pos >= vals.length) {
    fail(exnFailContractT, `${who}: position index too large\n  position index: ${pos}\n  number of other arguments: ${vals.length}`);
  }
  return { value: vals[pos], lines: positionLines(pos, vals) };
}

function argumentError(m: Machine, who: string, name: Sym, realm: Value, expectedV: Value, rest: Value[]): never {
  const expected = checkText(who, expectedV);
  const { value, lines } = positioned(who, rest);
  const body = `contract violation\n  expected: ${adjustedContract(m, expected, realm)}\n  given: ${errorValueString(value)}${lines}`;
  fail(exnFailContractT, adjustedMessage(m, name, realm, body));
}

function resultError(m: Machine, who: string, name: Sym, realm: Value, expectedV: Value, rest: Value[]): never {
  const expected = checkText(who, expectedV);
  const { value, lines } = positioned(who, rest);
  const body = `contract violation\n  expected: ${adjustedContract(m, expected, realm)}\n  result: ${errorValueString(value)}${lines}`;
  fail(exnFailContractT, adjustedMessage(m, name, realm, body));
}

function argumentsError(m: Machine, who: string, name: Sym, realm: Value, msgV: Value, fields: Value[]): never {
  let body = checkText(who, msgV);
  if (fields.length % 2 !== 0) {
    fail(exnFailContractT, `${who}: missing value after field string\n  field string: ${printString(fields[fields.length - 1])}`);
  }
  for (let i = 0; i < fields.length; i += 2) body += `\n  ${checkText(who, fields[i])}: ${errorValueString(fields[i + 1])}`;
  fail(exnFailContractT, adjustedMessage(m, name, realm, body));
}

function checkExactInt(who: string, v: Value): bigint {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'bigint') return v;
  return argError(who, 'exact-integer?', v);
}

function rangeError(m: Machine, who: string, name: Sym, realm: Value, args: Value[]): never {
  const [typeV, prefixV, index, seq, lowV, highV, altV = false] = args;
  const kind = checkText(who, typeV);
  const prefix = checkText(who, prefixV);
  const i = checkExactInt(who, index);
  const low = checkExactInt(who, lowV);
  const high = checkExactInt(who, highV);
  const alt = altV === false ? null : checkExactInt(who, altV);
  let body: string;
  if (high < low) body = `${prefix}index is out of range for empty ${kind}\n  ${prefix}index: ${printString(index)}`;
  else if (alt !== null && i >= alt && i < low) {
    body =
      `ending index is smaller than starting index\n  ending index: ${printString(index)}\n  starting index: ${low}` +
      `\n  valid range: [${alt}, ${high}]\n  ${kind}: ${errorValueString(seq)}`;
  } else {
    body = `${prefix}index is out of range\n  ${prefix}index: ${printString(index)}\n  valid range: [${alt ?? low}, ${high}]\n  ${kind}: ${errorValueString(seq)}`;
  }
  fail(exnFailContractT, adjustedMessage(m, name, realm, body));
}

/** The name a procedure goes by in an arity message. */
function procedureName(v: Value): Value {
  if (v instanceof Sym) return v;
  if (v instanceof Primitive || v instanceof MachinePrimitive) return sym(v.name);
  if (v instanceof Closure) return v.lam.name === null ? false : sym(v.lam.name);
  if (v instanceof CaseClosure) return v.name === null ? false : sym(v.name);
  return false;
}

function arityBody(expected: string | null, args: Value[]): string {
  return (
    'arity mismatch;\n the expected number of arguments does not match the given number' +
    (expected === null ? '' : `\n  expected: ${expected}`) +
    `\n  given: ${args.length}` +
    (args.length === 0 ? '' : `\n  arguments...:${args.map((a) => `\n   ${errorValueString(a)}`).join('')}`)
  );
}

function checkArityName(who: string, v: Value): Value {
  if (v instanceof Sym || isProcedure(v)) return procedureName(v);
  return argError(who, '(or/c symbol? procedure?)', v);
}

/** What an arity value (a count, arity-at-least, or a list of them) says after `expected:`. */
function arityValueExpectation(who: string, arity: Value): string | null {
  if (typeof arity === 'number' && Number.isInteger(arity) && arity >= 0) return `${arity}`;
  if (arity instanceof StructInstance && arity.type.isSubtypeOf(arityAtLeastT)) return `at least ${errorValueString(arity.fields[0])}`;
  if (arity instanceof Pair || arity === NULL) return null;
  return argError(
    who,
    '(or/c exact-nonnegative-integer? arity-at-least? (listof (or/c exact-nonnegative-integer? arity-at-least?)))',
    arity,
  );
}

/** What an arity mask says after `expected:` (a single count or "at least"; else nothing, as Racket 8.7). */
function maskExpectation(mask: bigint): string | null {
  if (mask < 0n) {
    // -2^k: at least k.
    const low = -mask;
    if ((low & (low - 1n)) === 0n) return arityExpectation(low.toString(2).length - 1, -1);
    return null;
  }
  if (mask !== 0n && (mask & (mask - 1n)) === 0n) return `${mask.toString(2).length - 1}`;
  return null;
}

function resultArityBody(who: string, expectedV: Value, detailV: Value, vals: Value[]): string {
  const expected = checkIndex(who, expectedV);
  if (detailV !== false && !(detailV instanceof RString)) return argError(who, '(or/c string? #f)', detailV);
  const detail = detailV === false ? '' : detailV.s;
  return (
    `result arity mismatch;\n expected number of values not received\n  expected: ${expected}\n  received: ${vals.length}${detail}` +
    (vals.length === 0 ? '' : `\n  arguments...:${vals.map((v) => `\n   ${errorValueString(v)}`).join('')}`)
  );
}

function checkAdjustedName(v: Value): Value {
  return v === false || v instanceof Sym ? v : argError('error-message->adjusted-string', '(or/c symbol? #f)', v);
}

export function installRaise(t: PrimTable): void {
  t.fn('raise-argument-error', 3, -1, function (this: Machine, name: Value, expected: Value, ...rest: Value[]) {
    return argumentError(this, 'raise-argument-error', checkName('raise-argument-error', name), RACKET, expected, rest);
  });
  t.fn('raise-argument-error*', 4, -1, function (this: Machine, name: Value, realm: Value, expected: Value, ...rest: Value[]) {
    const who = 'raise-argument-error*';
    return argumentError(this, who, checkName(who, name), checkName(who, realm), expected, rest);
  });
  t.fn('raise-result-error', 3, -1, function (this: Machine, name: Value, expected: Value, ...rest: Value[]) {
    return resultError(this, 'raise-result-error', checkName('raise-result-error', name), RACKET, expected, rest);
  });
  t.fn('raise-result-error*', 4, -1, function (this: Machine, name: Value, realm: Value, expected: Value, ...rest: Value[]) {
    const who = 'raise-result-error*';
    return resultError(this, who, checkName(who, name), checkName(who, realm), expected, rest);
  });
  t.fn('raise-arguments-error', 2, -1, function (this: Machine, name: Value, msg: Value, ...fields: Value[]) {
    return argumentsError(this, 'raise-arguments-error', checkName('raise-arguments-error', name), RACKET, msg, fields);
  });
  t.fn('raise-arguments-error*', 3, -1, function (this: Machine, name: Value, realm: Value, msg: Value, ...fields: Value[]) {
    const who = 'raise-arguments-error*';
    return argumentsError(this, who, checkName(who, name), checkName(who, realm), msg, fields);
  });
  // Racket's own procedures are named so (their arity errors say it).
  t.value(
    'raise-range-error',
    new Primitive('raise-range-error/user', 7, 8, function (this: Machine, name: Value, ...args: Value[]) {
      return rangeError(this, 'raise-range-error', checkName('raise-range-error', name), RACKET, args);
    }),
  );
  t.fn('raise-range-error*', 8, 9, function (this: Machine, name: Value, realm: Value, ...args: Value[]) {
    // Racket 8.7 does not check the realm here.
    return rangeError(this, 'raise-range-error*', checkName('raise-range-error*', name), realm, args);
  });
  t.fn('raise-arity-error', 2, -1, function (this: Machine, name: Value, arity: Value, ...args: Value[]) {
    const n = checkArityName('raise-arity-error', name);
    const body = arityBody(arityValueExpectation('raise-arity-error', arity), args);
    fail(exnFailContractArityT, adjustedMessage(this, n, RACKET, body));
  });
  t.fn('raise-arity-error*', 3, -1, function (this: Machine, name: Value, realm: Value, arity: Value, ...args: Value[]) {
    const n = checkArityName('raise-arity-error*', name);
    const r = checkName('raise-arity-error*', realm);
    const body = arityBody(arityValueExpectation('raise-arity-error*', arity), args);
    fail(exnFailContractArityT, adjustedMessage(this, n, r, body));
  });
  t.fn('raise-arity-mask-error', 2, -1, function (this: Machine, name: Value, mask: Value, ...args: Value[]) {
    const n = checkArityName('raise-arity-mask-error', name);
    const body = arityBody(maskExpectation(checkExactInt('raise-arity-mask-error', mask)), args);
    fail(exnFailContractArityT, adjustedMessage(this, n, RACKET, body));
  });
  t.fn('raise-arity-mask-error*', 3, -1, function (this: Machine, name: Value, realm: Value, mask: Value, ...args: Value[]) {
    const n = checkArityName('raise-arity-mask-error*', name);
    const r = checkName('raise-arity-mask-error*', realm);
    const body = arityBody(maskExpectation(checkExactInt('raise-arity-mask-error*', mask)), args);
    fail(exnFailContractArityT, adjustedMessage(this, n, r, body));
  });
  t.fn('raise-result-arity-error', 3, -1, function (this: Machine, name: Value, expected: Value, detail: Value, ...vals: Value[]) {
    const n = checkAdjustedName(name);
    const body = resultArityBody('raise-result-arity-error', expected, detail, vals);
    fail(exnFailContractArityT, adjustedMessage(this, n, RACKET, body));
  });
  t.fn(
    'raise-result-arity-error*',
    4,
    -1,
    function (this: Machine, name: Value, realm: Value, expected: Value, detail: Value, ...vals: Value[]) {
      const n = checkAdjustedName(name);
      const r = checkName('raise-result-arity-error*', realm);
      const body = resultArityBody('raise-result-arity-error*', expected, detail, vals);
      fail(exnFailContractArityT, adjustedMessage(this, n, r, body));
    },
  );

  t.value('current-error-message-adjuster', currentErrorMessageAdjuster);
  t.value('error-message-adjuster-key', errorMessageAdjusterKey);
  t.fn('error-message->adjusted-string', 4, 4, function (this: Machine, name: Value, realm: Value, msg: Value, msgRealm: Value) {
    const who = 'error-message->adjusted-string';
    const n = checkAdjustedName(name);
    checkName(who, realm);
    const text = checkText(who, msg);
    checkName(who, msgRealm);
    return str(adjustedMessage(this, n, realm, text, msgRealm), false);
  });
  t.fn('error-contract->adjusted-string', 2, 2, function (this: Machine, c: Value, realm: Value) {
    const text = checkText('error-contract->adjusted-string', c);
    checkName('error-contract->adjusted-string', realm);
    return str(adjustedContract(this, text, realm), false);
  });
}
