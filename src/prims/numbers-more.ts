// More of racket/base's and racket/math's numeric functions: combined
// quotient and remainder, integer square roots, bit fields, flonum
// predicates, sgn, conjugate, order-of-magnitude.

import { argError, divideByZero } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { errorValueString } from '../errors/messages.js';
import * as N from '../values/numbers.js';
import { Flonum, MultipleValues, type Value } from '../values/types.js';
import { checkExactInteger } from './check.js';
import { checkInteger, checkNumber, checkReal, guarded } from './numbers.js';
import type { PrimTable } from './table.js';

function isNatural(v: Value): boolean {
  return N.isExactInteger(v) && N.compare(v, 0) >= 0;
}

/** bitwise-bit-field: bits start (inclusive) to end (exclusive) of n, as a nonnegative integer. */
function bitField(n: Value, start: Value, end: Value): Value {
  const x = checkExactInteger('bitwise-bit-field', n);
  if (!isNatural(start)) fail(exnFailContractT, `bitwise-bit-field: invalid start index ${errorValueString(start)}`);
  if (!isNatural(end) || N.compare(end as N.Num, start as N.Num) < 0) fail(exnFailContractT, `bitwise-bit-field: invalid end index ${errorValueString(end)}`);
  const width = BigInt(end as number | bigint) - BigInt(start as number | bigint);
  const bits = (BigInt(x) >> BigInt(start as number | bigint)) & ((1n << width) - 1n);
  return N.normBig(bits);
}

/** order-of-magnitude: the m with 10^m <= r < 10^(m+1), computed exactly. */
function orderOfMagnitude(r: Value): Value {
  if (!N.isNumber(r) || !N.isPositive(r) || N.isInfinite(r) || N.isNaN(r)) {
    return argError('order-of-magnitude', '(and/c (>/c 0.0) (not/c +inf.0))', r);
  }
  const exact = N.toExact(r);
  let m = Math.floor(Math.log10(N.toDouble(exact)));
  if (!Number.isFinite(m)) m = 0;
  while (N.compare(N.expt(10, m), exact) > 0) m--;
  while (N.compare(N.expt(10, m + 1), exact) <= 0) m++;
  return m;
}

function sgn(v: Value): Value {
  const x = checkReal('sgn', v);
  if (x instanceof Flonum) return x.n > 0 ? new Flonum(1) : x.n < 0 ? new Flonum(-1) : x;
  return N.isPositive(x) ? 1 : N.isNegative(x) ? -1 : 0;
}

export function installNumbersMore(t: PrimTable): void {
  t.fn('quotient/remainder', 2, 2, (a: Value, b: Value) => {
    const x = checkInteger('quotient/remainder', a);
    const y = checkInteger('quotient/remainder', b);
    // Racket CS names its internal procedure in this message.
    if (N.isZero(y) && N.isExact(y)) divideByZero('$quotient-remainder');
    return new MultipleValues(guarded(() => N.quotientRemainder(x, y)));
  });
  t.fn('integer-sqrt', 1, 1, (v: Value) => guarded(() => N.integerSqrt(checkInteger('integer-sqrt', v))));
  t.fn('integer-sqrt/remainder', 1, 1, (v: Value) => new MultipleValues(guarded(() => N.integerSqrtRemainder(checkInteger('integer-sqrt/remainder', v)))));
  t.fn('bitwise-bit-field', 3, 3, bitField);
  t.fn('real->double-flonum', 1, 1, (v: Value) => N.toInexact(checkReal('real->double-flonum', v)));
  t.fn('inexact-real?', 1, 1, (v: Value) => v instanceof Flonum);
  t.fn('double-flonum?', 1, 1, (v: Value) => v instanceof Flonum);
  t.fn('single-flonum?', 1, 1, () => false);
  t.in('racket/math', () => {
    t.fn('sgn', 1, 1, sgn);
    t.fn('conjugate', 1, 1, (v: Value) => checkNumber('conjugate', v));
    t.fn('order-of-magnitude', 1, 1, orderOfMagnitude);
  });
}
