// Racket's printed form of numbers.
//
// This is the printer's private stand-in for `numberToString(v, 10)` from
// src/values/numbers.ts (being written separately). Everything the printer
// needs from numbers goes through `formatNumber` and `isNumber`, so swapping
// in the shared implementation later is a one-file change.

import { Flonum, Rational, type Value } from '../values/types.js';

/** True for every value the printer treats as a number. */
export function isNumber(v: Value): v is number | bigint | Flonum | Rational {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof Flonum || v instanceof Rational;
}

/**
 * The decimal text Racket (8.7, CS) prints for a number: `display`, `write`
 * and `print` all agree on numbers.
 *
 * Exact integers are JS numbers (safe integers) or bigints; a JS number that
 * is not an integer should not occur, but is printed as a flonum rather than
 * as something unreadable.
 */
export function formatNumber(v: number | bigint | Flonum | Rational): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return Object.is(v, -0) ? '0' : String(v);
    return formatFlonum(v);
  }
  if (v instanceof Flonum) return formatFlonum(v.n);
  return `${v.num.toString()}/${v.den.toString()}`;
}

/**
 * Racket CS prints a flonum with the shortest digit string that reads back
 * as the same double (JS's `toExponential()` with no argument gives exactly
 * those digits), then chooses between positional and exponential notation.
 * With `d` the shortest digits (n of them) and `x` the decimal exponent of
 * the first digit (value = d0.d1d2... * 10^x), Racket prints positionally
 * exactly when
 *
 *     -4 <= x < max(14, n + 3)
 *
 * i.e. small numbers down to 0.0001, and large ones as long as at most three
 * zeros must be padded before the decimal point once x reaches 14
 * (`10000000000000.0` but `1e+14`, `123456789012340.0`).
 * Exponential form is `d0[.d1...]e[+|-]x` with no exponent padding
 * (`1e-7`, `1e+21`, `1.5e+300`). Positional form always has a digit on both
 * sides of the point (`100.0`, `0.001`).
 */
export function formatFlonum(x: number): string {
  if (Number.isNaN(x)) return '+nan.0';
  if (x === Infinity) return '+inf.0';
  if (x === -Infinity) return '-inf.0';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const ax = Math.abs(x);
  const e = ax.toExponential(); // shortest round-trip digits
  const ePos = e.indexOf('e');
  let digits = e.slice(0, ePos).replace('.', '');
  let exp = Number(e.slice(ePos + 1));
  // When the double lies exactly halfway between two shortest candidates,
  // JS picks the even last digit, Chez's free-format algorithm the higher
  // one. Such ties need 16+ digits, so shorter results are never affected.
  if (digits.length >= 16 && isExactTie(ax, digits, exp)) {
    const up = (BigInt(digits) + 1n).toString();
    if (up.length > digits.length) exp += 1;
    digits = up.replace(/0+$/, '');
  }
  const n = digits.length;
  if (exp >= -4 && exp < Math.max(14, n + 3)) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    if (n <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - n)}.0`;
    return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  const mantissa = n === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mantissa}e${exp > 0 ? '+' : ''}${exp}`;
}

/**
 * Is `x` (positive, finite) exactly the midpoint between `digits` * 10^k and
 * (`digits` + 1) * 10^k, where the first digit has decimal exponent `exp`?
 * Compares m * 2^q * 2 with (2 * digits + 1) * 10^k in exact integers.
 */
function isExactTie(x: number, digits: string, exp: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const m = biased === 0 ? frac : frac | 0x10000000000000n;
  const q = (biased === 0 ? 1 : biased) - 1075;
  let left = m;
  let right = 2n * BigInt(digits) + 1n;
  const twoExp = q + 1;
  const tenExp = exp - digits.length + 1;
  if (twoExp >= 0) left <<= BigInt(twoExp);
  else right <<= BigInt(-twoExp);
  if (tenExp >= 0) right *= 10n ** BigInt(tenExp);
  else left *= 10n ** BigInt(-tenExp);
  return left === right;
}
