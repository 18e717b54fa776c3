// Numbers: contract checks around the numeric tower in values/numbers.ts,
// with fast paths for two small exact integers (the inner loops of most
// programs); and racket/math's sgn, conjugate, order-of-magnitude, pi, sqr,
// nan? and infinite?.

import * as N from '../values/numbers.js';
import * as C from '../values/complex.js';
import { argError, divideByZero, errorValueString } from '../errors/messages.js';
import { RacketThrow, exnFailContractDivideByZeroT, exnFailContractT, exnFailUnsupportedT, makeExn, fail } from '../errors/exn.js';
import { Complex, Flonum, RString, str, type Value, MultipleValues } from '../values/types.js';
import type { PrimTable } from './table.js';
import { checkExactInteger } from './check.js';
import { stringToNumber } from '../reader/number.js';
import type { Machine } from '../eval/machine.js';
import { readDecimalAsInexact, readSingleFlonum } from './read-params.js';
import { sym } from '../values/types.js';

const NUMBER_OR_FALSE = sym('number-or-false');
const READ = sym('read');
const AS_INEXACT = sym('decimal-as-inexact');
const AS_EXACT = sym('decimal-as-exact');
const SINGLE = sym('single');
const DOUBLE = sym('double');

const MAX = Number.MAX_SAFE_INTEGER;

export function checkNumber(name: string, v: Value): C.Z {
  if (N.isNumber(v)) return v;
  return argError(name, 'number?', v);
}

export function checkReal(name: string, v: Value): N.Num {
  if (N.isReal(v)) return v;
  return argError(name, 'real?', v);
}

function checkRational(name: string, v: Value): N.Num {
  if (N.isRational(v)) return v as N.Num;
  return argError(name, 'rational?', v);
}

export function checkInteger(name: string, v: Value): N.Num {
  if (N.isInteger(v)) return v;
  return argError(name, 'integer?', v);
}

/** Runs a numeric operation, turning its value errors into Racket exceptions. */
export function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof N.NumberError) {
      const type =
        e.kind === 'divide-by-zero' ? exnFailContractDivideByZeroT : e.kind === 'unsupported' ? exnFailUnsupportedT : exnFailContractT;
      throw new RacketThrow(makeExn(type, e.message));
    }
    throw e;
  }
}

function add(a?: Value, b?: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      if (r <= MAX && r >= -MAX) return r;
    }
    return C.add(checkNumber('+', a), checkNumber('+', b));
  }
  let acc: C.Z = 0;
  for (let i = 0; i < arguments.length; i++) acc = C.add(acc, checkNumber('+', arguments[i]));
  return acc;
}

function sub(a?: Value, b?: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a - b;
      if (r <= MAX && r >= -MAX) return r;
    }
    return C.sub(checkNumber('-', a), checkNumber('-', b));
  }
  if (arguments.length === 1) return C.sub(0, checkNumber('-', a));
  let acc: C.Z = checkNumber('-', a);
  for (let i = 1; i < arguments.length; i++) acc = C.sub(acc, checkNumber('-', arguments[i]));
  return acc;
}

function mul(a?: Value, b?: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a * b;
      if (r <= MAX && r >= -MAX && !Object.is(r, -0)) return r;
    }
    return C.mul(checkNumber('*', a), checkNumber('*', b));
  }
  let acc: C.Z = 1;
  for (let i = 0; i < arguments.length; i++) acc = C.mul(acc, checkNumber('*', arguments[i]));
  return acc;
}

function div(): Value {
  const args = (Array.prototype.slice.call(arguments) as Value[]).map((x) => checkNumber('/', x));
  return guarded(() => {
    if (args.length === 1) {
      if (args[0] === 0) divideByZero('/');
      return C.div(1, args[0]);
    }
    let acc: C.Z = args[0];
    for (let i = 1; i < args.length; i++) {
      if (args[i] === 0) divideByZero('/');
      acc = C.div(acc, args[i]);
    }
    return acc;
  });
}

/** A comparison chain beyond two arguments: (< a b c) is a < b and b < c. */
function chain(name: string, args: IArguments, test: (c: number) => boolean, check: (n: string, v: Value) => N.Num): boolean {
  const xs: N.Num[] = [];
  for (let i = 0; i < args.length; i++) xs.push(check(name, args[i]));
  for (let i = 0; i + 1 < xs.length; i++) if (!cmp2(xs[i], xs[i + 1], test)) return false;
  return true;
}

/** (= z ...) over numbers that may be complex. */
function equalChain(args: IArguments): boolean {
  const xs: C.Z[] = [];
  for (let i = 0; i < args.length; i++) xs.push(checkNumber('=', args[i]));
  for (let i = 0; i + 1 < xs.length; i++) if (!C.numEquals(xs[i], xs[i + 1])) return false;
  return true;
}

const isEq0 = (c: number) => c === 0;
const isLt0 = (c: number) => c < 0;
const isGt0 = (c: number) => c > 0;
const isLe0 = (c: number) => c <= 0;
const isGe0 = (c: number) => c >= 0;

// Each comparison is its own function so that the two-fixnum case stays a single inlined JS comparison.
function numEq(a?: Value, b?: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a === b;
    const x = checkNumber('=', a);
    const y = checkNumber('=', b);
    if (x instanceof Complex || y instanceof Complex) return C.numEquals(x, y);
    return cmp2(x, y, isEq0);
  }
  return equalChain(arguments);
}
function numLt(a?: Value, b?: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    return cmp2(checkReal('<', a), checkReal('<', b), isLt0);
  }
  return chain('<', arguments, isLt0, checkReal);
}
function numGt(a?: Value, b?: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a > b;
    return cmp2(checkReal('>', a), checkReal('>', b), isGt0);
  }
  return chain('>', arguments, isGt0, checkReal);
}
function numLe(a?: Value, b?: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a <= b;
    return cmp2(checkReal('<=', a), checkReal('<=', b), isLe0);
  }
  return chain('<=', arguments, isLe0, checkReal);
}
function numGe(a?: Value, b?: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a >= b;
    return cmp2(checkReal('>=', a), checkReal('>=', b), isGe0);
  }
  return chain('>=', arguments, isGe0, checkReal);
}

function cmp2(a: N.Num, b: N.Num, test: (c: number) => boolean): boolean {
  if (isNaNValue(a) || isNaNValue(b)) return false;
  return test(N.compare(a, b));
}

function isNaNValue(v: Value): boolean {
  return v instanceof Flonum && v.n !== v.n;
}

function unary<T extends C.Z>(t: PrimTable, name: string, check: (n: string, v: Value) => T, f: (v: T) => Value): void {
  t.fn(name, 1, 1, (v: Value) => guarded(() => f(check(name, v))));
}

/** bitwise-bit-field: bits start (inclusive) to end (exclusive) of n, as a nonnegative integer. */
function bitField(n: Value, start: Value, end: Value): Value {
  const x = checkExactInteger('bitwise-bit-field', n);
  if (!N.isExactNonnegativeInteger(start)) fail(exnFailContractT, `bitwise-bit-field: invalid start index ${errorValueString(start)}`);
  if (!N.isExactNonnegativeInteger(end) || N.compare(end as N.Num, start as N.Num) < 0)
    fail(exnFailContractT, `bitwise-bit-field: invalid end index ${errorValueString(end)}`);
  const width = BigInt(end as number | bigint) - BigInt(start as number | bigint);
  const bits = (BigInt(x) >> BigInt(start as number | bigint)) & ((1n << width) - 1n);
  return N.normBig(bits);
}

/** order-of-magnitude: the m with 10^m <= r < 10^(m+1), computed exactly. */
function orderOfMagnitude(r: Value): Value {
  if (!N.isReal(r) || !N.isPositive(r) || N.isInfinite(r) || N.isNaN(r)) {
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

export function installNumbers(t: PrimTable): void {
  t.fn('+', 0, -1, add);
  t.fn('-', 1, -1, sub);
  t.fn('*', 0, -1, mul);
  t.fn('/', 1, -1, div);
  t.fn('=', 1, -1, numEq);
  t.fn('<', 1, -1, numLt);
  t.fn('>', 1, -1, numGt);
  t.fn('<=', 1, -1, numLe);
  t.fn('>=', 1, -1, numGe);
  t.fn('add1', 1, 1, (v: Value) => (typeof v === 'number' && v < MAX ? v + 1 : C.add(checkNumber('add1', v), 1)));
  t.fn('sub1', 1, 1, (v: Value) => (typeof v === 'number' && v > -MAX ? v - 1 : C.sub(checkNumber('sub1', v), 1)));

  t.fn('number?', 1, 1, (v) => N.isNumber(v));
  t.fn('complex?', 1, 1, (v) => N.isNumber(v));
  t.fn('real?', 1, 1, (v) => N.isReal(v));
  t.fn('rational?', 1, 1, (v) => N.isRational(v));
  t.fn('integer?', 1, 1, (v) => N.isInteger(v));
  t.fn('exact-integer?', 1, 1, (v) => N.isExactInteger(v));
  t.fn('exact?', 1, 1, (v) => C.isExact(checkNumber('exact?', v)));
  t.fn('inexact?', 1, 1, (v) => !C.isExact(checkNumber('inexact?', v)));
  t.fn('flonum?', 1, 1, (v) => v instanceof Flonum);
  t.fn('fixnum?', 1, 1, (v) => N.isFixnum(v));
  t.fn('zero?', 1, 1, (v) => (v === 0 ? true : C.isZero(checkNumber('zero?', v))));
  t.fn('positive?', 1, 1, (v) => (typeof v === 'number' ? v > 0 : N.isPositive(checkReal('positive?', v))));
  t.fn('negative?', 1, 1, (v) => (typeof v === 'number' ? v < 0 : N.isNegative(checkReal('negative?', v))));
  t.fn('even?', 1, 1, (v) => (typeof v === 'number' ? v % 2 === 0 : N.isEven(checkInteger('even?', v))));
  t.fn('odd?', 1, 1, (v) => (typeof v === 'number' ? v % 2 !== 0 : N.isOdd(checkInteger('odd?', v))));

  const intOp = (name: string, f: (a: N.Num, b: N.Num) => Value) =>
    t.fn(name, 2, 2, (a: Value, b: Value) => {
      const x = checkInteger(name, a);
      const y = checkInteger(name, b);
      if (N.isZero(y) && N.isExact(y)) divideByZero(name);
      return guarded(() => f(x, y));
    });
  intOp('quotient', N.quotient);
  intOp('remainder', N.remainder);
  intOp('modulo', N.modulo);
  const checkComplex = (who: string, v: Value): C.Z => (N.isNumber(v) ? v : argError(who, 'complex-number?', v));
  t.fn('real-part', 1, 1, (v: Value) => C.realPart(checkComplex('real-part', v)));
  t.fn('imag-part', 1, 1, (v: Value) => C.imagPart(checkComplex('imag-part', v)));
  t.fn('magnitude', 1, 1, (v: Value) => C.magnitude(checkComplex('magnitude', v)));
  t.fn('angle', 1, 1, (v: Value) => guarded(() => C.angle(checkComplex('angle', v))));
  t.fn('make-rectangular', 2, 2, (a: Value, b: Value) => C.rect(checkReal('make-rectangular', a), checkReal('make-rectangular', b)));
  t.fn('make-polar', 2, 2, (a: Value, b: Value) => C.makePolar(checkReal('make-polar', a), checkReal('make-polar', b)));
  t.fn('abs', 1, 1, (v: Value) => (typeof v === 'number' ? Math.abs(v) : N.abs(checkReal('abs', v))));
  t.fn('max', 1, -1, (...xs: Value[]) => N.maxN(xs.map((x) => checkReal('max', x))));
  t.fn('min', 1, -1, (...xs: Value[]) => N.minN(xs.map((x) => checkReal('min', x))));
  t.fn('gcd', 0, -1, (...xs: Value[]) => N.gcdN(xs.map((x) => checkInteger('gcd', x))));
  t.fn('lcm', 0, -1, (...xs: Value[]) => N.lcmN(xs.map((x) => checkInteger('lcm', x))));
  unary(t, 'floor', checkReal, N.floor);
  unary(t, 'ceiling', checkReal, N.ceiling);
  unary(t, 'round', checkReal, N.round);
  unary(t, 'truncate', checkReal, N.truncate);
  const checkRationalNumber = (who: string, v: Value): N.Num => (N.isReal(v) ? v : argError(who, 'rational-number?', v));
  unary(t, 'numerator', checkRationalNumber, N.numerator);
  unary(t, 'denominator', checkRationalNumber, N.denominator);
  unary(t, 'exact->inexact', checkNumber, C.toInexact);
  unary(t, 'inexact->exact', checkNumber, C.toExact);
  unary(t, 'sqrt', checkNumber, C.sqrt);
  unary(t, 'exp', checkNumber, C.exp);
  unary(t, 'sin', checkNumber, C.sin);
  unary(t, 'cos', checkNumber, C.cos);
  unary(t, 'tan', checkNumber, C.tan);
  unary(t, 'asin', checkNumber, C.asin);
  unary(t, 'acos', checkNumber, C.acos);
  t.fn('log', 1, 2, (v: Value, base?: Value) =>
    guarded(() => C.log(checkNumber('log', v), base === undefined ? undefined : checkNumber('log', base))),
  );
  t.fn('atan', 1, 2, (y: Value, x?: Value) => {
    if (x === undefined) return guarded(() => C.atan(checkNumber('atan', y)));
    return guarded(() => N.atan(checkReal('atan', y), checkReal('atan', x)));
  });
  t.fn('expt', 2, 2, (a: Value, b: Value) => guarded(() => C.expt(checkNumber('expt', a), checkNumber('expt', b))));
  t.fn('number->string', 1, 2, (v: Value, radix: Value = 10) => {
    const n = checkNumber('number->string', v);
    if (radix !== 2 && radix !== 8 && radix !== 10 && radix !== 16) return argError('number->string', '(or/c 2 8 10 16)', radix);
    return str(guarded(() => N.numberToString(n, radix)));
  });
  t.fn(
    'string->number',
    1,
    5,
    function (this: Machine, s: Value, radix: Value = 10, mode: Value = NUMBER_OR_FALSE, decimal?: Value, single?: Value) {
      const who = 'string->number';
      if (!(s instanceof RString)) return argError(who, 'string?', s);
      if (typeof radix !== 'number' || !Number.isInteger(radix) || radix < 2 || radix > 16)
        return argError(who, '(integer-in 2 16)', radix);
      if (mode !== NUMBER_OR_FALSE && mode !== READ) return argError(who, "(or/c 'number-or-false 'read)", mode);
      const decimalMode = decimal ?? (this.paramValue(readDecimalAsInexact) !== false ? AS_INEXACT : AS_EXACT);
      if (decimalMode !== AS_INEXACT && decimalMode !== AS_EXACT)
        return argError(who, "(or/c 'decimal-as-inexact 'decimal-as-exact)", decimal);
      const singleMode = single ?? (this.paramValue(readSingleFlonum) !== false ? SINGLE : DOUBLE);
      if (singleMode !== SINGLE && singleMode !== DOUBLE) return argError(who, "(or/c 'single 'double)", single);
      const r = guarded(() =>
        stringToNumber(
          s.s,
          radix,
          mode === READ ? 'read' : 'number-or-false',
          decimalMode === AS_EXACT ? 'decimal-as-exact' : 'decimal-as-inexact',
          singleMode === SINGLE,
        ),
      );
      return typeof r === 'string' ? str(r) : r;
    },
  );
  t.fn('rationalize', 2, 2, (x: Value, e: Value) => N.rationalize(checkReal('rationalize', x), checkReal('rationalize', e)));
  t.fn('single-flonum-available?', 0, 0, () => false);
  t.fn('real->single-flonum', 1, 1, (v: Value) => {
    checkReal('real->single-flonum', v);
    throw new RacketThrow(makeExn(exnFailUnsupportedT, 'real->single-flonum: unsupported'));
  });
  t.fn('bitwise-and', 0, -1, (...xs: Value[]) => N.bitwiseAnd(...xs.map((x) => checkExactInteger('bitwise-and', x))));
  t.fn('bitwise-ior', 0, -1, (...xs: Value[]) => N.bitwiseIor(...xs.map((x) => checkExactInteger('bitwise-ior', x))));
  t.fn('bitwise-xor', 0, -1, (...xs: Value[]) => N.bitwiseXor(...xs.map((x) => checkExactInteger('bitwise-xor', x))));
  t.fn('bitwise-not', 1, 1, (x: Value) => N.bitwiseNot(checkExactInteger('bitwise-not', x)));
  t.fn('arithmetic-shift', 2, 2, (x: Value, n: Value) =>
    N.arithmeticShift(checkExactInteger('arithmetic-shift', x), checkExactInteger('arithmetic-shift', n)),
  );
  t.fn('bitwise-bit-set?', 2, 2, (x: Value, n: Value) =>
    N.bitwiseBitSet(checkExactInteger('bitwise-bit-set?', x), checkExactInteger('bitwise-bit-set?', n)),
  );
  t.fn('integer-length', 1, 1, (x: Value) => N.integerLength(checkExactInteger('integer-length', x)));
  t.in('racket/math', () => {
    t.fn('exact-round', 1, 1, (v: Value) => guarded(() => N.exactRound(checkRational('exact-round', v))));
    t.fn('exact-floor', 1, 1, (v: Value) => guarded(() => N.exactFloor(checkRational('exact-floor', v))));
    t.fn('exact-ceiling', 1, 1, (v: Value) => guarded(() => N.exactCeiling(checkRational('exact-ceiling', v))));
    t.fn('exact-truncate', 1, 1, (v: Value) => guarded(() => N.exactTruncate(checkRational('exact-truncate', v))));
    t.value('pi', new Flonum(Math.PI));
    t.fn('sqr', 1, 1, (v: Value) => mul(checkNumber('sqr', v), v));
    t.fn('nan?', 1, 1, (v) => isNaNValue(checkReal('nan?', v)));
    t.fn('infinite?', 1, 1, (v) => checkReal('infinite?', v) instanceof Flonum && Math.abs((v as Flonum).n) === Infinity);
  });

  t.valuesFn('quotient/remainder', 2, 2, (a: Value, b: Value) => {
    const x = checkInteger('quotient/remainder', a);
    const y = checkInteger('quotient/remainder', b);
    // Racket CS names its internal procedure in this message.
    if (N.isZero(y) && N.isExact(y)) divideByZero('$quotient-remainder');
    return new MultipleValues(guarded(() => N.quotientRemainder(x, y)));
  });
  t.fn('integer-sqrt', 1, 1, (v: Value) => guarded(() => N.integerSqrt(checkInteger('integer-sqrt', v))));
  t.valuesFn(
    'integer-sqrt/remainder',
    1,
    1,
    (v: Value) => new MultipleValues(guarded(() => N.integerSqrtRemainder(checkInteger('integer-sqrt/remainder', v)))),
  );
  t.fn('bitwise-bit-field', 3, 3, bitField);
  t.fn('real->double-flonum', 1, 1, (v: Value) => N.toInexact(checkReal('real->double-flonum', v)));
  t.fn('inexact-real?', 1, 1, (v: Value) => v instanceof Flonum);
  t.fn('double-flonum?', 1, 1, (v: Value) => v instanceof Flonum);
  t.fn('single-flonum?', 1, 1, () => false);
  t.in('racket/math', () => {
    t.fn('sgn', 1, 1, sgn);
    t.fn('conjugate', 1, 1, (v: Value) => C.conjugate(checkNumber('conjugate', v)));
    t.fn('order-of-magnitude', 1, 1, orderOfMagnitude);
  });
}
