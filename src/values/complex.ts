// The whole numeric tower: the reals of numbers.ts and the non-real complex
// numbers (`Complex` in types.ts), as Racket CS 8.7 (Chez Scheme) computes
// them. Every operation here first asks whether a complex number is
// involved and otherwise hands its arguments to the real operation, so real
// arithmetic pays one or two `instanceof` tests.
//
// As in Chez, an operation on complex numbers works on the parts with the
// real operations and puts the result together with `rect` (which is
// `make-rectangular`): an exact zero imaginary part gives a real, and an
// inexact part makes both parts inexact. The elementary functions of
// inexact complex numbers follow W. Kahan's "Branch Cuts for Complex
// Elementary Functions", the algorithms Chez uses.

import * as N from './numbers.js';
import { Complex, Flonum, Rational } from './types.js';

export type Num = N.Num;
/** Any number: a real or a non-real complex number. */
export type Z = N.Num | Complex;

const fl = (n: number): Flonum => new Flonum(n);
const PI = fl(Math.PI);

function fail(kind: N.NumberErrorKind, message: string): never {
  throw new N.NumberError(kind, message);
}

function undefinedFor(who: string, ...vals: Z[]): never {
  const what = vals.length === 1 ? N.numberToString(vals[0]) : `values ${vals.map((v) => N.numberToString(v)).join(' and ')}`;
  fail('divide-by-zero', `${who}: undefined for ${what}`);
}

// ---------------------------------------------------------------------------
// Construction and parts

/** make-rectangular of two reals. */
export function rect(re: Num, im: Num): Z {
  if (im instanceof Flonum) return new Complex(re instanceof Flonum ? re : N.toInexact(re), im);
  if (im === 0) return re;
  if (re instanceof Flonum) return new Complex(re, N.toInexact(im));
  return new Complex(re, im);
}

/** A complex number from two flonum parts (kept complex even when the imaginary part is 0.0). */
function cfl(re: number, im: number): Complex {
  return new Complex(fl(re), fl(im));
}

export function realPart(z: Z): Num {
  return z instanceof Complex ? z.re : z;
}

export function imagPart(z: Z): Num {
  return z instanceof Complex ? z.im : 0;
}

/** make-polar of two reals. */
export function makePolar(m: Num, a: Num): Z {
  if (a === 0) return m;
  if (m === 0) return 0;
  return rect(N.mul(m, N.cos(a)), N.mul(m, N.sin(a)));
}

export function isExact(z: Z): boolean {
  return z instanceof Complex ? !(z.re instanceof Flonum) : !(z instanceof Flonum);
}

export function isZero(z: Z): boolean {
  if (z instanceof Complex) return N.isZero(z.re) && N.isZero(z.im);
  return N.isZero(z);
}

export function toInexact(z: Z): Z {
  if (z instanceof Complex) return z.re instanceof Flonum ? z : new Complex(N.toInexact(z.re), N.toInexact(z.im));
  return N.toInexact(z);
}

export function toExact(z: Z): Z {
  if (z instanceof Complex) return rect(N.toExact(z.re), N.toExact(z.im));
  return N.toExact(z);
}

export function conjugate(z: Z): Z {
  return z instanceof Complex ? new Complex(z.re, N.negate(z.im)) : z;
}

// ---------------------------------------------------------------------------
// Arithmetic

export function add(a: Z, b: Z): Z {
  if (a instanceof Complex || b instanceof Complex) return rect(N.add(realPart(a), realPart(b)), N.add(imagPart(a), imagPart(b)));
  return N.add(a, b);
}

export function sub(a: Z, b: Z): Z {
  if (a instanceof Complex || b instanceof Complex) return rect(N.sub(realPart(a), realPart(b)), N.sub(imagPart(a), imagPart(b)));
  return N.sub(a, b);
}

export function negate(a: Z): Z {
  return a instanceof Complex ? rect(N.negate(a.re), N.negate(a.im)) : N.negate(a);
}

export function mul(a: Z, b: Z): Z {
  if (a instanceof Complex) {
    if (b instanceof Complex) {
      return rect(N.sub(N.mul(a.re, b.re), N.mul(a.im, b.im)), N.add(N.mul(a.re, b.im), N.mul(a.im, b.re)));
    }
    return rect(N.mul(a.re, b), N.mul(a.im, b));
  }
  if (b instanceof Complex) return rect(N.mul(a, b.re), N.mul(a, b.im));
  return N.mul(a, b);
}

/**
 * `/`; the caller has ruled out an exact 0 divisor. Division by a complex
 * number is Smith's algorithm. (Racket 8.7 sometimes rounds the last bit of
 * a quotient of two inexact complex numbers differently.)
 */
export function div(a: Z, b: Z): Z {
  if (!(b instanceof Complex)) {
    if (a instanceof Complex) return rect(N.div(a.re, b), N.div(a.im, b));
    return N.div(a, b);
  }
  const c = b.re;
  const d = b.im;
  const ar = realPart(a);
  const ai = imagPart(a);
  if (N.compare(N.abs(c), N.abs(d)) >= 0) {
    const r = N.div(d, c);
    const den = N.add(c, N.mul(r, d));
    if (!(a instanceof Complex)) return rect(N.div(ar, den), N.div(N.negate(N.mul(ar, r)), den));
    return rect(N.div(N.add(ar, N.mul(ai, r)), den), N.div(N.sub(ai, N.mul(ar, r)), den));
  }
  const r = N.div(c, d);
  const den = N.add(d, N.mul(r, c));
  if (!(a instanceof Complex)) return rect(N.div(N.mul(ar, r), den), N.div(N.negate(ar), den));
  return rect(N.div(N.add(N.mul(ar, r), ai), den), N.div(N.sub(N.mul(ai, r), ar), den));
}

/** = of two numbers. */
export function numEquals(a: Z, b: Z): boolean {
  if (a instanceof Complex || b instanceof Complex) {
    return N.numEquals(realPart(a), realPart(b)) && N.numEquals(imagPart(a), imagPart(b));
  }
  return N.numEquals(a, b);
}

// ---------------------------------------------------------------------------
// Magnitude and angle

export function magnitude(z: Z): Num {
  if (!(z instanceof Complex)) return N.abs(z);
  if (z.re instanceof Flonum) return fl(Math.hypot(z.re.n, (z.im as Flonum).n));
  return sqrt(N.add(N.mul(z.re, z.re), N.mul(z.im, z.im))) as Num;
}

/** angle; an exact 0 has none. */
export function angle(z: Z): Num {
  if (z instanceof Complex) {
    if (z.re instanceof Flonum) return fl(N.flAtan2((z.im as Flonum).n, z.re.n));
    return exactAngle(z.re, z.im as N.Exact);
  }
  if (z instanceof Flonum) {
    if (z.n !== z.n) return z;
    return z.n < 0 || Object.is(z.n, -0) ? PI : 0;
  }
  const s = N.compare(z, 0);
  if (s === 0) fail('divide-by-zero', 'angle: division by zero');
  return s < 0 ? PI : 0;
}

/** The angle of an exact complex number through one-argument atan, with Kahan's cases. */
function exactAngle(x: N.Exact, y: N.Exact): Num {
  if (N.compare(N.abs(y), N.abs(x)) > 0) return N.sub(fl(Math.PI * (N.isNegative(y) ? -0.5 : 0.5)), N.atan(N.div(x, y)));
  const a = N.atan(N.div(y, x));
  if (N.isNegative(x)) return N.isNegative(y) ? N.sub(a, PI) : N.add(a, PI);
  return a;
}

// ---------------------------------------------------------------------------
// Flonum complex functions (Kahan). A flonum argument stands for x+0.0i.

type CF = [number, number];

const LOG_OMEGA = Math.log(Number.MAX_VALUE);
const ACOSH_OMEGA = Math.acosh(Number.MAX_VALUE);
const SQRT_OMEGA = Math.sqrt(Number.MAX_VALUE);
const LN2 = Math.log(2);
const isNegated = (x: number): boolean => x < 0 || Object.is(x, -0);

function cfMagnitudeLog(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const f = (p: number, q: number) => {
    const r = q / p;
    return N.flLog(p) + 0.5 * Math.log1p(r * r);
  };
  if (ax > ay) return f(ax, ay);
  if (ax < ay) return f(ay, ax);
  if (ax === ay) return N.flLog(ax) + 0.5 * LN2;
  if (ax === Infinity) return ax;
  if (ay === Infinity) return ay;
  return ax !== ax ? ax : ay;
}

function cfLog(x: number, y: number): CF {
  return [cfMagnitudeLog(x, y), N.flAtan2(y, x)];
}

function cfSqrt(x: number, y: number): CF {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  let a: number;
  if (ax > ay) {
    const r = ay / ax;
    a = Math.sqrt(ax) * Math.sqrt(0.5 * (Math.sqrt(1 + r * r) + 1));
  } else if (ax < ay) {
    const r = ax / ay;
    a = Math.sqrt(ay) * Math.sqrt(0.5 * (Math.sqrt(r * r + 1) + r));
  } else if (ax === ay) a = Math.sqrt(ax) * Math.sqrt(0.5 * (Math.sqrt(2) + 1));
  else if (ax === Infinity) a = ax;
  else if (ay === Infinity) a = ay;
  else a = ax !== ax ? ax : ay;
  if (a === 0) return [a, y];
  const b = ay === Infinity ? y : (y / a) * 0.5;
  if (x < 0) return [Math.abs(b), isNegated(y) ? -a : a];
  return [a, b];
}

function cfExp(a: number, b: number): CF {
  if (b === 0) return [N.flExp(a), b];
  if (a <= LOG_OMEGA) {
    const ea = N.flExp(a);
    return [ea * N.flCos(b), ea * N.flSin(b)];
  }
  const part = (t: number) => (t < 0 ? -N.flExp(a + N.flLog(-t)) : N.flExp(a + N.flLog(t)));
  return [part(N.flCos(b)), part(N.flSin(b))];
}

const cfAdd = (p: CF, q: CF): CF => [p[0] + q[0], p[1] + q[1]];
const cfSub = (p: CF, q: CF): CF => [p[0] - q[0], p[1] - q[1]];
const cfScale = (k: number, p: CF): CF => [k * p[0], k * p[1]];
const cfNeg = (p: CF): CF => [-p[0], -p[1]];
const cfTimesI = (p: CF): CF => [-p[1], p[0]];
const cfOverI = (p: CF): CF => [p[1], -p[0]];

function cfSlowSinh(z: CF): CF {
  const f = (w: CF, negW: CF) => cfSub(cfExp(w[0] - LN2, w[1]), cfScale(0.5, cfExp(negW[0], negW[1])));
  return z[0] < 0 ? cfNeg(f(cfNeg(z), z)) : f(z, cfNeg(z));
}

function cfSlowCosh(z: CF): CF {
  const f = (w: CF, negW: CF) => cfAdd(cfExp(w[0] - LN2, w[1]), cfScale(0.5, cfExp(negW[0], negW[1])));
  return z[0] < 0 ? f(cfNeg(z), z) : f(z, cfNeg(z));
}

function cfSin(a: number, b: number): CF {
  if (Math.abs(b) <= ACOSH_OMEGA) return [N.flSin(a) * Math.cosh(b), N.flCos(a) * Math.sinh(b)];
  return cfOverI(cfSlowSinh(cfTimesI([a, b])));
}

function cfCos(a: number, b: number): CF {
  if (Math.abs(b) <= ACOSH_OMEGA) return [N.flCos(a) * Math.cosh(b), -(N.flSin(a) * Math.sinh(b))];
  return cfSlowCosh(cfTimesI([a, b]));
}

function cfTanh(x: number, y: number): CF {
  if (Math.abs(x) > ACOSH_OMEGA / 4) return [isNegated(x) ? -1 : 1, isNegated(y) ? -0 : 0];
  const t = N.flTan(y);
  const s = Math.sinh(x);
  const beta = 1 + t * t;
  const ss = s * s;
  const rho = Math.sqrt(1 + ss);
  if (t === Infinity || t === -Infinity) return [rho / s, 1 / t];
  const k = 1 / (1 + beta * ss);
  return [beta * rho * s * k, t * k];
}

function cfTan(a: number, b: number): CF {
  const w = cfTimesI([a, b]);
  return cfOverI(cfTanh(w[0], w[1]));
}

function cfAsin(x: number, y: number, real: boolean): CF {
  const [a, b] = cfSqrt(1 - x, real ? 0 : -y);
  const [c, d] = cfSqrt(1 + x, y);
  return [N.flAtan2(x, real ? 0 : a * c - b * d), Math.asinh(a * d - b * c)];
}

function cfAcos(x: number, y: number, real: boolean): CF {
  const [a, b] = cfSqrt(1 - x, real ? 0 : -y);
  const [c, d] = cfSqrt(1 + x, y);
  return [2 * N.flAtan2(a, c), Math.asinh(b * c - a * d)];
}

function cfAtanh(x0: number, y0: number): CF {
  const theta = SQRT_OMEGA / 4;
  const rho = 1 / theta;
  const halfPi = N.flAtan2(1, 0);
  const f = (x: number, y: number): CF => {
    const ay = Math.abs(y);
    if (x > theta || ay > theta) {
      const re = x >= ay ? 1 / (x + (y / x) * y) : x / y / (y + (x / y) * x);
      return [re, isNegated(y) ? halfPi : -halfPi];
    }
    if (x === 1) {
      const k = ay + rho;
      return [N.flLog(Math.sqrt(Math.sqrt(4 + y * y)) / Math.sqrt(k)), (halfPi + N.flAtan(k / 2)) / (isNegated(y) ? 2 : -2)];
    }
    const oneMinusX = 1 - x;
    const k = (ay + rho) * (ay + rho);
    return [Math.log1p((4 * x) / (oneMinusX * oneMinusX + k)) / 4, N.flAtan2(2 * y, oneMinusX * (1 + x) - k) / -2];
  };
  return isNegated(x0) ? cfNeg(f(-x0, y0)) : f(x0, -y0);
}

function cfAtan(a: number, b: number): CF {
  const w = cfTimesI([a, b]);
  return cfOverI(cfAtanh(w[0], w[1]));
}

/** The flonum parts of an inexact view of z. */
function parts(z: Z): CF {
  if (z instanceof Complex) return [N.toDouble(z.re), N.toDouble(z.im)];
  return [N.toDouble(z), 0];
}

const fromCF = (p: CF): Complex => cfl(p[0], p[1]);

// ---------------------------------------------------------------------------
// Roots, exponentials and logarithms

/** Chez's exact-sqrt: the exact root when there is one, else an exact approximation. */
function exactSqrt(x: N.Exact | Complex): Z {
  if (typeof x === 'number' || typeof x === 'bigint') {
    return N.isNegative(x) ? rect(0, N.isqrtExact(N.negate(x) as N.ExactInteger)) : N.isqrtExact(x);
  }
  if (x instanceof Rational) return div(exactSqrt(N.normBig(x.num)), exactSqrt(N.normBig(x.den)));
  const re = x.re as N.Exact;
  const ssq = exactSqrt(N.add(N.mul(re, re), N.mul(x.im, x.im)) as N.Exact) as N.Exact;
  let ip = exactSqrt(N.div(N.sub(ssq, re), 2) as N.Exact) as Num;
  const rp = exactSqrt(N.div(N.add(ssq, re), 2) as N.Exact) as Num;
  if (N.isNegative(x.im)) ip = N.negate(ip);
  return rect(rp, ip);
}

function isFloatableZ(z: Z): boolean {
  if (z instanceof Complex) return z.re instanceof Flonum || (N.isFloatable(z.re as N.Exact) && N.isFloatable(z.im as N.Exact));
  return z instanceof Flonum || N.isFloatable(z);
}

export function sqrt(z: Z): Z {
  if (z instanceof Flonum) return z.n < 0 ? cfl(0, Math.sqrt(-z.n)) : fl(Math.sqrt(z.n));
  if (z instanceof Complex) {
    if (z.re instanceof Flonum) return fromCF(cfSqrt(z.re.n, (z.im as Flonum).n));
  } else if (!N.isNegative(z)) return N.sqrt(z);
  const y = exactSqrt(z as N.Exact | Complex);
  const yy = mul(y, y);
  if (numEquals(yy, z)) return y;
  if (isFloatableZ(z)) return sqrt(toInexact(z));
  return mul(y, sqrt(toInexact(div(z, yy))));
}

export function exp(z: Z): Z {
  if (!(z instanceof Complex)) return N.exp(z);
  return fromCF(cfExp(...parts(z)));
}

/** log of one argument. */
function log1(z: Z): Z {
  if (z instanceof Complex) {
    if (z.re instanceof Flonum) return fromCF(cfLog(z.re.n, (z.im as Flonum).n));
    return rect(N.div(N.log(N.add(N.mul(z.re, z.re), N.mul(z.im, z.im))), 2), angle(z));
  }
  if (z instanceof Flonum) return z.n < 0 ? cfl(N.flLog(-z.n), Math.PI) : N.log(z);
  if (N.isNegative(z)) return rect(N.log(N.negate(z)), PI);
  return N.log(z);
}

/** log, optionally in a base: (log z b) = (/ (log z) (log b)). */
export function log(z: Z, base?: Z): Z {
  if (base === undefined) return log1(z);
  const lz = log1(z);
  const lb = log1(base);
  if (lb === 0) fail('divide-by-zero', '/: division by zero');
  return div(lz, lb);
}

export function sin(z: Z): Z {
  return z instanceof Complex ? fromCF(cfSin(...parts(z))) : N.sin(z);
}

export function cos(z: Z): Z {
  return z instanceof Complex ? fromCF(cfCos(...parts(z))) : N.cos(z);
}

export function tan(z: Z): Z {
  return z instanceof Complex ? fromCF(cfTan(...parts(z))) : N.tan(z);
}

export function asin(z: Z): Z {
  if (z instanceof Complex) {
    const [x, y] = parts(z);
    return fromCF(cfAsin(x, y, false));
  }
  if (z === 0) return 0;
  const d = N.toDouble(z);
  if (d < -1 || d > 1) return fromCF(cfAsin(d, 0, true));
  return N.asin(z);
}

export function acos(z: Z): Z {
  if (z instanceof Complex) {
    const [x, y] = parts(z);
    return fromCF(cfAcos(x, y, false));
  }
  if (z === 1) return 0;
  const d = N.toDouble(z);
  if (d < -1 || d > 1) return fromCF(cfAcos(d, 0, true));
  return N.acos(z);
}

/** atan of one number (two-argument atan takes reals: numbers.ts). */
export function atan(z: Z): Z {
  if (!(z instanceof Complex)) return N.atan(z);
  if (!(z.re instanceof Flonum) && z.re === 0 && (z.im === 1 || z.im === -1)) undefinedFor('atan', z);
  return fromCF(cfAtan(...parts(z)));
}

// ---------------------------------------------------------------------------
// expt

/** z to an exact integer power by repeated squaring (z exact complex). */
function exactPower(z: Z, k: N.ExactInteger): Z {
  const neg = N.isNegative(k);
  let n = BigInt(neg ? (N.negate(k) as N.ExactInteger) : k);
  let base = z;
  let acc: Z = 1;
  while (n > 0n) {
    if (n & 1n) acc = mul(acc, base);
    n >>= 1n;
    if (n > 0n) base = mul(base, base);
  }
  return neg ? div(1, acc) : acc;
}

const viaLog = (x: Z, y: Z): Z => exp(mul(y, log1(x)));

export function expt(x: Z, y: Z): Z {
  if (y instanceof Complex) return exptComplexPower(x, y);
  if (x instanceof Complex) {
    if (typeof y === 'number' || typeof y === 'bigint') {
      if (y === 0) return 1;
      if (x.re instanceof Flonum) return viaLog(x, y);
      return exactPower(x, y);
    }
    if (y instanceof Flonum) return viaLog(x, y);
    if (y.num === 1n && y.den === 2n) return sqrt(x);
    if (N.isFloatable(y)) return expt(x, N.toInexact(y));
    return viaLog(x, y);
  }
  if (!N.isNegative(x) || typeof y === 'number' || typeof y === 'bigint') return N.expt(x, y);
  // a negative real base to a non-integer power
  if (y instanceof Flonum) {
    if (Number.isInteger(y.n)) return N.expt(x, y);
    if (x instanceof Flonum || !N.isFloatable(x)) return viaLog(x, y);
    return viaLog(N.toInexact(x), y);
  }
  if (y.num === 1n && y.den === 2n) return sqrt(x);
  if (N.isFloatable(y)) {
    const yd = N.toInexact(y);
    if (!Number.isInteger(yd.n)) return expt(x, yd);
  }
  return viaLog(x, y);
}

function exptComplexPower(x: Z, y: Complex): Z {
  if (x === 0) {
    if (N.isPositive(y.re)) return 0;
    undefinedFor('expt', x, y);
  }
  if (x === 1) return 1;
  if (y.re instanceof Flonum) {
    if (x instanceof Flonum && x.n === 0 && !isNegated(y.re.n)) return fl(0);
    return viaLog(x, y);
  }
  if (isFloatableZ(y)) return expt(x, toInexact(y));
  return viaLog(x, y);
}
