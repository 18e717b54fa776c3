// Racket's number syntax, as the reader parses it (a port of the state machine
// in racket/src/expander/read/number.rkt, checked against Racket 8.7).
//
// `parseNumber(s, radix, mode)` returns
//   - a number Value (JS number / BigInt for exact integers, Rational, Flonum),
//   - false when `s` is not a number (the reader then makes a symbol),
//   - a string: an error message, when the text must be a number but is bad
//     (after a `#e`/`#x`-style prefix, or a division by zero),
//   - UNSUPPORTED_EXTFLONUM for extflonums, which Racket reads but this
//     runtime does not have.
//
// Exact arithmetic uses BigInt rationals; an inexact result is the correctly
// rounded double of the exact value (which is what Racket 8.7 produces).

import { makePolar, rect, toExact as complexToExact } from '../values/complex.js';
import { type Num, NumberError, numberToString } from '../values/numbers.js';
import { Flonum, Rational, type Value } from '../values/types.js';

export const UNSUPPORTED_EXTFLONUM = Symbol('extflonum');

export type NumberResult = Value | false | string | typeof UNSUPPORTED_EXTFLONUM;

// ---------------------------------------------------------------------------
// Exact rationals

class Q {
  constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}
}

function bgcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function qmake(n: bigint, d: bigint): Q {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return new Q(n, 1n);
  const g = bgcd(n, d);
  return g === 1n ? new Q(n, d) : new Q(n / g, d / g);
}

const QZERO = new Q(0n, 1n);
const qint = (n: bigint): Q => new Q(n, 1n);
const qmul = (a: Q, b: Q): Q => qmake(a.n * b.n, a.d * b.d);
const qdiv = (a: Q, b: Q): Q => qmake(a.n * b.d, a.d * b.n);
const qIsZero = (a: Q): boolean => a.n === 0n;

function qexpt(radix: number, exp: number): Q {
  const p = BigInt(radix) ** BigInt(Math.abs(exp));
  return exp >= 0 ? qint(p) : new Q(1n, p);
}

function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

/** The double nearest to n/d (ties to even), as Racket's exact->inexact. */
export function ratToDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  if (neg) n = -n;
  // Find e so that 2^52 <= n / d / 2^e < 2^53
  let e = bitLength(n) - bitLength(d) - 53;
  let q: bigint;
  let r: bigint;
  let den: bigint;
  for (;;) {
    let num = n;
    den = d;
    if (e >= 0) den = d << BigInt(e);
    else num = n << BigInt(-e);
    q = num / den;
    r = num % den;
    if (q >= 1n << 53n) {
      e++;
      continue;
    }
    if (q < 1n << 52n) {
      e--;
      continue;
    }
    break;
  }
  // Subnormals: the smallest exponent for a 53-bit mantissa is -1074.
  if (e < -1074) {
    const shift = -1074 - e;
    if (shift > 54) return neg ? -0 : 0;
    // Recompute with the fixed exponent -1074
    const num = n << 1074n;
    q = num / d;
    r = num % d;
    den = d;
    e = -1074;
  }
  // Round half to even
  const twice = r * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  // q < 2^54 and -1074 <= e, so both factors and the product are exact (or overflow).
  const result = Number(q) * 2 ** e;
  return neg ? -result : result;
}

function qToDouble(a: Q): number {
  if (a.d === 1n) {
    // Number() on a BigInt rounds to nearest, ties to even
    return Number(a.n);
  }
  return ratToDouble(a.n, a.d);
}

/** Turn an exact rational into a runtime Value. */
export function exactValue(a: Q): Value {
  if (a.d === 1n) {
    const n = a.n;
    if (n >= -9007199254740991n && n <= 9007199254740991n) return Number(n);
    return n;
  }
  return new Rational(a.n, a.d);
}

// ---------------------------------------------------------------------------
// Lazy numbers, so that 1e1000000 does not build a huge bignum

class LazyExpt {
  constructor(
    readonly n: Q,
    readonly radix: number,
    readonly exp: number,
  ) {}
}
class LazyRational {
  constructor(
    readonly n: Q | LazyExpt,
    readonly d: Q | LazyExpt,
  ) {}
}
class DivByZero {
  constructor(readonly exact: boolean) {}
}
const DBZ = new DivByZero(false); // inexact division by zero
const DBZX = new DivByZero(true); // exact division by zero

/** A number during parsing: exact, a flonum (JS number), lazy, or a division by zero. */
type N = Q | number | LazyExpt | LazyRational | typeof DBZ | typeof DBZX;

function lazyNumber(n: N, radix: number, exp: number): N {
  if (n === DBZ || n === DBZX) return n;
  if (exp < 30 && exp > -30) return mul(n, qexpt(radix, exp));
  return new LazyExpt(n as Q, radix, exp);
}

function mul(a: N, b: Q): N {
  if (a instanceof Q) return qmul(a, b);
  if (typeof a === 'number') return a * qToDouble(b);
  return a;
}

function lazyDivide(n: N, d: N, dExactness: 'exact' | 'approx'): N {
  if (d instanceof Q && qIsZero(d)) return dExactness === 'exact' ? DBZX : DBZ;
  if (n instanceof LazyExpt || d instanceof LazyExpt) return new LazyRational(n as Q | LazyExpt, d as Q | LazyExpt);
  return qdiv(n as Q, d as Q);
}

function simplifyLazyDivide(n0: N): N {
  if (n0 instanceof LazyRational) {
    const n = n0.n;
    const d = n0.d;
    const nn = n instanceof LazyExpt ? n.n : n;
    const nexp = n instanceof LazyExpt ? n.exp : 0;
    const dn = d instanceof LazyExpt ? d.n : d;
    const dexp = d instanceof LazyExpt ? d.exp : 0;
    const radix = n instanceof LazyExpt ? n.radix : (d as LazyExpt).radix;
    return lazyNumber(qdiv(nn, dn), radix, nexp - dexp);
  }
  return n0;
}

// ---------------------------------------------------------------------------
// Parse state

type Exactness =
  | 'exact'
  | 'inexact'
  | 'decimal-as-exact'
  | 'decimal-as-inexact'
  | 'approx'
  | 'single'
  | 'double'
  | 'extended'
  | 'extflonum->inexact'
  | 'extflonum->exact';

type ConvertMode = 'number-or-false' | 'read' | 'must-read';

class Prefix {
  constructor(
    readonly polar: boolean,
    readonly sgnz: number,
    readonly n: N,
  ) {}
}

class State {
  constructor(
    readonly exactness: Exactness,
    readonly convertMode: ConvertMode,
    /** a Prefix, '+/-' when the input started with a sign, or null */
    readonly fst: Prefix | '+/-' | null,
    readonly otherExactness: Exactness,
  ) {}
}

function initState(exactness: Exactness, convertMode: ConvertMode, fst: Prefix | '+/-' | null): State {
  return new State(exactness, convertMode, fst, exactness);
}

const hasFirstHalf = (st: State): boolean => st.fst !== null && st.fst !== '+/-';
const setFirstHalf = (st: State, fst: Prefix): State => new State(st.otherExactness, st.convertMode, fst, st.exactness);
const firstHalf = (st: State): State => initState(st.otherExactness, st.convertMode, null);
const secondHalf = (st: State): State => initState(st.exactness, st.convertMode, null);

/** A parse failure: an error message when the number is required, else false. */
function fail(mode: State | ConvertMode, msg: string): string | false {
  const m = mode instanceof State ? mode.convertMode : mode;
  return m === 'must-read' ? msg : false;
}

function dbzMode(st: State): ConvertMode {
  return st.convertMode === 'read' ? 'must-read' : st.convertMode;
}

const isFail = (v: unknown): v is string | false => v === false || typeof v === 'string';

function badDigit(c: string, s: string, st: State | ConvertMode): string | false {
  if (c === '\0') return fail(st, `nul character in \`${s}\``);
  // `c` may be half of a surrogate pair; report the whole character
  const cp = c.charCodeAt(0);
  if (cp >= 0xd800 && cp <= 0xdbff) {
    const i = s.indexOf(c);
    if (i >= 0) c = String.fromCodePoint(s.codePointAt(i)!);
  }
  return fail(st, `bad digit \`${c}\``);
}
const badMixed = (s: string, st: State) => fail(st, `decimal points and fractions cannot be mixed in \`${s}\``);
const badMisplaced = (what: string, s: string, st: State) => fail(st, `misplaced \`${what}\` in \`${s}\``);
const badNoDigits = (after: string, s: string, st: State) => fail(st, `missing digits after \`${after}\` in \`${s}\``);

/**
 * Whether `f` and `s` exponent markers ask for single-flonums. Set for the
 * length of one parse (parsing is synchronous), so that the state machine's
 * signatures stay those of Racket's.
 */
let singleMode = false;

/** Results of the parse before conversion to a Value. */
class Extfl {}
const EXTFL = new Extfl();
/** A non-real complex number, already a runtime value. */
class ComplexValue {
  constructor(readonly v: Value) {}
}
type R = Q | number | Extfl | ComplexValue | string | false;

/** A finished real part as a runtime value. */
function realValue(r: Q | number): Num {
  return typeof r === 'number' ? new Flonum(r) : (exactValue(r) as Num);
}

/** make-rectangular or make-polar of two finished parts, real or complex. */
function combine(polar: boolean, a: Q | number, b: Q | number, exact: boolean): R {
  let v = polar ? makePolar(realValue(a), realValue(b)) : rect(realValue(a), realValue(b));
  if (exact) v = complexToExact(v);
  if (v instanceof Flonum) return v.n;
  if (typeof v === 'object' && !(v instanceof Rational)) return new ComplexValue(v);
  return toQ(v);
}

function toQ(v: Num): Q {
  if (v instanceof Rational) return new Q(v.num, v.den);
  return qint(BigInt(v as number | bigint));
}

function setExactness(st: State, ne: Exactness, override = false): State {
  const ex = st.exactness;
  let r: Exactness;
  switch (ne) {
    case 'single':
    case 'double':
      r = ex === 'exact' ? 'exact' : ex === 'decimal-as-exact' ? (override ? ne : 'decimal-as-exact') : ne;
      break;
    case 'approx':
      r = ex === 'exact' || ex === 'inexact' || ex === 'decimal-as-exact' ? ex : ne;
      break;
    case 'extended':
      r = ex === 'inexact' ? 'extflonum->inexact' : ex === 'exact' ? 'extflonum->exact' : 'extended';
      break;
    default:
      r = ne;
  }
  return r === ex ? st : new State(r, st.convertMode, st.fst, st.otherExactness);
}

function setExactnessByChar(st: State, c: string, override = false): State {
  switch (c) {
    case 'e':
    case 'E':
    case 'd':
    case 'D':
    case 'l':
    case 'L':
    case '0':
      return setExactness(st, 'double', override);
    case 'f':
    case 'F':
    case 's':
    case 'S':
      // Racket CS has no single-flonums: these read as doubles unless single
      // mode (`read-single-flonum`) asks for one, which then fails.
      return setExactness(st, singleMode ? 'single' : 'double', override);
    default:
      return setExactness(st, 'extended', override);
  }
}

// ---------------------------------------------------------------------------
// Forcing lazy numbers

function forceLazyExact(n0: N, st: State, s: string): Q | number | string | false {
  const n = simplifyLazyDivide(n0);
  if (n === DBZ || n === DBZX) return fail(dbzMode(st), `division by zero in \`${s}\``);
  if (n instanceof LazyExpt) {
    // Racket would try to build this bignum and run out of memory.
    if (Math.abs(n.exp) > 10_000_000) return fail('must-read', `out of memory in \`${s}\``);
    return qmul(n.n, qexpt(n.radix, n.exp));
  }
  return n as Q | number;
}

function forceLazyInexact(sgnz: number, n0: N, st: State, s: string, precision = 2048): Q | number | string | false {
  const n1 = simplifyLazyDivide(n0);
  if (n0 === DBZ) return sgnz === -1 ? -Infinity : Infinity;
  if (n0 === DBZX) return fail(dbzMode(st), `division by zero in \`${s}\``);
  if (n1 instanceof LazyExpt) {
    const n = n1.n;
    if (qIsZero(n)) return sgnz === -1 ? -0 : 0;
    const bits = n.d === 1n ? bitLength(n.n) : bitLength(n.n) - bitLength(n.d);
    const approxExpt = bits / Math.log2(n1.radix) + n1.exp;
    if (approxExpt > precision) return n.n < 0n ? -Infinity : Infinity;
    if (approxExpt < -precision) return sgnz === -1 ? -0 : 0;
    return qmul(n, qexpt(n1.radix, n1.exp));
  }
  if (n1 instanceof Q && qIsZero(n1)) return sgnz === -1 ? -0 : 0;
  return n1 as Q | number;
}

function toInexact(v: Q | number): number {
  return typeof v === 'number' ? v : qToDouble(v);
}

function toExact(v: Q | number): Q {
  if (v instanceof Q) return v;
  // a finite double is a dyadic rational
  if (Number.isInteger(v)) return qint(BigInt(v));
  let m = v;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return qmake(BigInt(m), 1n << BigInt(e));
}

function finish(sgnz: number, n: N, s: string, st: State): R {
  const fst = st.fst;
  if (fst === null || fst === '+/-') {
    switch (st.exactness) {
      case 'single': {
        const r = forceLazyExact(n, st, s);
        if (isFail(r)) return r;
        throw new NumberError(
          'unsupported',
          `read: single-flonums are not supported on this platform\n  conversion from: ${numberToString(realValue(toExact(r)))}`,
        );
      }
      case 'double':
      case 'inexact':
      case 'approx': {
        const r = forceLazyInexact(sgnz, n, st, s);
        return isFail(r) ? r : toInexact(r);
      }
      case 'exact': {
        if (typeof n === 'number' && !Number.isFinite(n)) {
          return fail(st, `no exact representation for ${n !== n ? '+nan.0' : n > 0 ? '+inf.0' : '-inf.0'}`);
        }
        const r = forceLazyExact(n, st, s);
        return isFail(r) ? r : toExact(r);
      }
      case 'extended':
        if (st.convertMode === 'number-or-false') return false;
        return EXTFL;
      case 'extflonum->inexact':
        return fail(st, `cannot convert extflonum to inexact in \`${s}\``);
      case 'extflonum->exact':
        return fail(st, `cannot convert extflonum to exact in \`${s}\``);
      default:
        return forceLazyExact(n, st, s);
    }
  }
  if (fst.polar) {
    const m = finish(fst.sgnz, fst.n, s, firstHalf(st));
    const a = finish(sgnz, n, s, secondHalf(st));
    if (m === EXTFL || a === EXTFL) return fail(st, `cannot combine extflonum \`${s}\` into a complex number`);
    if (isFail(m)) return m;
    if (isFail(a)) return a;
    // make-polar with an exact zero angle is the magnitude
    if (a instanceof Q && qIsZero(a)) return st.exactness === 'exact' ? toExact(m as Q | number) : m;
    return combine(true, m as Q | number, a as Q | number, st.exactness === 'exact');
  }
  return fail(st, `missing \`i\` for complex number in \`${s}\``);
}

function makeRectangular(r: R, i: R): R {
  if (isFail(r)) return r;
  if (isFail(i)) return i;
  if (i instanceof Q && qIsZero(i)) return r;
  return combine(false, r as Q | number, i as Q | number, false);
}

function finishImaginary(sgnz: number, n: N, s: string, start: number, end: number, st: State): R {
  const fst = st.fst;
  if (fst === '+/-' && start === end) {
    const i = finish(sgnz, n, s, st);
    if (isFail(i)) return i;
    if (i === EXTFL) return fail(st, `cannot combine extflonum \`${s}\` into a complex number`);
    const zero: Q | number = st.otherExactness === 'inexact' ? 0 : QZERO;
    return makeRectangular(zero, i);
  }
  if (fst instanceof Prefix && !fst.polar && start === end) {
    const r = finish(fst.sgnz, fst.n, s, firstHalf(st));
    const i = finish(sgnz, n, s, secondHalf(st));
    if (r === EXTFL || i === EXTFL) return fail(st, `cannot combine extflonum \`${s}\` into a complex number`);
    return makeRectangular(r, i);
  }
  return badMisplaced('i', s, st);
}

// ---------------------------------------------------------------------------
// The state machine. `dig(s, i, radix)` is the digit value at i, or -1.

function dig(s: string, i: number, radix: number): number {
  const v = s.charCodeAt(i);
  if (v < 48) return -1;
  if (v < 48 + Math.min(radix, 10)) return v - 48;
  if (radix <= 10) return -1;
  if (v < 65) return -1;
  if (v < 65 + radix - 10) return v - 55;
  if (v < 97) return -1;
  if (v < 97 + radix - 10) return v - 87;
  return -1;
}

function isExpMarker(c: string): boolean {
  switch (c) {
    case 'e':
    case 'E':
    case 'd':
    case 'D':
    case 'l':
    case 'L':
    case 'f':
    case 'F':
    case 's':
    case 'S':
    case 't':
    case 'T':
      return true;
    default:
      return false;
  }
}

function doParse(s: string, start: number, end: number, radix: number, radixSet: boolean, exactness: Exactness, mode: ConvertMode): R {
  if (start === end) return fail(mode, 'no digits');
  const d = dig(s, start, radix);
  if (d >= 0) return readInteger(1, qint(BigInt(d)), s, start + 1, end, radix, initState(exactness, mode, null));
  const c = s[start];
  switch (c) {
    case '#': {
      const next = start + 1;
      if (next === end) return fail(mode, `no character after \`#\` indicator in \`${s}\``);
      const i = s[next];
      const mustMode: ConvertMode = mode === 'read' ? 'must-read' : mode;
      switch (i) {
        case 'e':
        case 'E':
        case 'i':
        case 'I':
          if (exactness === 'exact' || exactness === 'inexact') {
            return fail(mode, `misplaced exactness specification at \`${s.slice(start, end)}\``);
          }
          return doParse(s, next + 1, end, radix, radixSet, i === 'e' || i === 'E' ? 'exact' : 'inexact', mustMode);
        case 'b':
        case 'B':
        case 'o':
        case 'O':
        case 'd':
        case 'D':
        case 'x':
        case 'X': {
          if (radixSet) return fail(mode, `misplaced radix specification at \`${s.slice(start, end)}\``);
          const r = i === 'b' || i === 'B' ? 2 : i === 'o' || i === 'O' ? 8 : i === 'd' || i === 'D' ? 10 : 16;
          return doParse(s, next + 1, end, r, true, exactness, mustMode);
        }
        default:
          return fail(mustMode, `bad \`#\` indicator \`${i}\` at \`${s.slice(start, end)}\``);
      }
    }
    case '+':
      return readSigned(1, s, start + 1, end, radix, initState(exactness, mode, '+/-'));
    case '-':
      return readSigned(-1, s, start + 1, end, radix, initState(exactness, mode, '+/-'));
    case '.':
      return readDecimal(1, null, 0, s, start + 1, end, radix, setExactness(initState(exactness, mode, null), 'approx'));
    default:
      return badDigit(c, s, mode);
  }
}

function readSigned(sgn: number, s: string, start: number, end: number, radix: number, st: State): R {
  if (start === end) return fail(st, `no digits in \`${s}\``);
  const d = dig(s, start, radix);
  if (d >= 0) return readInteger(sgn, qint(BigInt(d)), s, start + 1, end, radix, st);
  const c = s[start];
  switch (c) {
    case '.':
      return readDecimal(sgn, null, 0, s, start + 1, end, radix, setExactness(st, 'approx'));
    case 'i':
    case 'I': {
      if (start + 1 === end) return finishImaginary(sgn, qint(BigInt(sgn)), s, start + 1, end, st);
      const c2 = s[start + 1];
      if (c2 === 'n' || c2 === 'N') return readInfinity(sgn, c, s, start + 2, end, radix, st);
      return badDigit(c, s, st);
    }
    case 'n':
    case 'N':
      return readNan(c, s, start + 1, end, radix, st);
    default:
      return badDigit(c, s, st);
  }
}

/** BigInt's prefix for a radix it parses, for appendDigits. */
const BIGINT_PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

/**
 * `acc` followed by the digits of `s` from `start` in `radix`, and where
 * the digits end. A long run is converted at once: BigInt parses it in
 * subquadratic time, where taking a digit at a time is quadratic (a
 * 300,000-digit literal took seconds).
 */
function appendDigits(acc: bigint, s: string, start: number, end: number, radix: number): { acc: bigint; stop: number } {
  let stop = start;
  while (stop < end && dig(s, stop, radix) >= 0) stop++;
  const length = stop - start;
  const prefix = BIGINT_PREFIX[radix];
  if (length < 40 || prefix === undefined) {
    const R = BigInt(radix);
    let a = acc;
    for (let i = start; i < stop; i++) a = a * R + BigInt(dig(s, i, radix));
    return { acc: a, stop };
  }
  const run = BigInt(prefix + s.slice(start, stop));
  return { acc: acc === 0n ? run : acc * BigInt(radix) ** BigInt(length) + run, stop };
}

function readInteger(sgn: number, n: Q, s: string, start0: number, end: number, radix: number, st: State): R {
  const { acc, stop: start } = appendDigits(n.n, s, start0, end, radix);
  if (start === end) return finish(sgn, qint(BigInt(sgn) * acc), s, st);
  const c = s[start];
  const getN = (): Q => qint(BigInt(sgn) * acc);
  if (c === '.') return readDecimal(sgn, acc, 0, s, start + 1, end, radix, setExactness(st, 'approx'));
  if (isExpMarker(c)) return readExponent(sgn, getN(), 0, s, start + 1, end, radix, setExactnessByChar(st, c));
  switch (c) {
    case '/':
      return readRational(sgn, getN(), null, s, start + 1, end, radix, st);
    case '#':
      return readApprox(sgn, acc, 1, false, s, start + 1, end, radix, setExactness(st, 'approx'));
    case '+':
    case '-':
      return readImag(c, sgn, getN(), c === '+' ? 1 : -1, s, start + 1, end, radix, st);
    case '@':
      return readPolar(sgn, getN(), s, start + 1, end, radix, st);
    case 'i':
    case 'I':
      return finishImaginary(sgn, getN(), s, start + 1, end, st);
    default:
      return badDigit(c, s, st);
  }
}

function readDecimal(sgn: number, n0: bigint | null, exp0: number, s: string, start: number, end: number, radix: number, st: State): R {
  let n = n0;
  let exp = exp0;
  const R = BigInt(radix);
  for (;;) {
    if (start === end) {
      const gn = getDecimalN(sgn, n, exp, radix, s, st);
      if (isFail(gn)) return gn;
      return finish(sgn, gn, s, st);
    }
    const d = dig(s, start, radix);
    if (d < 0) break;
    if (d === 0 && start + 1 === end) {
      n = n ?? 0n;
    } else {
      n = (n ?? 0n) * R + BigInt(d);
      exp++;
    }
    start++;
  }
  const c = s[start];
  if (isExpMarker(c)) {
    if (n === null) return badNoDigits('.', s, st);
    return readExponent(sgn, qint(BigInt(sgn) * n), -exp, s, start + 1, end, radix, setExactnessByChar(st, c));
  }
  switch (c) {
    case '.':
      return badMisplaced('.', s, st);
    case '/':
      return badMixed(s, st);
    case '#':
      if (n === null) return badMisplaced('#', s, st);
      return readApprox(sgn, n, -exp, true, s, start + 1, end, radix, st);
    case '+':
    case '-': {
      if (n === null) return badNoDigits('.', s, st);
      const gn = getDecimalN(sgn, n, exp, radix, s, st) as N;
      return readImag(c, sgn, gn, c === '+' ? 1 : -1, s, start + 1, end, radix, st);
    }
    case '@': {
      const gn = getDecimalN(sgn, n, exp, radix, s, st);
      if (isFail(gn)) return gn;
      return readPolar(sgn, gn, s, start + 1, end, radix, st);
    }
    case 'i':
    case 'I': {
      const gn = getDecimalN(sgn, n, exp, radix, s, st);
      if (isFail(gn)) return gn;
      return finishImaginary(sgn, gn, s, start + 1, end, st);
    }
    default:
      return badDigit(c, s, st);
  }
}

function getDecimalN(sgn: number, n: bigint | null, exp: number, radix: number, s: string, st: State): N | string | false {
  if (n === null) return badNoDigits('.', s, st);
  return lazyNumber(qint(BigInt(sgn) * n), radix, -exp);
}

function readApprox(
  sgn: number,
  n: bigint,
  exp0: number,
  sawDot0: boolean,
  s: string,
  start: number,
  end: number,
  radix: number,
  st: State,
): R {
  let exp = exp0;
  let sawDot = sawDot0;
  const getN = (): N => lazyNumber(qint(BigInt(sgn) * n), radix, exp);
  for (;;) {
    if (start === end) return finish(sgn, getN(), s, st);
    const c = s[start];
    if (dig(s, start, radix) >= 0) return badMisplaced('#', s, st);
    if (c === '.') {
      if (sawDot) return badMisplaced('.', s, st);
      sawDot = true;
      start++;
      continue;
    }
    if (c === '#') {
      if (!sawDot) exp++;
      start++;
      continue;
    }
    if (isExpMarker(c)) return readExponent(sgn, qint(BigInt(sgn) * n), exp, s, start + 1, end, radix, setExactnessByChar(st, c));
    switch (c) {
      case '/':
        if (sawDot) return badMixed(s, st);
        return readRational(sgn, getN(), null, s, start + 1, end, radix, st);
      case '+':
      case '-':
        return readImag(c, sgn, getN(), c === '+' ? 1 : -1, s, start + 1, end, radix, st);
      case '@':
        return readPolar(sgn, getN(), s, start + 1, end, radix, st);
      case 'i':
      case 'I':
        return finishImaginary(sgn, getN(), s, start + 1, end, st);
      default:
        return badDigit(c, s, st);
    }
  }
}

function readExponent(sgn: number, sgnN: N, exp: number, s: string, start: number, end: number, radix: number, st: State): R {
  if (start === end) return fail(st, `empty exponent \`${s}\``);
  const d = dig(s, start, radix);
  if (d >= 0) return readSignedExponent(sgn, sgnN, exp, 1, d, s, start + 1, end, radix, st);
  const c = s[start];
  if (c === '@') return fail(st, `empty exponent \`${s}\``);
  if (c === '+' || c === '-') return readSignedExponent(sgn, sgnN, exp, c === '+' ? 1 : -1, null, s, start + 1, end, radix, st);
  if (c === '.' || c === '#' || c === '/' || isExpMarker(c)) return badMisplaced(c, s, st);
  if (c === 'i' || c === 'I') {
    if (hasFirstHalf(st)) return fail(st, `empty exponent \`${s}\``);
    return badMisplaced('i', s, st);
  }
  return badDigit(c, s, st);
}

function readSignedExponent(
  sgn: number,
  sgnN: N,
  exp: number,
  sgn2: number,
  exp20: number | null,
  s: string,
  start: number,
  end: number,
  radix: number,
  st: State,
): R {
  let exp2 = exp20;
  const getN = (): N | string | false => {
    if (exp2 === null) return fail(st, `empty exponent \`${s}\``);
    return lazyNumber(sgnN, radix, exp + sgn2 * exp2);
  };
  for (;;) {
    if (start === end) {
      const n = getN();
      if (isFail(n)) return n;
      return finish(sgn, n, s, st);
    }
    const d = dig(s, start, radix);
    if (d < 0) break;
    // Beyond this, the exponent only decides between 0 and infinity.
    exp2 = exp2 === null ? d : Math.min(exp2 * radix + d, 1e12);
    start++;
  }
  const c = s[start];
  if (c === '+' || c === '-') {
    const n = getN();
    if (isFail(n)) return n;
    return readImag(c, sgn, n, c === '+' ? 1 : -1, s, start + 1, end, radix, st);
  }
  if (c === '.' || c === '#' || c === '/' || isExpMarker(c)) return badMisplaced(c, s, st);
  if (c === '@') {
    const n = getN();
    if (isFail(n)) return n;
    return readPolar(sgn, n, s, start + 1, end, radix, st);
  }
  if (c === 'i' || c === 'I') {
    const n = getN();
    if (isFail(n)) return n;
    return finishImaginary(sgn, n, s, start + 1, end, st);
  }
  return badDigit(c, s, st);
}

function matchAt(s: string, start: number, end: number, options: string[]): boolean {
  for (let k = 0; k < options.length; k++) {
    if (start + k >= end || !options[k].includes(s[start + k])) return false;
  }
  return true;
}

function readInfinity(sgn: number, c: string, s: string, start: number, end: number, radix: number, st: State): R {
  if (!matchAt(s, start, end, ['fF', '.', '0ft'])) return badDigit(c, s, st);
  const n = sgn < 0 ? -Infinity : Infinity;
  const ns = setExactnessByChar(st, s[start + 2], true);
  return afterSpecial(sgn, n, c, s, start + 3, end, radix, ns, st);
}

function readNan(c: string, s: string, start: number, end: number, radix: number, st: State): R {
  if (!matchAt(s, start, end, ['aA', 'nN', '.', '0ft'])) return badDigit(c, s, st);
  const ns = setExactnessByChar(st, s[start + 3], true);
  return afterSpecial(1, NaN, c, s, start + 4, end, radix, ns, st);
}

function afterSpecial(sgn: number, n: number, c: string, s: string, start: number, end: number, radix: number, ns: State, st: State): R {
  if (start === end) return finish(sgn, n, s, ns);
  const c2 = s[start];
  switch (c2) {
    case '+':
    case '-':
      return readImag(c2, sgn, n, c2 === '+' ? 1 : -1, s, start + 1, end, radix, ns);
    case '@':
      return readPolar(sgn, n, s, start + 1, end, radix, ns);
    case 'i':
    case 'I':
      return finishImaginary(sgn, n, s, start + 1, end, ns);
    default:
      return badDigit(c, s, st);
  }
}

function readRational(sgn: number, sgnN: N, d0: bigint | null, s: string, start: number, end: number, radix: number, st: State): R {
  let d = d0;
  const R = BigInt(radix);
  const getN = (): N | string | false => (d === null ? badNoDigits('/', s, st) : lazyDivide(sgnN, qint(d), 'exact'));
  for (;;) {
    if (start === end) {
      const n = getN();
      if (isFail(n)) return n;
      return finish(sgn, n, s, st);
    }
    const dg = dig(s, start, radix);
    if (dg < 0) break;
    d = (d ?? 0n) * R + BigInt(dg);
    start++;
  }
  const c = s[start];
  if (c === '.') return badMixed(s, st);
  if (c === '#') {
    if (d === null) return badMisplaced('#', s, st);
    return readDenomApprox(sgn, sgnN, d, 1, s, start + 1, end, radix, setExactness(st, 'approx'));
  }
  if (isExpMarker(c)) {
    const n = getN();
    if (isFail(n)) return n;
    return readExponent(sgn, n, 0, s, start + 1, end, radix, setExactnessByChar(st, c));
  }
  if (c === '/') return badMisplaced('/', s, st);
  if (c === '+' || c === '-') {
    const n = getN();
    if (isFail(n)) return n;
    return readImag(c, sgn, n, c === '+' ? 1 : -1, s, start + 1, end, radix, st);
  }
  if (c === '@') {
    const n = getN();
    if (isFail(n)) return n;
    return readPolar(sgn, n, s, start + 1, end, radix, st);
  }
  if (c === 'i' || c === 'I') {
    const n = getN();
    if (isFail(n)) return n;
    return finishImaginary(sgn, n, s, start + 1, end, st);
  }
  return badDigit(c, s, st);
}

function readDenomApprox(
  sgn: number,
  sgnN: N,
  d: bigint,
  exp0: number,
  s: string,
  start: number,
  end: number,
  radix: number,
  st: State,
): R {
  let exp = exp0;
  const getN = (): N => lazyDivide(sgnN, lazyNumber(qint(d), radix, exp), 'approx');
  for (;;) {
    if (start === end) return finish(sgn, getN(), s, st);
    const c = s[start];
    if (c === '#') {
      exp++;
      start++;
      continue;
    }
    if (dig(s, start, radix) >= 0) return badMisplaced('#', s, st);
    if (c === '.' || c === '/') return badMisplaced(c, s, st);
    if (isExpMarker(c)) return readExponent(sgn, getN(), 0, s, start + 1, end, radix, setExactnessByChar(st, c));
    switch (c) {
      case '+':
      case '-':
        return readImag(c, sgn, getN(), c === '+' ? 1 : -1, s, start + 1, end, radix, st);
      case '@':
        return readPolar(sgn, getN(), s, start + 1, end, radix, st);
      case 'i':
      case 'I':
        return finishImaginary(sgn, getN(), s, start + 1, end, st);
      default:
        return badDigit(c, s, st);
    }
  }
}

function readImag(c: string, realSgn: number, real: N, sgn: number, s: string, start: number, end: number, radix: number, st: State): R {
  if (hasFirstHalf(st) || st.exactness === 'extended') return badMisplaced(c, s, st);
  return readSigned(sgn, s, start, end, radix, setFirstHalf(st, new Prefix(false, realSgn, real)));
}

function readPolar(realSgn: number, real: N, s: string, start: number, end: number, radix: number, st: State): R {
  if (hasFirstHalf(st) || st.exactness === 'extended') return badMisplaced('@', s, st);
  if (start === end) return badMisplaced('@', s, st);
  const d = dig(s, start, radix);
  const c = s[start];
  if (c === '+' || c === '-') {
    const ns = setFirstHalf(st, new Prefix(true, realSgn, real));
    return readSigned(c === '+' ? 1 : -1, s, start + 1, end, radix, ns);
  }
  if (d >= 0) {
    const ns = setFirstHalf(st, new Prefix(true, realSgn, real));
    return readInteger(1, qint(BigInt(d)), s, start + 1, end, radix, ns);
  }
  return badDigit(c, s, st);
}

// ---------------------------------------------------------------------------

/** How decimals read when no `#e`/`#i` says: `read-decimal-as-inexact`'s choice. */
export type DecimalMode = 'decimal-as-inexact' | 'decimal-as-exact';

/** What a successful parse gives as a runtime value. */
function resultValue(r: R): Value | false | typeof UNSUPPORTED_EXTFLONUM {
  if (r === EXTFL) return UNSUPPORTED_EXTFLONUM;
  if (r instanceof ComplexValue) return r.v;
  if (typeof r === 'number') return new Flonum(r);
  return exactValue(r as Q);
}

function parseWith(s: string, radix: number, decimal: DecimalMode, mode: ConvertMode, single: boolean): R {
  singleMode = single;
  try {
    return doParse(s, 0, s.length, radix, false, decimal, mode);
  } finally {
    singleMode = false;
  }
}

/**
 * Parse `s` as the reader does. A string result is the message of a read
 * error (text after a `#e`/`#x`-style prefix must be a number). Single
 * mode (`read-single-flonum`) raises a NumberError for a single-flonum.
 */
export function parseNumber(s: string, decimal: DecimalMode = 'decimal-as-inexact', single = false): NumberResult {
  const r = parseWith(s, 10, decimal, 'read', single);
  if (r === false || typeof r === 'string') return r;
  return resultValue(r);
}

/**
 * `string->number`: the number `s` denotes in `radix` (prefixes may change
 * it), or false. In 'read mode, a string is the message of the read error
 * the text would cause. Extflonums, which this runtime does not have, are
 * false.
 */
export function stringToNumber(
  s: string,
  radix = 10,
  mode: 'number-or-false' | 'read' = 'number-or-false',
  decimal: DecimalMode = 'decimal-as-inexact',
  single = false,
): Value | string | false {
  const r = parseWith(s, radix, decimal, mode, single);
  if (r === false || typeof r === 'string') return r;
  const v = resultValue(r);
  return v === UNSUPPORTED_EXTFLONUM ? false : v;
}

/** Quick filter: can `s` possibly be a number? (Saves the parse for most symbols.) */
export function mightBeNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  // digits, + - . #
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 35;
}
