// racket/fixnum: arithmetic on fixnums only, as Racket CS's 61-bit fixnums
// (-2^60 .. 2^60-1). An exact integer is a JS number while it is a safe
// integer and a bigint beyond (values/numbers.ts), so a fixnum is any such
// number or a bigint up to 2^60 in magnitude; each operation takes a number
// fast path and falls back to bigints near the edges. Safe operations raise
// exn:fail:contract:non-fixnum-result where the result would not be a
// fixnum; the /wraparound ones wrap modulo 2^61.

import { checkAllocationLength, MAX_ARRAY_LENGTH } from './check.js';
import { argError } from '../errors/messages.js';
import { errorValueString } from '../errors/messages.js';
import { exnFailContractNonFixnumResultT, exnFailContractT, fail } from '../errors/exn.js';
import * as N from '../values/numbers.js';
import { FxVector, fxvectorOf } from '../values/flvectors.js';
import { Flonum, NULL, Pair, VOID, type Value } from '../values/types.js';
import { checkVectorIndex, copyRange } from './flonums.js';
import type { PrimTable } from './table.js';

type Fx = number | bigint;

const MAX = Number.MAX_SAFE_INTEGER;
const FX_MAX = 2n ** 60n - 1n;
const FX_MIN = -(2n ** 60n);

export function isFx(v: Value): v is Fx {
  return typeof v === 'number' || (typeof v === 'bigint' && v >= FX_MIN && v <= FX_MAX);
}

export function checkFx(who: string, v: Value): Fx {
  if (typeof v === 'number' || isFx(v)) return v as Fx;
  return argError(who, 'fixnum?', v);
}

function overflow(who: string, a: Fx, b: Fx): never {
  return fail(exnFailContractNonFixnumResultT, `${who}: fixnum overflow with arguments ${a} and ${b}`);
}

function overflowComputing(who: string, ...args: Fx[]): never {
  return fail(exnFailContractNonFixnumResultT, `${who}: fixnum overflow computing '(${who} ${args.join(' ')})`);
}

/** A bigint result as a fixnum value, or null when it is out of range. */
function fit(r: bigint): Fx | null {
  return r >= FX_MIN && r <= FX_MAX ? N.normBig(r) : null;
}

/** Wraps a result modulo 2^61 into the fixnum range. */
function wrap(r: bigint): Fx {
  return N.normBig(BigInt.asIntN(61, r));
}

function add2(who: string, a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return fit(BigInt(a) + BigInt(b)) ?? overflow(who, a, b);
}

function sub2(who: string, a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= -MAX) return r;
  }
  return fit(BigInt(a) - BigInt(b)) ?? overflow(who, a, b);
}

function mul2(who: string, a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX && r >= -MAX) return r + 0;
  }
  return fit(BigInt(a) * BigInt(b)) ?? overflow(who, a, b);
}

function fold(who: string, unit: Fx, op: (who: string, a: Fx, b: Fx) => Fx) {
  return function (a?: Value, b?: Value): Value {
    if (arguments.length === 2) return op(who, checkFx(who, a), checkFx(who, b));
    let acc = unit;
    for (let i = 0; i < arguments.length; i++) acc = op(who, acc, checkFx(who, arguments[i]));
    return acc;
  };
}

function minusFold(a: Value, b?: Value): Value {
  if (arguments.length === 2) return sub2('fx-', checkFx('fx-', a), checkFx('fx-', b));
  const first = checkFx('fx-', a);
  if (arguments.length === 1) return sub2('fx-', 0, first);
  let acc = first;
  for (let i = 1; i < arguments.length; i++) acc = sub2('fx-', acc, checkFx('fx-', arguments[i]));
  return acc;
}

function compareFx(a: Fx, b: Fx): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;
}

/** fx=, fx<, ...: every argument is checked, then each neighbouring pair compared. */
function fxCompare(who: string, test: (c: number) => boolean) {
  return function (a: Value, b?: Value): Value {
    if (arguments.length === 2 && typeof a === 'number' && typeof b === 'number') return test(a - b);
    const xs: Fx[] = [];
    for (let i = 0; i < arguments.length; i++) xs.push(checkFx(who, arguments[i]));
    for (let i = 0; i + 1 < xs.length; i++) if (!test(compareFx(xs[i], xs[i + 1]))) return false;
    return true;
  };
}

function extreme(who: string, better: (c: number) => boolean) {
  return (...args: Value[]): Value => {
    let acc = checkFx(who, args[0]);
    for (let i = 1; i < args.length; i++) {
      const x = checkFx(who, args[i]);
      if (better(compareFx(x, acc))) acc = x;
    }
    return acc;
  };
}

const isInt32 = (x: Fx): x is number => typeof x === 'number' && (x | 0) === x;

function bitwise(who: string, unit: number, op32: (a: number, b: number) => number, opBig: (a: bigint, b: bigint) => bigint) {
  return (...args: Value[]): Value => {
    let acc: Fx = unit;
    for (const v of args) {
      const x = checkFx(who, v);
      acc = isInt32(acc) && isInt32(x) ? op32(acc, x) : N.normBig(opBig(BigInt(acc), BigInt(x)));
    }
    return acc;
  };
}

function division(who: string, op: (a: Fx, b: Fx) => Fx) {
  return (a: Value, b: Value): Value => {
    const x = checkFx(who, a);
    const y = checkFx(who, b);
    if (y === 0) fail(exnFailContractT, `${who}: attempt to divide by zero`);
    return op(x, y);
  };
}

function quotient(a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') return (a - (a % b)) / b + 0;
  return fit(BigInt(a) / BigInt(b)) ?? overflowComputing('fxquotient', a, b);
}

function remainder(a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  return N.normBig(BigInt(a) % BigInt(b));
}

function modulo(a: Fx, b: Fx): Fx {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r + 0;
  }
  const [x, y] = [BigInt(a), BigInt(b)];
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) r += y;
  return N.normBig(r);
}

/** A shift count: a fixnum, and then one of 0 .. 60. */
function shiftCount(who: string, v: Value): number {
  const n = checkFx(who, v);
  if (typeof n === 'number' && n >= 0 && n <= 60) return n;
  return fail(exnFailContractT, `${who}: invalid shift count ${n}`);
}

function popcount(x: bigint): number {
  let n = 0;
  for (; x > 0n; x >>= 1n) if (x & 1n) n++;
  return n;
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function checkFxVector(who: string, v: Value): FxVector {
  if (v instanceof FxVector) return v;
  return argError(who, 'fxvector?', v);
}

function fxvectorFrom(who: string, args: readonly Value[]): FxVector {
  return fxvectorOf(args.map((a) => checkFx(who, a)));
}

export function installFixnums(t: PrimTable): void {
  t.in('racket/fixnum', () => {
    t.fn('fx+', 0, -1, fold('fx+', 0, add2));
    t.fn('fx*', 0, -1, fold('fx*', 1, mul2));
    t.fn('fx-', 1, -1, minusFold);
    const wrapping = (name: string, op: (a: bigint, b: bigint) => bigint) =>
      t.fn(name, 2, 2, (a: Value, b: Value) => wrap(op(BigInt(checkFx(name, a)), BigInt(checkFx(name, b)))));
    wrapping('fx+/wraparound', (a, b) => a + b);
    wrapping('fx-/wraparound', (a, b) => a - b);
    wrapping('fx*/wraparound', (a, b) => a * b);
    t.fn('fxquotient', 2, 2, division('fxquotient', quotient));
    t.fn('fxremainder', 2, 2, division('fxremainder', remainder));
    t.fn('fxmodulo', 2, 2, division('fxmodulo', modulo));
    t.fn('fxabs', 1, 1, (v: Value) => {
      const x = checkFx('fxabs', v);
      if (typeof x === 'number') return Math.abs(x);
      return fit(x < 0n ? -x : x) ?? overflowComputing('fxabs', x);
    });
    t.fn(
      'fxand',
      0,
      -1,
      bitwise(
        'fxand',
        -1,
        (a, b) => a & b,
        (a, b) => a & b,
      ),
    );
    t.fn(
      'fxior',
      0,
      -1,
      bitwise(
        'fxior',
        0,
        (a, b) => a | b,
        (a, b) => a | b,
      ),
    );
    t.fn(
      'fxxor',
      0,
      -1,
      bitwise(
        'fxxor',
        0,
        (a, b) => a ^ b,
        (a, b) => a ^ b,
      ),
    );
    t.fn('fxnot', 1, 1, (v: Value) => {
      const x = checkFx('fxnot', v);
      return isInt32(x) ? ~x : N.normBig(-BigInt(x) - 1n);
    });
    t.fn('fxlshift', 2, 2, (a: Value, b: Value) => {
      const x = checkFx('fxlshift', a);
      const n = shiftCount('fxlshift', b);
      return fit(BigInt(x) << BigInt(n)) ?? overflow('fxlshift', x, n);
    });
    t.fn('fxlshift/wraparound', 2, 2, (a: Value, b: Value) => {
      const x = checkFx('fxlshift/wraparound', a);
      const n = checkFx('fxlshift/wraparound', b);
      if (typeof n !== 'number' || n < 0 || n > 63) return fail(exnFailContractT, `fxlshift/wraparound: invalid shift count ${n}`);
      return wrap(BigInt(x) << BigInt(n));
    });
    t.fn('fxrshift', 2, 2, (a: Value, b: Value) => {
      const x = checkFx('fxrshift', a);
      const n = shiftCount('fxrshift', b);
      return isInt32(x) && n < 32 ? x >> n : N.normBig(BigInt(x) >> BigInt(n));
    });
    t.fn('fxpopcount', 1, 1, (v: Value) => {
      const x = checkFx('fxpopcount', v);
      if (x < 0) return argError('fxpopcount', 'non-negative-fixnum?', v);
      return typeof x === 'number' && x < 2 ** 32 ? popcount32(x) : popcount(BigInt(x));
    });
    t.fn('fxpopcount32', 1, 1, (v: Value) =>
      typeof v === 'number' && v >= 0 && v < 2 ** 32 ? popcount32(v) : argError('fxpopcount32', '32-bit-fixnum?', v),
    );
    t.fn('fxpopcount16', 1, 1, (v: Value) =>
      typeof v === 'number' && v >= 0 && v < 2 ** 16 ? popcount32(v) : argError('fxpopcount16', '16-bit-fixnum?', v),
    );
    t.fn(
      'fx=',
      1,
      -1,
      fxCompare('fx=', (c) => c === 0),
    );
    t.fn(
      'fx<',
      1,
      -1,
      fxCompare('fx<', (c) => c < 0),
    );
    t.fn(
      'fx>',
      1,
      -1,
      fxCompare('fx>', (c) => c > 0),
    );
    t.fn(
      'fx<=',
      1,
      -1,
      fxCompare('fx<=', (c) => c <= 0),
    );
    t.fn(
      'fx>=',
      1,
      -1,
      fxCompare('fx>=', (c) => c >= 0),
    );
    t.fn(
      'fxmin',
      1,
      -1,
      extreme('fxmin', (c) => c < 0),
    );
    t.fn(
      'fxmax',
      1,
      -1,
      extreme('fxmax', (c) => c > 0),
    );
    t.fn('fx->fl', 1, 1, (v: Value) => new Flonum(Number(checkFx('fx->fl', v))));
    t.fn('fl->fx', 1, 1, (v: Value) => {
      if (!(v instanceof Flonum)) return argError('fl->fx', 'flonum?', v);
      const x = Math.trunc(v.n);
      // 2^60 itself is out of range; -2^60 is the most negative fixnum.
      if (x >= -(2 ** 60) && x < 2 ** 60) return N.toExact(new Flonum(x + 0)) as Fx;
      return fail(exnFailContractT, `fl->fx: result for ${errorValueString(v)} would be outside of fixnum range`);
    });
    t.fn('fixnum-for-every-system?', 1, 1, (v: Value) => typeof v === 'number' && v >= -(2 ** 29) && v < 2 ** 29);
    t.fn('most-positive-fixnum', 0, 0, () => FX_MAX);
    t.fn('most-negative-fixnum', 0, 0, () => FX_MIN);

    t.fn('fxvector?', 1, 1, (v: Value) => v instanceof FxVector);
    t.fn('fxvector', 0, -1, (...args: Value[]) => fxvectorFrom('fxvector', args));
    t.fn('shared-fxvector', 0, -1, (...args: Value[]) => fxvectorFrom('shared-fxvector', args));
    const make = (who: string) =>
      t.fn(who, 1, 2, (n: Value, x: Value = 0) => {
        // A valid length is a fixnum; only one the host cannot allocate is out of memory.
        if (typeof n === 'bigint' && n > FX_MAX) return argError(who, 'valid-fxvector-length?', n);
        const len = checkAllocationLength(who, 'valid-fxvector-length?', 'fxvector', MAX_ARRAY_LENGTH, n);
        return fxvectorOf(new Array<Fx>(len).fill(checkFx(who, x)));
      });
    make('make-fxvector');
    make('make-shared-fxvector');
    t.fn('fxvector-length', 1, 1, (v: Value) => checkFxVector('fxvector-length', v).items.length);
    t.fn('fxvector-ref', 2, 2, (v: Value, k: Value) => {
      const vec = checkFxVector('fxvector-ref', v);
      return vec.items[checkVectorIndex('fxvector-ref', 'fxvector', vec, v, k)];
    });
    t.fn('fxvector-set!', 3, 3, (v: Value, k: Value, x: Value) => {
      const vec = checkFxVector('fxvector-set!', v);
      const i = checkVectorIndex('fxvector-set!', 'fxvector', vec, v, k);
      vec.items[i] = checkFx('fxvector-set!', x);
      return VOID;
    });
    t.fn('fxvector-copy', 1, 3, (v: Value, start: Value = 0, end?: Value) => {
      const vec = checkFxVector('fxvector-copy', v);
      const [s, e] = copyRange('fxvector-copy', 'fxvector', v, vec.items.length, start, end ?? vec.items.length);
      return fxvectorOf(vec.items.slice(s, e));
    });
  });

  // An (in-fxvector v) clause: its check, and the loop's length and element.
  t.internalFn('check-in-fxvector', 1, 1, (v: Value) => (v instanceof FxVector ? v : argError('in-fxvector*', 'fxvector', v)));
  t.internalFn('fxvector-length-of', 1, 1, (v: Value) => (v as FxVector).items.length);
  t.internalFn('fxvector-ref-at', 2, 2, (v: Value, i: Value) => (v as FxVector).items[i as number]);
  // for/fxvector's helpers (see flvector-collect in flonums.ts).
  t.internalFn('fxvector-collect', 3, 3, (acc: Value, x: Value, who: Value) => {
    if (!isFx(x)) argError(String((who as { name: string }).name), 'fixnum?', x);
    return new Pair(x, acc);
  });
  t.internalFn('fxvector-collected', 1, 1, (acc: Value) => {
    const xs: Fx[] = [];
    for (let p = acc; p !== NULL; p = (p as Pair).cdr) xs.push((p as Pair).car as Fx);
    return fxvectorOf(xs.reverse());
  });
  t.internalFn('fxvector-make', 3, 3, (n: Value, fill: Value, who: Value) => {
    const name = String((who as { name: string }).name);
    if (!N.isExactNonnegativeInteger(n)) argError(name, 'exact-nonnegative-integer?', n);
    return fxvectorOf(new Array<Fx>(Number(n)).fill(checkFx('make-fxvector', fill)));
  });
  t.internalFn('fxvector-fill!', 3, 3, (v: Value, k: Value, x: Value) => {
    (v as FxVector).items[k as number] = checkFx('for*/vector', x);
    return VOID;
  });
}
