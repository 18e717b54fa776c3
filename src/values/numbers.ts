// The real numbers of the numeric tower: exact integers, exact rationals and
// flonums (complex numbers are built on them in complex.ts), following Racket CS 8.7 (which is Chez Scheme underneath) result
// for result, including printed forms and error messages.
//
// Representation (see types.ts):
//   exact integer   JS number while Number.isSafeInteger, else bigint (always
//                   normalized: a bigint that fits is returned as a number)
//   exact rational  Rational {num, den}, gcd 1, den > 1
//   flonum          Flonum {n}
//
// Callers (the primitive wrappers) check argument *types*; the functions here
// only raise errors that depend on values, always as a NumberError whose
// message is Racket's exn-message.

import { Complex, Flonum, Rational } from './types.js';

export type ExactInteger = number | bigint;
export type Exact = number | bigint | Rational;
export type Num = Exact | Flonum;

export type NumberErrorKind = 'divide-by-zero' | 'contract' | 'unsupported';

export class NumberError extends Error {
  readonly kind: NumberErrorKind;
  constructor(kind: NumberErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'NumberError';
  }
}

function fail(kind: NumberErrorKind, message: string): never {
  throw new NumberError(kind, message);
}

function divByZero(who: string): never {
  fail('divide-by-zero', `${who}: division by zero`);
}

function undefinedFor(who: string, ...vals: Num[]): never {
  const what = vals.length === 1 ? numberToString(vals[0]) : `values ${vals.map((v) => numberToString(v)).join(' and ')}`;
  fail('divide-by-zero', `${who}: undefined for ${what}`);
}

function complexResult(who: string, ...args: Num[]): never {
  const shown = args.map((a) => `\n  argument: ${numberToString(a)}`).join('');
  fail('unsupported', `${who}: complex results are not supported${shown}`);
}

function notRational(who: string, expected: string, v: Num): never {
  fail('contract', `${who}: contract violation\n  expected: ${expected}\n  given: ${numberToString(v)}`);
}

// ---------------------------------------------------------------------------
// Constants and low-level helpers

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;
const TWO53 = 2n ** 53n;
const TWO63 = 2n ** 63n;
const FLOAT_LIMIT_BIG = 2n ** 1023n; // |bigint| below this converts without overflow
const FIXNUM_MAX = 2n ** 60n - 1n; // Racket CS fixnums are 61 bits
const FIXNUM_MIN = -(2n ** 60n);
/** V8 refuses BigInts beyond 2^30 bits; Racket would run out of memory too. */
const MAX_BITS = 2 ** 30;

/** POW2[k + 1074] = 2^k exactly, for -1074 <= k <= 1023. */
const POW2 = new Float64Array(2098);
{
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) POW2[k + 1074] = v;
  v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) POW2[k + 1074] = v;
}

/** x * 2^k, exact whenever the result is representable (x an integer below 2^54 or a normal double). */
function scale2(x: number, k: number): number {
  while (k > 1023) {
    x *= POW2[1023 + 1074];
    k -= 1023;
    if (!Number.isFinite(x)) return x;
  }
  if (k < -1022) {
    x *= POW2[-1022 + 1074];
    k += 1022;
    if (k < -1074) return x * 0;
  }
  return x * POW2[k + 1074];
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

// frexp results: x = FM * 2^FE with 0.5 <= |FM| < 1.
let FM = 0;
let FE = 0;
function frexp(x: number): void {
  f64[0] = x;
  let ex = (u32[HI] >>> 20) & 0x7ff;
  let adj = 0;
  if (ex === 0) {
    f64[0] = x * 18446744073709551616; // 2^64, subnormals
    ex = (u32[HI] >>> 20) & 0x7ff;
    adj = 64;
  }
  FE = ex - 1022 - adj;
  u32[HI] = (u32[HI] & 0x800fffff) | (1022 << 20);
  FM = f64[0];
}

/** Number of bits in |b|. */
function bitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  const s = b.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0], 16)));
}

/** A bigint result, as a number when it fits. */
export function normBig(b: bigint): ExactInteger {
  return b >= MIN_SAFE_BIG && b <= MAX_SAFE_BIG ? Number(b) : b;
}

function toBig(x: ExactInteger): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

function numOf(x: Exact): bigint {
  return x instanceof Rational ? x.num : BigInt(x);
}

function denOf(x: Exact): bigint {
  return x instanceof Rational ? x.den : 1n;
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

function ngcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** num/den normalized to an exact integer or a Rational. */
export function makeRational(num: bigint, den: bigint): Exact {
  if (den === 0n) divByZero('/');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den !== 1n) {
    const g = bgcd(num, den);
    if (g !== 1n) {
      num /= g;
      den /= g;
    }
  }
  return den === 1n ? normBig(num) : new Rational(num, den);
}

function fl(n: number): Flonum {
  return new Flonum(n);
}

// ---------------------------------------------------------------------------
// Exact <-> inexact conversion

/** Correctly rounded num/den (den > 0). */
function ratioToDouble(num: bigint, den: bigint): number {
  const neg = num < 0n;
  if (neg) num = -num;
  const r = num <= TWO53 && den <= TWO53 ? Number(num) / Number(den) : ratioToDoubleSlow(num, den);
  return neg ? -r : r;
}

function ratioToDoubleSlow(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const s = 66 - (bitLength(num) - bitLength(den));
  let q: bigint;
  let rem: bigint;
  if (s >= 0) {
    const n = num << BigInt(s);
    q = n / den;
    rem = n % den;
  } else {
    const d = den << BigInt(-s);
    q = num / d;
    rem = num % d;
  }
  // value = (q + rem/den') * 2^-s, q has 66 or 67 bits
  const qb = bitLength(q);
  const e = qb - 1 - s; // floor(log2(value))
  if (e > 1023) return Infinity;
  const bits = e >= -1022 ? 53 : e + 1075;
  if (bits < 0) return 0;
  const drop = qb - bits;
  let m = q >> BigInt(drop);
  const low = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (low > half || (low === half && (rem !== 0n || (m & 1n) === 1n))) m += 1n;
  return scale2(Number(m), drop - s);
}

function exactToDouble(x: Exact): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  return ratioToDouble(x.num, x.den);
}

/** The JS number nearest to a real (exact values correctly rounded). */
export function toDouble(x: Num): number {
  return x instanceof Flonum ? x.n : exactToDouble(x);
}

/** The exact rational a finite double denotes. */
function doubleToExact(d: number): Exact {
  if (Number.isInteger(d)) return Number.isSafeInteger(d) ? d + 0 : BigInt(d);
  frexp(d);
  let m = Math.abs(FM) * 9007199254740992; // 2^53, an integer
  let e = FE - 53;
  while (m % 2 === 0) {
    m /= 2;
    e++;
  }
  return new Rational(BigInt(d < 0 ? -m : m), 1n << BigInt(-e));
}

/** "Floatable": converts to a flonum without overflow or underflow (Chez's floatable?). */
function isFloatable(x: Exact): boolean {
  if (typeof x === 'number') return true;
  if (typeof x === 'bigint') return x < FLOAT_LIMIT_BIG && x > -FLOAT_LIMIT_BIG;
  const d = bitLength(x.num) - bitLength(x.den);
  return d >= -1023 && d <= 1023;
}

/** exact->inexact */
export function toInexact(x: Num): Flonum {
  return x instanceof Flonum ? x : fl(exactToDouble(x));
}

/** inexact->exact */
export function toExact(x: Num): Exact {
  if (!(x instanceof Flonum)) return x;
  if (!Number.isFinite(x.n)) fail('contract', `exact: no exact representation for ${flonumToString(x.n)}`);
  return doubleToExact(x.n);
}

// ---------------------------------------------------------------------------
// Predicates

/** number? (and complex?): a real or a non-real complex number. */
export function isNumber(v: unknown): v is Num | Complex {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || v instanceof Flonum || v instanceof Rational || v instanceof Complex;
}

/** real? */
export function isReal(v: unknown): v is Num {
  const t = typeof v;
  return t === 'number' || t === 'bigint' || v instanceof Flonum || v instanceof Rational;
}

export function isExactInteger(v: unknown): v is ExactInteger {
  const t = typeof v;
  return t === 'number' || t === 'bigint';
}

export function isExactNonnegativeInteger(v: unknown): v is ExactInteger {
  return (typeof v === 'number' && v >= 0) || (typeof v === 'bigint' && v >= 0n);
}

export function isExactPositiveInteger(v: unknown): v is ExactInteger {
  return (typeof v === 'number' && v > 0) || (typeof v === 'bigint' && v > 0n);
}

/** fixnum? — Racket CS fixnums are 61-bit. */
export function isFixnum(v: unknown): v is ExactInteger {
  return typeof v === 'number' || (typeof v === 'bigint' && v >= FIXNUM_MIN && v <= FIXNUM_MAX);
}

export function isFlonum(v: unknown): v is Flonum {
  return v instanceof Flonum;
}

export function isExactRational(v: unknown): v is Rational {
  return v instanceof Rational;
}

/** exact? (of a number) */
export function isExact(v: Num): v is Exact {
  return !(v instanceof Flonum);
}

/** inexact? (of a number) */
export function isInexact(v: Num): v is Flonum {
  return v instanceof Flonum;
}

/** rational? — any number except infinities and NaN. */
export function isRational(v: unknown): v is Num {
  if (v instanceof Flonum) return Number.isFinite(v.n);
  return isReal(v);
}

/** integer? — exact integers and integral flonums (2.0). */
export function isInteger(v: unknown): v is Num {
  if (typeof v === 'number' || typeof v === 'bigint') return true;
  return v instanceof Flonum && Number.isInteger(v.n);
}

export function isZero(v: Num): boolean {
  return v === 0 || (v instanceof Flonum && v.n === 0);
}

export function isPositive(v: Num): boolean {
  if (typeof v === 'number') return v > 0;
  if (typeof v === 'bigint') return v > 0n;
  if (v instanceof Flonum) return v.n > 0;
  return v.num > 0n;
}

export function isNegative(v: Num): boolean {
  if (typeof v === 'number') return v < 0;
  if (typeof v === 'bigint') return v < 0n;
  if (v instanceof Flonum) return v.n < 0;
  return v.num < 0n;
}

/** even? of an integer (exact or integral flonum). */
export function isEven(v: Num): boolean {
  if (typeof v === 'number') return v % 2 === 0;
  if (typeof v === 'bigint') return (v & 1n) === 0n;
  if (v instanceof Flonum) return v.n % 2 === 0;
  return false;
}

/** odd? of an integer (exact or integral flonum). */
export function isOdd(v: Num): boolean {
  if (typeof v === 'number') return v % 2 !== 0;
  if (typeof v === 'bigint') return (v & 1n) === 1n;
  if (v instanceof Flonum) return Math.abs(v.n % 2) === 1;
  return false;
}

/** nan? */
// biome-ignore lint/suspicious/noShadowRestrictedNames: used as N.isNaN, the numeric tower's nan?
export function isNaN(v: Num): boolean {
  return v instanceof Flonum && v.n !== v.n;
}

/** infinite? */
export function isInfinite(v: Num): boolean {
  return v instanceof Flonum && (v.n === Infinity || v.n === -Infinity);
}

// ---------------------------------------------------------------------------
// Exact arithmetic (both arguments exact)

function exactAdd(a: Exact, b: Exact): Exact {
  if (typeof a === 'object' || typeof b === 'object') {
    const ad = denOf(a);
    const bd = denOf(b);
    return makeRational(numOf(a) * bd + numOf(b) * ad, ad * bd);
  }
  return normBig(toBig(a) + toBig(b));
}

function exactSub(a: Exact, b: Exact): Exact {
  if (typeof a === 'object' || typeof b === 'object') {
    const ad = denOf(a);
    const bd = denOf(b);
    return makeRational(numOf(a) * bd - numOf(b) * ad, ad * bd);
  }
  return normBig(toBig(a) - toBig(b));
}

function exactMul(a: Exact, b: Exact): Exact {
  if (typeof a === 'object' || typeof b === 'object') return makeRational(numOf(a) * numOf(b), denOf(a) * denOf(b));
  return normBig(toBig(a) * toBig(b));
}

function exactDiv(a: Exact, b: Exact): Exact {
  if (b === 0) divByZero('/');
  if (typeof a === 'number' && typeof b === 'number') {
    if (a % b === 0) return a / b + 0;
    let g = ngcd(a, b);
    if (b < 0) g = -g;
    return new Rational(BigInt(a / g), BigInt(b / g));
  }
  return makeRational(numOf(a) * denOf(b), denOf(a) * numOf(b));
}

function exactCompare(a: Exact, b: Exact): number {
  if (typeof a === 'object' || typeof b === 'object') {
    const l = numOf(a) * denOf(b);
    const r = numOf(b) * denOf(a);
    return l < r ? -1 : l > r ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Arithmetic. Mixed exact/inexact cases follow Chez: an exact 0 absorbs in
// `*` and `/` ((* 0 +inf.0) is 0), and an exact operand too large or small
// to become a flonum is combined exactly before rounding.

export function add(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
    return BigInt(a) + BigInt(b);
  }
  return addSlow(a, b);
}

function addSlow(a: Num, b: Num): Num {
  if (a instanceof Flonum) {
    if (b instanceof Flonum) return fl(a.n + b.n);
    return addExactFl(b, a);
  }
  if (b instanceof Flonum) return addExactFl(a, b);
  return exactAdd(a, b);
}

function addExactFl(x: Exact, y: Flonum): Num {
  if (x === 0) return y;
  const d = y.n;
  if (d === 0 || isFloatable(x)) return fl(exactToDouble(x) + d);
  if (!Number.isFinite(d)) return y;
  return fl(exactToDouble(exactAdd(x, doubleToExact(d))));
}

export function sub(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
    return BigInt(a) - BigInt(b);
  }
  return subSlow(a, b);
}

function subSlow(a: Num, b: Num): Num {
  if (a instanceof Flonum) {
    if (b instanceof Flonum) return fl(a.n - b.n);
    const x = a.n;
    if (typeof b === 'number' || x === 0 || isFloatable(b)) return fl(x - exactToDouble(b));
    if (!Number.isFinite(x)) return a;
    return fl(exactToDouble(exactSub(doubleToExact(x), b)));
  }
  if (b instanceof Flonum) {
    const y = b.n;
    if (a === 0) return fl(-y);
    if (y === 0 || isFloatable(a)) return fl(exactToDouble(a) - y);
    if (!Number.isFinite(y)) return fl(-y);
    return fl(exactToDouble(exactSub(a, doubleToExact(y))));
  }
  return exactSub(a, b);
}

export function mul(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0; // no -0
    return BigInt(a) * BigInt(b);
  }
  return mulSlow(a, b);
}

function mulSlow(a: Num, b: Num): Num {
  if (a instanceof Flonum) {
    if (b instanceof Flonum) return fl(a.n * b.n);
    return mulExactFl(b, a);
  }
  if (b instanceof Flonum) return mulExactFl(a, b);
  return exactMul(a, b);
}

function mulExactFl(x: Exact, y: Flonum): Num {
  if (x === 0) return 0;
  const d = y.n;
  if (isFloatable(x)) return fl(exactToDouble(x) * d);
  if (d === 0 || !Number.isFinite(d)) return isNegative(x) ? fl(-d) : y;
  return fl(exactToDouble(exactMul(x, doubleToExact(d))));
}

/** `/` of two numbers; exact division yields rationals, an exact 0 divisor raises. */
export function div(a: Num, b: Num): Num {
  if (a instanceof Flonum) {
    if (b instanceof Flonum) return fl(a.n / b.n);
    if (b === 0) divByZero('/');
    const x = a.n;
    if (isFloatable(b)) return fl(x / exactToDouble(b));
    if (x === 0 || !Number.isFinite(x)) return isNegative(b) ? fl(-x) : a;
    return fl(exactToDouble(exactDiv(doubleToExact(x), b)));
  }
  if (b instanceof Flonum) {
    if (a === 0) return 0;
    const y = b.n;
    if (isFloatable(a)) return fl(exactToDouble(a) / y);
    if (y === 0 || !Number.isFinite(y)) return fl(isNegative(a) ? -1 / y : 1 / y);
    return fl(exactToDouble(exactDiv(a, doubleToExact(y))));
  }
  return exactDiv(a, b);
}

export function negate(a: Num): Num {
  if (typeof a === 'number') return 0 - a;
  if (typeof a === 'bigint') return normBig(-a);
  if (a instanceof Flonum) return fl(-a.n);
  return new Rational(-a.num, a.den);
}

export function add1(a: Num): Num {
  return add(a, 1);
}

export function sub1(a: Num): Num {
  return sub(a, 1);
}

export function abs(a: Num): Num {
  if (typeof a === 'number') return a < 0 ? -a : a;
  if (typeof a === 'bigint') return a < 0n ? normBig(-a) : a;
  if (a instanceof Flonum) return a.n < 0 || Object.is(a.n, -0) ? fl(Math.abs(a.n)) : a;
  return a.num < 0n ? new Rational(-a.num, a.den) : a;
}

/** (+ x ...) */
export function addN(xs: readonly Num[]): Num {
  let r: Num = 0;
  for (let i = 0; i < xs.length; i++) r = i === 0 ? xs[0] : add(r, xs[i]);
  return r;
}

/** (* x ...) */
export function mulN(xs: readonly Num[]): Num {
  let r: Num = 1;
  for (let i = 0; i < xs.length; i++) r = i === 0 ? xs[0] : mul(r, xs[i]);
  return r;
}

/** (- x ...) with at least one argument; one argument negates. */
export function subN(xs: readonly Num[]): Num {
  if (xs.length === 1) return negate(xs[0]);
  let r = xs[0];
  for (let i = 1; i < xs.length; i++) r = sub(r, xs[i]);
  return r;
}

/** (/ x ...) with at least one argument; one argument takes the reciprocal. */
export function divN(xs: readonly Num[]): Num {
  if (xs.length === 1) return div(1, xs[0]);
  let r = xs[0];
  for (let i = 1; i < xs.length; i++) r = div(r, xs[i]);
  return r;
}

// ---------------------------------------------------------------------------
// Comparison. Exact and inexact values compare exactly (as Racket does).

/**
 * -1, 0 or 1 as a <, =, > b; NaN when unordered (a NaN is involved), so
 * `compare(a, b) < 0` is `(< a b)`, `compare(a, b) <= 0` is `(<= a b)`,
 * `compare(a, b) === 0` is `(= a b)`, and so on.
 */
export function compare(a: Num, b: Num): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareSlow(a, b);
}

function compareSlow(a: Num, b: Num): number {
  if (a instanceof Flonum) {
    if (b instanceof Flonum) {
      const x = a.n;
      const y = b.n;
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    return 0 - compareExactFl(b, a.n);
  }
  if (b instanceof Flonum) return compareExactFl(a, b.n);
  return exactCompare(a, b);
}

function compareExactFl(e: Exact, d: number): number {
  if (d !== d) return NaN;
  if (typeof e !== 'object') return e < d ? -1 : e > d ? 1 : 0; // number/bigint vs double is exact in JS
  if (!Number.isFinite(d)) return d > 0 ? -1 : 1;
  return exactCompare(e, doubleToExact(d));
}

/** = */
export function numEquals(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return compareSlow(a, b) === 0;
}

export function lt(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compareSlow(a, b) < 0;
}

export function gt(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return compareSlow(a, b) > 0;
}

export function le(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return compareSlow(a, b) <= 0;
}

export function ge(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return compareSlow(a, b) >= 0;
}

function chain(xs: readonly Num[], test: (a: Num, b: Num) => boolean): boolean {
  let ok = true;
  for (let i = 0; i + 1 < xs.length; i++) if (!test(xs[i], xs[i + 1])) ok = false;
  return ok;
}

/** (= x ...), (< x ...), ... over an argument list (every argument is still examined). */
export function numEqualsN(xs: readonly Num[]): boolean {
  return chain(xs, numEquals);
}
export function ltN(xs: readonly Num[]): boolean {
  return chain(xs, lt);
}
export function gtN(xs: readonly Num[]): boolean {
  return chain(xs, gt);
}
export function leN(xs: readonly Num[]): boolean {
  return chain(xs, le);
}
export function geN(xs: readonly Num[]): boolean {
  return chain(xs, ge);
}

/** max of two reals; inexact if either is, NaN if either is. */
export function max(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a > b ? a : b;
  if (a instanceof Flonum) {
    if (!(b instanceof Flonum)) b = toInexact(b);
    return a.n > b.n || a.n !== a.n ? a : b;
  }
  if (b instanceof Flonum) return max(toInexact(a), b);
  return exactCompare(a, b) > 0 ? a : b;
}

/** min of two reals; inexact if either is, NaN if either is. */
export function min(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? a : b;
  if (a instanceof Flonum) {
    if (!(b instanceof Flonum)) b = toInexact(b);
    return a.n < b.n || a.n !== a.n ? a : b;
  }
  if (b instanceof Flonum) return min(toInexact(a), b);
  return exactCompare(a, b) < 0 ? a : b;
}

/** (max x ...) with at least one argument. */
export function maxN(xs: readonly Num[]): Num {
  let r = xs[0];
  for (let i = 1; i < xs.length; i++) r = max(r, xs[i]);
  return r;
}

/** (min x ...) with at least one argument. */
export function minN(xs: readonly Num[]): Num {
  let r = xs[0];
  for (let i = 1; i < xs.length; i++) r = min(r, xs[i]);
  return r;
}

// ---------------------------------------------------------------------------
// Integer division: quotient, remainder, modulo (integers, exact or integral flonums)

export function quotient(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divByZero('quotient');
    return (a - (a % b)) / b + 0;
  }
  return intDivSlow('quotient', a, b);
}

export function remainder(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divByZero('remainder');
    return (a % b) + 0;
  }
  return intDivSlow('remainder', a, b);
}

export function modulo(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) divByZero('modulo');
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r + 0;
  }
  return intDivSlow('modulo', a, b);
}

/** quotient/remainder */
export function quotientRemainder(a: Num, b: Num): [Num, Num] {
  return [quotient(a, b), remainder(a, b)];
}

function intDivSlow(who: 'quotient' | 'remainder' | 'modulo', a: Num, b: Num): Num {
  if (b === 0) divByZero(who);
  if (b === 1 || b === -1) {
    // as Chez: an exact unit divisor gives x, (- x) or an exact 0, even for a flonum x
    if (who !== 'quotient') return 0;
    return b === 1 ? a : negate(a);
  }
  if (a instanceof Flonum || b instanceof Flonum) {
    const y = toDouble(b);
    if (y === 0) undefinedFor(who, b);
    const x = toDouble(a);
    if (who === 'quotient') return fl(Math.trunc(x / y));
    let r = x % y;
    if (who === 'modulo' && r !== 0 && r < 0 !== y < 0) r += y;
    return fl(r + 0);
  }
  const x = toBig(a as ExactInteger);
  const y = toBig(b as ExactInteger);
  if (who === 'quotient') return normBig(x / y);
  let r = x % y;
  if (who === 'modulo' && r !== 0n && r < 0n !== y < 0n) r += y;
  return normBig(r);
}

// ---------------------------------------------------------------------------
// gcd / lcm (Racket extends them to rationals; inexact if any argument is)

function intGcd(a: ExactInteger, b: ExactInteger): ExactInteger {
  if (typeof a === 'number' && typeof b === 'number') return ngcd(a, b);
  return normBig(bgcd(toBig(a), toBig(b)));
}

function intLcm(a: ExactInteger, b: ExactInteger): ExactInteger {
  if (a === 0 || b === 0) return 0;
  const g = intGcd(a, b);
  return abs(mul(a, quotient(b, g))) as ExactInteger;
}

function exactGcd(a: Exact, b: Exact): Exact {
  if (typeof a !== 'object' && typeof b !== 'object') return intGcd(a, b);
  const n = intGcd(normBig(numOf(a)), normBig(numOf(b)));
  const d = intLcm(normBig(denOf(a)), normBig(denOf(b)));
  return makeRational(toBig(n), toBig(d));
}

function exactLcm(a: Exact, b: Exact): Exact {
  if (typeof a !== 'object' && typeof b !== 'object') return intLcm(a, b);
  const n = intLcm(normBig(numOf(a)), normBig(numOf(b)));
  const d = intGcd(normBig(denOf(a)), normBig(denOf(b)));
  return makeRational(toBig(n), toBig(d));
}

export function gcd(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') return ngcd(a, b);
  const r = exactGcd(toExact(a), toExact(b));
  return a instanceof Flonum || b instanceof Flonum ? toInexact(r) : r;
}

export function lcm(a: Num, b: Num): Num {
  const r = exactLcm(toExact(a), toExact(b));
  return a instanceof Flonum || b instanceof Flonum ? toInexact(r) : r;
}

/** (gcd x ...): 0 for no arguments. */
export function gcdN(xs: readonly Num[]): Num {
  if (xs.length === 0) return 0;
  let r = gcd(xs[0], xs[0]);
  for (let i = 1; i < xs.length; i++) r = gcd(r, xs[i]);
  return r;
}

/** (lcm x ...): 1 for no arguments. */
export function lcmN(xs: readonly Num[]): Num {
  if (xs.length === 0) return 1;
  let r = lcm(xs[0], xs[0]);
  for (let i = 1; i < xs.length; i++) r = lcm(r, xs[i]);
  return r;
}

// ---------------------------------------------------------------------------
// Rounding

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}

export function floor(x: Num): Num {
  if (x instanceof Flonum) return fl(Math.floor(x.n));
  if (x instanceof Rational) return normBig(floorDiv(x.num, x.den));
  return x;
}

export function ceiling(x: Num): Num {
  if (x instanceof Flonum) return fl(Math.ceil(x.n));
  if (x instanceof Rational) return normBig(floorDiv(x.num, x.den) + 1n);
  return x;
}

export function truncate(x: Num): Num {
  if (x instanceof Flonum) return fl(Math.trunc(x.n));
  if (x instanceof Rational) return normBig(x.num / x.den);
  return x;
}

/** round, to even on ties. */
export function round(x: Num): Num {
  if (x instanceof Flonum) return fl(flRound(x.n));
  if (x instanceof Rational) {
    const f = floorDiv(x.num, x.den);
    const twice = 2n * (x.num - f * x.den);
    if (twice < x.den) return normBig(f);
    if (twice > x.den || (f & 1n) === 1n) return normBig(f + 1n);
    return normBig(f);
  }
  return x;
}

function flRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  const r = d < 0.5 ? f : d > 0.5 || f % 2 !== 0 ? f + 1 : f;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

function exactRounding(who: string, x: Num, op: (x: Num) => Num): Exact {
  if (x instanceof Flonum && !Number.isFinite(x.n)) notRational(who, 'rational?', x);
  return toExact(op(x));
}

export function exactRound(x: Num): Exact {
  return exactRounding('exact-round', x, round);
}
export function exactFloor(x: Num): Exact {
  return exactRounding('exact-floor', x, floor);
}
export function exactCeiling(x: Num): Exact {
  return exactRounding('exact-ceiling', x, ceiling);
}
export function exactTruncate(x: Num): Exact {
  return exactRounding('exact-truncate', x, truncate);
}

export function numerator(x: Num): Num {
  if (x instanceof Rational) return normBig(x.num);
  if (x instanceof Flonum) {
    if (!Number.isFinite(x.n)) notRational('numerator', 'rational-number?', x);
    if (Number.isInteger(x.n)) return x;
    return fl(Number(numOf(doubleToExact(x.n))));
  }
  return x;
}

export function denominator(x: Num): Num {
  if (x instanceof Rational) return normBig(x.den);
  if (x instanceof Flonum) {
    if (!Number.isFinite(x.n)) notRational('denominator', 'rational-number?', x);
    if (Number.isInteger(x.n)) return fl(1);
    return fl(Number(denOf(doubleToExact(x.n))));
  }
  return 1;
}

// ---------------------------------------------------------------------------
// expt (a flonum to a power goes through cpow, below, as Chez uses C's pow)

function outOfMemory(base: Num): never {
  fail('contract', base === 2 ? 'ash: out of memory' : 'expt: out of memory');
}

export function expt(base: Num, power: Num): Num {
  if (typeof power === 'number' || typeof power === 'bigint') return exptInt(base, power);
  if (power instanceof Flonum) return exptFl(base, power);
  return exptRat(base, power);
}

function exptInt(x: Num, y: ExactInteger): Num {
  if (y === 0) return 1;
  if (x instanceof Flonum) return fl(flExptInt(x.n, y));
  const neg = typeof y === 'number' ? y < 0 : y < 0n;
  if (x === 0) {
    if (neg) undefinedFor('expt', x, y);
    return 0;
  }
  if (x === 1) return 1;
  if (x === -1) return isOdd(y) ? -1 : 1;
  if (typeof y === 'bigint') outOfMemory(x);
  const k = Math.abs(y);
  if (x instanceof Rational) {
    if (bitLength(x.num < 0n ? -x.num : x.num) * k > MAX_BITS || bitLength(x.den) * k > MAX_BITS) outOfMemory(x);
    const kb = BigInt(k);
    let n = x.num ** kb;
    let d = x.den ** kb;
    if (neg) [n, d] = [d, n];
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    return d === 1n ? normBig(n) : new Rational(n, d);
  }
  const p = intPow(x, k);
  return neg ? exactDiv(1, p) : p;
}

function intPow(x: ExactInteger, k: number): ExactInteger {
  if (typeof x === 'number') {
    let r = 1;
    let i = 0;
    for (; i < k; i++) {
      const next = r * x;
      if (next > MAX_SAFE || next < -MAX_SAFE) break;
      r = next;
    }
    if (i === k) return r;
  }
  const b = toBig(x);
  if (bitLength(b) * k > MAX_BITS) outOfMemory(x);
  return normBig(b ** BigInt(k));
}

function flExptInt(x: number, y: ExactInteger): number {
  if (typeof y === 'number') return powInt(x, y);
  if (y >= -TWO53 && y <= TWO53) return powInt(x, Number(y));
  if (x !== x) return x;
  const odd = (y & 1n) === 1n;
  if (x === 0) return y > 0n ? (odd ? x : 0) : odd ? 1 / x : Infinity;
  if (Math.abs(x) === 1) return odd ? x : 1;
  if (y <= -TWO63 || y >= TWO63) {
    const neg = odd && x < 0;
    if (Math.abs(x) > 1 === y > 0n) return neg ? -Infinity : Infinity;
    return neg ? -0 : 0;
  }
  // as Chez: y = big + rest, each exactly a double
  const ay = y < 0n ? -y : y;
  const big = ((ay >> 12n) << 12n) * (y < 0n ? -1n : 1n);
  return cpow(x, Number(big)) * cpow(x, Number(y - big));
}

function exptFl(x: Num, y: Flonum): Num {
  const yn = y.n;
  if (x instanceof Flonum) {
    if (x.n < 0 && !Number.isInteger(yn)) complexResult('expt', x, y);
    return fl(cpow(x.n, yn));
  }
  if (x === 0) {
    if (yn < 0) undefinedFor('expt', x, y);
    if (yn === 0) return fl(1);
    if (yn !== yn) return y;
    return 0;
  }
  if (x === 1) return 1;
  if (isFloatable(x)) return exptFl(fl(exactToDouble(x)), y);
  if (isNegative(x)) complexResult('expt', x, y);
  return fl(accExp(yn * logPositiveExact(x)));
}

function exptRat(x: Num, y: Rational): Num {
  if (y.num === 1n && y.den === 2n) return sqrt(x);
  if (x === 0) {
    if (y.num > 0n) return 0;
    undefinedFor('expt', x, y);
  }
  if (x === 1) return 1;
  if (isFloatable(y)) {
    const yd = ratioToDouble(y.num, y.den);
    if (!Number.isInteger(yd)) return exptFl(x, fl(yd));
  }
  if (isNegative(x)) complexResult('expt', x, y);
  const lx = x instanceof Flonum ? accLog(x.n) : logPositiveExact(x);
  return fl(accExp(exactToDouble(y) * lx));
}

// ---------------------------------------------------------------------------
// Accurate flonum functions. Racket uses the C library (glibc), whose exp,
// log, pow, sin, cos, tan, atan, asin, acos and atan2 are correctly rounded
// in practice; V8's Math functions are often an ulp away. So each of these is
// evaluated in double-double arithmetic (about 104 bits) and rounded once,
// and the result is kept only if it is within a few ulps of V8's (a guard
// against a bug here ever doing worse than Math).

type DD = [number, number];

// twoProd scratch results (no allocation on the expt fast path).
let PH = 0;
let PL = 0;
const SPLITTER = 134217729; // 2^27 + 1

/** PH + PL = a * b exactly (Dekker; |a|, |b| well below 2^996). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  PL = ah * bh - p + ah * bl + al * bh + al * bl;
  PH = p;
}

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function ddAdd(x: DD, y: DD): DD {
  const s = twoSum(x[0], y[0]);
  const t = twoSum(x[1], y[1]);
  const u = quickTwoSum(s[0], s[1] + t[0]);
  return quickTwoSum(u[0], u[1] + t[1]);
}

function ddSub(x: DD, y: DD): DD {
  return ddAdd(x, [-y[0], -y[1]]);
}

function ddMul(x: DD, y: DD): DD {
  twoProd(x[0], y[0]);
  return quickTwoSum(PH, PL + (x[0] * y[1] + x[1] * y[0]));
}

function ddMulD(x: DD, d: number): DD {
  twoProd(x[0], d);
  return quickTwoSum(PH, PL + x[1] * d);
}

function ddDivD(x: DD, d: number): DD {
  const q1 = x[0] / d;
  twoProd(q1, d);
  const r = ddSub(x, [PH, PL]);
  return quickTwoSum(q1, r[0] / d);
}

function ddDiv(x: DD, y: DD): DD {
  const q1 = x[0] / y[0];
  let r = ddSub(x, ddMulD(y, q1));
  const q2 = r[0] / y[0];
  r = ddSub(r, ddMulD(y, q2));
  return ddAdd(quickTwoSum(q1, q2), [r[0] / y[0], 0]);
}

function ddSqrt(a: DD): DD {
  if (a[0] <= 0) return [Math.sqrt(a[0]), 0];
  const s = Math.sqrt(a[0]);
  twoProd(s, s);
  const r = ddSub(a, [PH, PL]);
  return quickTwoSum(s, r[0] / (2 * s));
}

// pi/2 and ln 2 as sums of three doubles; PIO2_BIG = round(pi/2 * 2^1300).
const PIO2: readonly number[] = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];
const LN2D: readonly number[] = [Math.LN2, 2.3190468138462996e-17, 5.707708438416212e-34];
const PIO2_DD: DD = [PIO2[0], PIO2[1]];
const PI_DD: DD = [2 * PIO2[0], 2 * PIO2[1]];
const LN2_DD: DD = [LN2D[0], LN2D[1]];
const PIO2_BIG = BigInt(
  '0x1921fb54442d18469898cc51701b839a252049c1114cf98e804177d4c76273644a29410f31c6809bbdf2a33679a748636605614dbe4be286e9fc26adadaa3848bc90b6aecc4bcfd8de89885d34c6fdad617feb96de80d6fdbdc70d7f6b5133f4b5d3e4822f8963fcc9250cca3d9c8b67b8400f97142c77e0b31b4906c38aba734d22c7f51fa499ebf06caba47b9475b2c38c5e6ac410aa5773daa520ee12d2cdace187',
);
const PIO2_SHIFT = 1300n;

/** The acc result if it is within a few ulps of Math's (or a relative `tol`), else Math's. */
function guard(acc: number, js: number, tol = 1e-15): number {
  return Math.abs(acc - js) <= Math.abs(js) * tol + 1e-320 ? acc : js;
}

/** (h + l) * 2^k rounded once to a double; h = fl(h + l). */
function finishDD(h: number, l: number, k: number): number {
  if (h === 0 || !Number.isFinite(h)) return h;
  frexp(h);
  const ex = FE + k;
  if (ex > 1025) return h > 0 ? Infinity : -Infinity;
  if (ex >= -1021) return scale2(h, k);
  if (ex < -1080) return h > 0 ? 0 : -0;
  const v = exactAdd(doubleToExact(h), doubleToExact(l));
  return ratioToDouble(numOf(v), denOf(v) << BigInt(-k));
}

/** exp(x) as (h + l) * 2^k. */
function ddExpParts(x: DD): [number, number, number] {
  const k = Math.round(x[0] / LN2D[0]);
  let r = ddSub(x, ddMulD(LN2_DD, k));
  r = ddSub(r, [k * LN2D[2], 0]);
  r = [r[0] / 32, r[1] / 32];
  // expm1(r), |r| < 0.011: the first terms in double-double, the tail in double
  let s = r;
  let term = r;
  for (let i = 2; i <= 4; i++) {
    term = ddDivD(ddMul(term, r), i);
    s = ddAdd(s, term);
  }
  let t = term[0];
  let tail = 0;
  for (let i = 5; i < 20 && Math.abs(t) > 1e-32; i++) {
    t = (t * r[0]) / i;
    tail += t;
  }
  s = ddAdd(s, [tail, 0]);
  // (1 + s)^32, as s -> 2s + s^2
  for (let i = 0; i < 5; i++) s = ddAdd(ddMulD(s, 2), ddMul(s, s));
  const e = ddAdd([1, 0], s);
  return [e[0], e[1], k];
}

/** log(x) for a positive finite x. */
function ddLog(x: number): DD {
  frexp(x);
  let m = FM;
  let e = FE;
  if (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  // log m = 2 atanh(u), u = (m - 1)/(m + 1), |u| < 0.172
  const u = ddDiv([m - 1, 0], twoSum(m, 1));
  const u2 = ddMul(u, u);
  let term = u;
  let sum = u;
  for (let k = 3; k <= 7; k += 2) {
    term = ddMul(term, u2);
    sum = ddAdd(sum, ddDivD(term, k));
  }
  let t = term[0];
  let tail = 0;
  for (let k = 9; k < 99 && Math.abs(t) > 1e-32; k += 2) {
    t *= u2[0];
    tail += t / k;
  }
  sum = ddAdd(sum, [tail, 0]);
  const lm = ddMulD(sum, 2);
  if (e === 0) return lm;
  return ddAdd(ddAdd(ddMulD(LN2_DD, e), [e * LN2D[2], 0]), lm);
}

/** x^y = exp(y log|x|), negated for a negative x and an odd integer y. */
function powViaLog(x: number, y: number): number {
  const neg = x < 0 && y % 2 !== 0;
  const t = ddMulD(ddLog(Math.abs(x)), y);
  let r: number;
  if (t[0] > 710) r = Infinity;
  else if (t[0] < -746) r = 0;
  else {
    const p = ddExpParts(t);
    r = finishDD(p[0], p[1], p[2]);
  }
  return neg ? -r : r;
}

/**
 * x^n for an integer n: binary powering in double-double with a separate
 * exponent for moderate n, exp(n log x) beyond.
 */
function powInt(x: number, n: number): number {
  if (n === 0) return 1;
  if (x !== x) return x;
  if (n === 1) return x;
  if (x === 0 || !Number.isFinite(x)) return x ** n;
  if (x === 1) return 1;
  if (x === -1) return n % 2 === 0 ? 1 : -1;
  if (Math.abs(n) > 16777216) return powViaLog(x, n);
  const negResult = x < 0 && n % 2 !== 0;
  let k = Math.abs(n);
  frexp(Math.abs(x));
  let b: DD = [FM, 0];
  let be = FE;
  let r: DD = [1, 0];
  let re = 0;
  for (;;) {
    if (k % 2 === 1) {
      r = ddMul(r, b);
      re += be;
      if (r[0] < 0.5) {
        r = [r[0] * 2, r[1] * 2];
        re -= 1;
      }
    }
    k = Math.floor(k / 2);
    if (k === 0) break;
    b = ddMul(b, b);
    be *= 2;
    if (b[0] < 0.5) {
      b = [b[0] * 2, b[1] * 2];
      be -= 1;
    }
  }
  if (n < 0) {
    r = ddDiv([1, 0], r);
    re = -re;
  }
  const v = re > 4000 ? Infinity : re < -4000 ? 0 : finishDD(r[0], r[1], re);
  return negResult ? -v : v;
}

/** C's pow(x, y). */
function cpow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 9007199254740992) return powInt(x, y);
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return x ** y;
  // V8's Math.pow squares repeatedly for integral y, drifting far for huge y
  if (Number.isInteger(y)) return powViaLog(x, y);
  if (x < 0) return NaN;
  return guard(powViaLog(x, y), x ** y, 1e-9);
}

/** x reduced modulo pi/2: [quadrant 0..3, remainder in about [-pi/4, pi/4]]. */
function reduceHalfPi(x: number): [number, DD] {
  const ax = Math.abs(x);
  if (ax <= 0.7853981633974483) return [0, [x, 0]];
  if (ax < 1048576) {
    const k = Math.round(x / PIO2[0]);
    twoProd(k, PIO2[0]);
    let r = ddSub([x, 0], [PH, PL]);
    twoProd(k, PIO2[1]);
    r = ddSub(r, [PH, PL]);
    r = ddSub(r, [k * PIO2[2], 0]);
    return [((k % 4) + 4) % 4, r];
  }
  // exact reduction with 1300 bits of pi/2
  frexp(x);
  const m = BigInt(FM * 9007199254740992);
  const X = m << BigInt(FE - 53 + 1300);
  const q = floorDiv(2n * X + PIO2_BIG, 2n * PIO2_BIG);
  const R = X - q * PIO2_BIG;
  const scale = 1n << PIO2_SHIFT;
  const hi = ratioToDouble(R, scale);
  const v = exactSub(makeRational(R, scale), doubleToExact(hi));
  const lo = exactToDouble(v);
  return [Number(((q % 4n) + 4n) % 4n), [hi, lo]];
}

/** sin r for |r| <= about pi/4: three terms in double-double, the tail in double. */
function ddSinSmall(r: DD, r2: DD): DD {
  let s = r;
  let t = r;
  for (let i = 2; i <= 6; i += 2) {
    t = ddDivD(ddMul(t, r2), -i * (i + 1));
    s = ddAdd(s, t);
  }
  let td = t[0];
  let tail = 0;
  for (let i = 8; i < 40 && Math.abs(td) > 1e-40; i += 2) {
    td = (td * r2[0]) / (-i * (i + 1));
    tail += td;
  }
  return ddAdd(s, [tail, 0]);
}

/** cos r for |r| <= about pi/4. */
function ddCosSmall(r2: DD): DD {
  let c: DD = [1, 0];
  let t: DD = [1, 0];
  for (let i = 2; i <= 8; i += 2) {
    t = ddDivD(ddMul(t, r2), -(i - 1) * i);
    c = ddAdd(c, t);
  }
  let td = t[0];
  let tail = 0;
  for (let i = 10; i < 40 && Math.abs(td) > 1e-40; i += 2) {
    td = (td * r2[0]) / (-(i - 1) * i);
    tail += td;
  }
  return ddAdd(c, [tail, 0]);
}

function ddNeg(x: DD): DD {
  return [-x[0], -x[1]];
}

/** sin x (which = 0) or cos x (which = 1) in double-double. */
function ddSinOrCos(x: number, which: number): DD {
  const [q, r] = reduceHalfPi(x);
  const r2 = ddMul(r, r);
  const k = (q + which) % 4;
  const v = k % 2 === 0 ? ddSinSmall(r, r2) : ddCosSmall(r2);
  return k >= 2 ? ddNeg(v) : v;
}

/** [sin x, cos x] in double-double. */
function ddSinCos(x: number): [DD, DD] {
  const [q, r] = reduceHalfPi(x);
  const r2 = ddMul(r, r);
  const s = ddSinSmall(r, r2);
  const c = ddCosSmall(r2);
  return q === 0 ? [s, c] : q === 1 ? [c, ddNeg(s)] : q === 2 ? [ddNeg(s), ddNeg(c)] : [ddNeg(c), s];
}

function accSin(x: number): number {
  if (!Number.isFinite(x) || x === 0) return Math.sin(x);
  return guard(ddSinOrCos(x, 0)[0], Math.sin(x));
}

function accCos(x: number): number {
  if (!Number.isFinite(x)) return Math.cos(x);
  return guard(ddSinOrCos(x, 1)[0], Math.cos(x));
}

function accTan(x: number): number {
  if (!Number.isFinite(x) || x === 0) return Math.tan(x);
  const [s, c] = ddSinCos(x);
  return guard(ddDiv(s, c)[0], Math.tan(x));
}

function accExp(x: number): number {
  if (!Number.isFinite(x) || x === 0) return Math.exp(x);
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  const p = ddExpParts([x, 0]);
  return guard(finishDD(p[0], p[1], p[2]), Math.exp(x));
}

function accLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x) || x === 1) return Math.log(x);
  return guard(ddLog(x)[0], Math.log(x));
}

/** atan of a double-double, as a double-double. */
function ddAtan(a: DD): DD {
  if (Math.abs(a[0]) > 1e30) return ddSub(a[0] > 0 ? PIO2_DD : [-PIO2[0], -PIO2[1]], [1 / a[0], 0]);
  const y0 = Math.atan(a[0]);
  if (y0 === 0) return a;
  const [s, c] = ddSinCos(y0);
  // atan a = y0 + atan((a cos y0 - sin y0) / (cos y0 + a sin y0))
  const num = ddSub(ddMul(a, c), s);
  const d = num[0] / (c[0] + a[0] * s[0]);
  return twoSum(y0, d - (d * d * d) / 3);
}

/** The angle of (x, y), both nonzero and finite, as a double-double. */
function ddAtan2(y: DD, x: DD): DD {
  if (Math.abs(y[0]) <= Math.abs(x[0])) {
    const t = ddAtan(ddDiv(y, x));
    if (x[0] > 0) return t;
    return y[0] >= 0 ? ddAdd(PI_DD, t) : ddSub(t, PI_DD);
  }
  const t = ddAtan(ddDiv(x, y));
  return y[0] > 0 ? ddSub(PIO2_DD, t) : ddSub([-PIO2[0], -PIO2[1]], t);
}

function accAtan(x: number): number {
  if (!Number.isFinite(x) || x === 0) return Math.atan(x);
  return guard(ddAtan([x, 0])[0], Math.atan(x));
}

function accAtan2(y: number, x: number): number {
  const js = Math.atan2(y, x);
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return js;
  if (Math.abs(y / x) < 1e-290) return js;
  return guard(ddAtan2([y, 0], [x, 0])[0], js);
}

/** sqrt(1 - x^2) for |x| < 1, in double-double. */
function ddCoSide(x: number): DD {
  return ddSqrt(ddMul(twoSum(1, -x), twoSum(1, x)));
}

function accAsin(x: number): number {
  if (!(Math.abs(x) < 1) || x === 0) return Math.asin(x);
  return guard(ddAtan2([x, 0], ddCoSide(x))[0], Math.asin(x));
}

function accAcos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  return guard(ddAtan2(ddCoSide(x), [x, 0])[0], Math.acos(x));
}

// ---------------------------------------------------------------------------
// Roots

function isqrtNumber(n: number): number {
  const s = Math.floor(Math.sqrt(n));
  return s * s > n ? s - 1 : s;
}

function isqrtBig(n: bigint): bigint {
  if (n < TWO53) return BigInt(isqrtNumber(Number(n)));
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function isqrtExact(n: ExactInteger): ExactInteger {
  return typeof n === 'number' ? isqrtNumber(n) : normBig(isqrtBig(n));
}

/** sqrt; exact for exact perfect squares (integers and rationals). */
export function sqrt(x: Num): Num {
  if (x instanceof Flonum) {
    if (x.n < 0) complexResult('sqrt', x);
    return fl(Math.sqrt(x.n));
  }
  if (isNegative(x)) complexResult('sqrt', x);
  if (typeof x === 'number') {
    const s = Math.sqrt(x);
    return Number.isInteger(s) && s * s === x ? s : fl(s);
  }
  const y = x instanceof Rational ? makeRational(toBig(isqrtExact(normBig(x.num))), toBig(isqrtExact(normBig(x.den)))) : isqrtExact(x);
  const yy = exactMul(y, y);
  if (exactCompare(yy, x) === 0) return y;
  if (isFloatable(x)) return fl(Math.sqrt(exactToDouble(x)));
  return mul(y, fl(Math.sqrt(exactToDouble(exactDiv(x, yy)))));
}

/** integer-sqrt of a nonnegative integer (exact or integral flonum). */
export function integerSqrt(x: Num): Num {
  if (x instanceof Flonum) {
    if (x.n < 0) complexResult('integer-sqrt', x);
    return fl(Math.floor(Math.sqrt(x.n)));
  }
  if (isNegative(x)) complexResult('integer-sqrt', x);
  return isqrtExact(x as ExactInteger);
}

/** integer-sqrt/remainder */
export function integerSqrtRemainder(x: Num): [Num, Num] {
  const s = integerSqrt(x);
  return [s, sub(x, mul(s, s))];
}

// ---------------------------------------------------------------------------
// Transcendental functions. Exact arguments give exact results where Racket's
// do ((sin 0) = 0, (exp 0) = 1, (log 1) = 0, ...).

function logPositiveExact(x: Exact): number {
  if (typeof x === 'number') return accLog(x);
  if (typeof x === 'bigint') {
    const len = bitLength(x);
    if (len <= 1023) return accLog(Number(x));
    return len * LN2D[0] + accLog(ratioToDouble(x, 1n << BigInt(len)));
  }
  if (isFloatable(x)) return accLog(ratioToDouble(x.num, x.den));
  return logPositiveExact(normBig(x.num)) - logPositiveExact(normBig(x.den));
}

/** log, optionally in a base: (log x b) = (/ (log x) (log b)). */
export function log(x: Num, base?: Num): Num {
  if (base !== undefined) {
    const lx = log(x);
    // an exact 0 over any nonzero logarithm (even a complex one) is 0
    if (lx === 0 && base !== 0 && base !== 1 && isNegative(base)) return 0;
    return div(lx, log(base));
  }
  if (x instanceof Flonum) {
    if (x.n < 0) complexResult('log', x);
    return fl(accLog(x.n));
  }
  if (x === 1) return 0;
  if (x === 0) divByZero('log');
  if (isNegative(x)) complexResult('log', x);
  return fl(logPositiveExact(x));
}

function trig(x: Num, f: (d: number) => number, exactZeroResult: number): Num {
  if (x instanceof Flonum) return fl(f(x.n));
  if (x === 0) return exactZeroResult;
  return fl(f(exactToDouble(x)));
}

export function exp(x: Num): Num {
  return trig(x, accExp, 1);
}
export function sin(x: Num): Num {
  return trig(x, accSin, 0);
}
export function cos(x: Num): Num {
  return trig(x, accCos, 1);
}
export function tan(x: Num): Num {
  return trig(x, accTan, 0);
}

export function asin(x: Num): Num {
  if (x === 0) return 0;
  const d = toDouble(x);
  if (d < -1 || d > 1) complexResult('asin', x);
  return fl(accAsin(d));
}

export function acos(x: Num): Num {
  if (x === 1) return 0;
  const d = toDouble(x);
  if (d < -1 || d > 1) complexResult('acos', x);
  return fl(accAcos(d));
}

/** atan of one argument, or of y and x (the angle of the point x, y). */
export function atan(y: Num, x?: Num): Num {
  if (x === undefined) return trig(y, accAtan, 0);
  if (y instanceof Flonum && x instanceof Flonum) return fl(accAtan2(y.n, x.n));
  if (typeof y === 'number' && typeof x === 'number') {
    if (y === 0) {
      if (x > 0) return 0;
      if (x < 0) return fl(Math.PI);
      undefinedFor('atan2', y, x);
    }
    return fl(accAtan2(y, x));
  }
  if (y instanceof Flonum) return fl(accAtan2(y.n, toDouble(x)));
  if (y === 0) {
    // the angle of the real number x
    if (x instanceof Flonum) {
      if (x.n !== x.n) return x;
      return x.n < 0 || Object.is(x.n, -0) ? fl(Math.PI) : 0;
    }
    return isNegative(x) ? fl(Math.PI) : 0;
  }
  if (x instanceof Flonum) return fl(accAtan2(exactToDouble(y), x.n));
  // both exact: Chez's angle of an exact complex number (Kahan's cases)
  if (exactCompare(abs(y) as Exact, abs(x) as Exact) > 0) {
    return sub(fl(Math.PI * (isNegative(y) ? -0.5 : 0.5)), atan(exactDiv(x, y)));
  }
  const a = atan(exactDiv(y, x));
  if (isNegative(x)) return isNegative(y) ? sub(a, fl(Math.PI)) : add(a, fl(Math.PI));
  return a;
}

// ---------------------------------------------------------------------------
// Bitwise operations on exact integers

function isInt32(x: number): boolean {
  return (x | 0) === x;
}

function and2(a: ExactInteger, b: ExactInteger): ExactInteger {
  if (typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b)) return a & b;
  return normBig(toBig(a) & toBig(b));
}

function ior2(a: ExactInteger, b: ExactInteger): ExactInteger {
  if (typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b)) return a | b;
  return normBig(toBig(a) | toBig(b));
}

function xor2(a: ExactInteger, b: ExactInteger): ExactInteger {
  if (typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b)) return a ^ b;
  return normBig(toBig(a) ^ toBig(b));
}

function foldBits(xs: readonly ExactInteger[], f: (a: ExactInteger, b: ExactInteger) => ExactInteger, unit: number): ExactInteger {
  if (xs.length === 2) return f(xs[0], xs[1]);
  let r: ExactInteger = unit;
  for (let i = 0; i < xs.length; i++) r = i === 0 ? xs[0] : f(r, xs[i]);
  return r;
}

/** (bitwise-and n ...): -1 for no arguments. */
export function bitwiseAnd(...xs: ExactInteger[]): ExactInteger {
  return foldBits(xs, and2, -1);
}

/** (bitwise-ior n ...): 0 for no arguments. */
export function bitwiseIor(...xs: ExactInteger[]): ExactInteger {
  return foldBits(xs, ior2, 0);
}

/** (bitwise-xor n ...): 0 for no arguments. */
export function bitwiseXor(...xs: ExactInteger[]): ExactInteger {
  return foldBits(xs, xor2, 0);
}

export function bitwiseNot(a: ExactInteger): ExactInteger {
  if (typeof a === 'number') {
    const r = -a - 1;
    return r >= -MAX_SAFE ? r : BigInt(a) ^ -1n;
  }
  return normBig(~a);
}

export function arithmeticShift(n: ExactInteger, s: ExactInteger): ExactInteger {
  if (typeof n === 'number' && typeof s === 'number') {
    if (s <= 0) {
      if (s > -32 && isInt32(n)) return n >> -s;
      if (s < -53) return n < 0 ? -1 : 0;
      return Math.floor(n / POW2[-s + 1074]);
    }
    if (s <= 1023) {
      const r = n * POW2[s + 1074];
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
    }
  }
  return shiftSlow(n, s);
}

function shiftSlow(n: ExactInteger, s: ExactInteger): ExactInteger {
  if (n === 0) return 0;
  const neg = typeof n === 'number' ? n < 0 : n < 0n;
  if (typeof s === 'bigint') {
    if (s < 0n) return neg ? -1 : 0;
    fail('unsupported', 'arithmetic-shift: out of memory');
  }
  const b = toBig(n);
  if (s < 0) return normBig(b >> BigInt(-s));
  if (bitLength(b) + s > MAX_BITS) fail('unsupported', 'arithmetic-shift: out of memory');
  return normBig(b << BigInt(s));
}

/** bitwise-bit-set? with a nonnegative bit index. */
export function bitwiseBitSet(n: ExactInteger, k: ExactInteger): boolean {
  if (typeof k === 'bigint' || k > MAX_BITS) return typeof n === 'number' ? n < 0 : n < 0n;
  if (typeof n === 'number') {
    if (k < 31 && isInt32(n)) return ((n >> k) & 1) === 1;
    if (k >= 53) return n < 0;
    return Math.floor(n / POW2[k + 1074]) % 2 !== 0;
  }
  return ((n >> BigInt(k)) & 1n) === 1n;
}

export function integerLength(n: ExactInteger): number {
  if (typeof n === 'number') {
    const m = n < 0 ? -n - 1 : n;
    if (m < 2147483648) return 32 - Math.clz32(m);
    return 64 - Math.clz32(Math.floor(m / 4294967296));
  }
  return bitLength(n < 0n ? -n - 1n : n);
}

// ---------------------------------------------------------------------------
// Printing (number->string, display, write)

/** Racket CS's flonum printing (Chez's free format: shortest round-trip digits). */
function flonumToString(d: number): string {
  if (d !== d) return '+nan.0';
  if (d === Infinity) return '+inf.0';
  if (d === -Infinity) return '-inf.0';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const s = Math.abs(d).toExponential(); // shortest digits: "d.ddde+x"
  const ePos = s.indexOf('e');
  const e = Number(s.slice(ePos + 1));
  const digits = roundTieUp(s[0] + s.slice(2, ePos), e, Math.abs(d)); // s[1] is '.' when there are more digits
  const nd = digits.length;
  if (e < -4 || (e >= 14 && e - nd >= 3)) {
    return `${sign}${digits[0]}${nd > 1 ? '.' + digits.slice(1) : ''}e${e > 0 ? '+' : ''}${e}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (nd <= e + 1) return `${sign}${digits}${'0'.repeat(e + 1 - nd)}.0`;
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

/**
 * JS picks the even candidate when the value lies exactly halfway between two
 * shortest digit strings; Chez picks the upper one.
 */
function roundTieUp(digits: string, e: number, v: number): string {
  const n = digits.length;
  const last = digits.charCodeAt(n - 1) - 48;
  if (n < 15 || last % 2 !== 0) return digits;
  frexp(v);
  const m = BigInt(FM * 9007199254740992);
  const be = FE - 53;
  const k = e - n + 1; // digits * 10^k approximates v
  let lhs = 2n * m;
  let rhs = 2n * BigInt(digits) + 1n;
  if (be >= 0) lhs <<= BigInt(be);
  else rhs <<= BigInt(-be);
  if (k >= 0) rhs *= 10n ** BigInt(k);
  else lhs *= 10n ** BigInt(-k);
  return lhs === rhs ? digits.slice(0, -1) + String(last + 1) : digits;
}

/** number->string; radix 2, 8, 10 or 16 (inexact numbers only in radix 10). */
export function numberToString(v: Num | Complex, radix = 10): string {
  if (typeof v === 'number') return radix === 10 ? String(v) : v.toString(radix);
  if (typeof v === 'bigint') return v.toString(radix);
  if (v instanceof Rational) return `${v.num.toString(radix)}/${v.den.toString(radix)}`;
  if (radix !== 10 && (v instanceof Flonum || v.re instanceof Flonum)) {
    const shown = v instanceof Flonum ? flonumToString(v.n) : numberToString(v);
    fail('contract', `number->string: inexact numbers can only be printed in base 10\n  number: ${shown}\n  requested base: ${radix}`);
  }
  if (v instanceof Flonum) return flonumToString(v.n);
  // a complex number: the imaginary part always carries its sign (+inf.0 and +nan.0 have one)
  const im = numberToString(v.im, radix);
  const c = im.charCodeAt(0);
  return `${numberToString(v.re, radix)}${c === 43 || c === 45 ? '' : '+'}${im}i`;
}

// The real functions complex.ts builds on.
export {
  accSin as flSin,
  accCos as flCos,
  accTan as flTan,
  accExp as flExp,
  accLog as flLog,
  accAtan as flAtan,
  accAtan2 as flAtan2,
  accAsin as flAsin,
  accAcos as flAcos,
  isFloatable,
  isqrtExact,
  exactToDouble,
  doubleToExact,
};

// ---------------------------------------------------------------------------
// rationalize: the simplest rational within e of x (Alan Bawden's algorithm,
// which Chez uses; inexact if either argument is)

export function rationalize(x: Num, e: Num): Num {
  const lo = sub(x, e);
  const hi = add(x, e);
  if (lt(lo, hi)) return simplestBetween(lo, hi);
  if (lt(hi, lo)) return simplestBetween(hi, lo);
  return lo;
}

/** The simplest rational in [x, y], x < y. */
function simplestBetween(x: Num, y: Num): Num {
  if (isPositive(x)) return simplestPositive(x, y);
  if (isNegative(y)) return negate(simplestPositive(negate(y), negate(x)));
  return x instanceof Flonum || y instanceof Flonum ? fl(0) : 0;
}

/** The simplest rational in [x, y], 0 < x < y. */
function simplestPositive(x: Num, y: Num): Num {
  const fx = floor(x);
  const fy = floor(y);
  if (numEquals(fx, x)) return fx;
  if (numEquals(fx, fy)) return add(fx, div(1, simplestPositive(div(1, sub(y, fy)), div(1, sub(x, fx)))));
  return add(fx, 1);
}

/**
 * The C library's functions on doubles, as Racket's flsin, flexp, flexpt ...
 * call them (racket/flonum): NaN where the real result does not exist.
 */
export const flonumMath = {
  sin: accSin,
  cos: accCos,
  tan: accTan,
  exp: accExp,
  log: accLog,
  atan: accAtan,
  asin: accAsin,
  acos: accAcos,
  pow: cpow,
  round: flRound,
};
