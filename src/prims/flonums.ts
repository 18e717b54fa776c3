// racket/flonum: arithmetic on flonums only (every argument must be a
// flonum), flvectors, and the for/flvector helpers the macros expand into.

import { checkAllocationLength, MAX_ARRAY_LENGTH } from './check.js';
import { RawText, argError, argumentsError, errorValueString, indexRangeError } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import * as N from '../values/numbers.js';
import { FlVector, flvectorOf } from '../values/flvectors.js';
import { Complex, Flonum, NULL, Pair, VOID, type Value } from '../values/types.js';
import { PseudoRandomGenerator } from './random.js';
import type { PrimTable } from './table.js';

const M = N.flonumMath;

export function checkFlonum(who: string, v: Value): number {
  if (v instanceof Flonum) return v.n;
  return argError(who, 'flonum?', v);
}

function checkFlVector(who: string, v: Value): FlVector {
  if (v instanceof FlVector) return v;
  return argError(who, 'flvector?', v);
}

/** An index into an flvector or fxvector, checked as Racket CS checks it. */
export function checkVectorIndex(who: string, kind: string, vec: { items: ArrayLike<unknown> }, v: Value, k: Value): number {
  const len = vec.items.length;
  if (typeof k === 'number' && k >= 0) {
    if (k < len) return k;
    return indexRangeError(who, kind, k, len, v);
  }
  if (typeof k === 'bigint' && k >= 0n) return indexRangeError(who, kind, k, len, v);
  return fail(
    exnFailContractT,
    `${who}: contract violation\n  expected: exact-nonnegative-integer?\n  given: ${errorValueString(k)}\n  argument position: 2nd\n  first argument...:\n   ${errorValueString(v)}`,
  );
}

/**
 * flvector-copy and fxvector-copy: `start` and `end` checked as Racket's
 * racket/private/vector-wraps.rkt checks them (its message for an end
 * before the start runs its parts together, as raise-mismatch-error makes it).
 */
export function copyRange(who: string, kind: string, v: Value, len: number, start: Value, end: Value): [number, number] {
  if (!N.isExactNonnegativeInteger(start)) argError(who, 'exact-nonnegative-integer?', start);
  if (!N.isExactNonnegativeInteger(end)) argError(who, 'exact-nonnegative-integer?', end);
  const s = Number(start);
  const e = Number(end);
  if (s <= e && e <= len) return [s, e];
  if (!(s <= len)) {
    argumentsError(
      who,
      'starting index is out of range',
      ['starting index', start],
      ['valid range', new RawText(`[0, ${len}]`)],
      [kind, v],
    );
  }
  return fail(exnFailContractT, `${who}: ${kind}"ending "${errorValueString(end)}${errorValueString(v)}${s}${len}`);
}

/** Fixed-arity fast path for two flonums, else the checked fold. */
function flFold(who: string, unit: number, op: (a: number, b: number) => number) {
  return function (a?: Value, b?: Value): Value {
    if (arguments.length === 2 && a instanceof Flonum && b instanceof Flonum) return new Flonum(op(a.n, b.n));
    let acc = unit;
    for (let i = 0; i < arguments.length; i++) acc = op(acc, checkFlonum(who, arguments[i]));
    return new Flonum(acc);
  };
}

/** fl- and fl/: one argument is the negation (reciprocal), more fold from the first. */
function flInverseFold(who: string, inverse: (a: number) => number, op: (a: number, b: number) => number) {
  return function (a: Value, b?: Value): Value {
    if (arguments.length === 2 && a instanceof Flonum && b instanceof Flonum) return new Flonum(op(a.n, b.n));
    const first = checkFlonum(who, a);
    if (arguments.length === 1) return new Flonum(inverse(first));
    let acc = first;
    for (let i = 1; i < arguments.length; i++) acc = op(acc, checkFlonum(who, arguments[i]));
    return new Flonum(acc);
  };
}

/** fl=, fl<, ...: every argument is checked, then each neighbouring pair compared. */
function flCompare(who: string, test: (a: number, b: number) => boolean) {
  return function (a: Value, b?: Value): Value {
    if (arguments.length === 2 && a instanceof Flonum && b instanceof Flonum) return test(a.n, b.n);
    const xs: number[] = [];
    for (let i = 0; i < arguments.length; i++) xs.push(checkFlonum(who, arguments[i]));
    for (let i = 0; i + 1 < xs.length; i++) if (!test(xs[i], xs[i + 1])) return false;
    return true;
  };
}

/** flmin / flmax: a NaN anywhere gives NaN. */
function flExtreme(who: string, pick: (a: number, b: number) => number) {
  return (...args: Value[]): Value => {
    let acc = checkFlonum(who, args[0]);
    for (let i = 1; i < args.length; i++) {
      const x = checkFlonum(who, args[i]);
      acc = acc !== acc || x !== x ? NaN : pick(acc, x);
    }
    return new Flonum(acc);
  };
}

const FLCOMPLEX = `(and/c complex?
                   (lambda (c) (flonum? (real-part c)))
                   (lambda (c) (flonum? (imag-part c))))`;

function checkFlComplex(who: string, v: Value): Complex {
  if (v instanceof Complex && v.re instanceof Flonum && v.im instanceof Flonum) return v;
  return argError(who, FLCOMPLEX, v);
}

export function flvectorFrom(who: string, args: readonly Value[]): FlVector {
  const items = new Float64Array(args.length);
  for (let i = 0; i < args.length; i++) items[i] = checkFlonum(who, args[i]);
  return flvectorOf(items);
}

export function installFlonums(t: PrimTable): void {
  t.in('racket/flonum', () => {
    t.fn(
      'fl+',
      0,
      -1,
      flFold('fl+', 0, (a, b) => a + b),
    );
    t.fn(
      'fl*',
      0,
      -1,
      flFold('fl*', 1, (a, b) => a * b),
    );
    t.fn(
      'fl-',
      1,
      -1,
      flInverseFold(
        'fl-',
        (a) => -a,
        (a, b) => a - b,
      ),
    );
    t.fn(
      'fl/',
      1,
      -1,
      flInverseFold(
        'fl/',
        (a) => 1 / a,
        (a, b) => a / b,
      ),
    );
    t.fn(
      'fl=',
      1,
      -1,
      flCompare('fl=', (a, b) => a === b),
    );
    t.fn(
      'fl<',
      1,
      -1,
      flCompare('fl<', (a, b) => a < b),
    );
    t.fn(
      'fl>',
      1,
      -1,
      flCompare('fl>', (a, b) => a > b),
    );
    t.fn(
      'fl<=',
      1,
      -1,
      flCompare('fl<=', (a, b) => a <= b),
    );
    t.fn(
      'fl>=',
      1,
      -1,
      flCompare('fl>=', (a, b) => a >= b),
    );
    // Of two equal arguments (0.0 and -0.0) Racket keeps the second, where Math.min and Math.max order -0.0 below 0.0.
    // biome-ignore lint/complexity/useMathMinMax: see above
    const lesser = (a: number, b: number) => (a < b ? a : b);
    // biome-ignore lint/complexity/useMathMinMax: see above
    const greater = (a: number, b: number) => (a > b ? a : b);
    t.fn('flmin', 1, -1, flExtreme('flmin', lesser));
    t.fn('flmax', 1, -1, flExtreme('flmax', greater));
    const unary = (name: string, f: (x: number) => number) =>
      t.fn(name, 1, 1, (v: Value) => new Flonum(f(v instanceof Flonum ? v.n : checkFlonum(name, v))));
    unary('flabs', Math.abs);
    unary('flsqrt', Math.sqrt);
    unary('flexp', M.exp);
    unary('fllog', M.log);
    unary('flsin', M.sin);
    unary('flcos', M.cos);
    unary('fltan', M.tan);
    unary('flasin', M.asin);
    unary('flacos', M.acos);
    unary('flatan', M.atan);
    unary('flfloor', Math.floor);
    unary('flceiling', Math.ceil);
    unary('flround', M.round);
    unary('fltruncate', Math.trunc);
    unary('flsingle', Math.fround);
    t.fn('flexpt', 2, 2, (a: Value, b: Value) => new Flonum(M.pow(checkFlonum('flexpt', a), checkFlonum('flexpt', b))));
    t.fn('flrandom', 1, 1, (g: Value) =>
      g instanceof PseudoRandomGenerator ? new Flonum(g.real()) : argError('flrandom', 'pseudo-random-generator?', g),
    );
    t.fn('->fl', 1, 1, (v: Value) => (N.isExactInteger(v) ? new Flonum(N.toDouble(v)) : argError('->fl', 'exact-integer?', v)));
    t.fn('fl->exact-integer', 1, 1, (v: Value) =>
      v instanceof Flonum && Number.isInteger(v.n) ? N.toExact(v) : argError('fl->exact-integer', '(and/c flonum? integer?)', v),
    );
    t.fn('flreal-part', 1, 1, (v: Value) => checkFlComplex('flreal-part', v).re);
    t.fn('flimag-part', 1, 1, (v: Value) => checkFlComplex('flimag-part', v).im);
    t.fn(
      'make-flrectangular',
      2,
      2,
      (a: Value, b: Value) =>
        new Complex(new Flonum(checkFlonum('make-flrectangular', a)), new Flonum(checkFlonum('make-flrectangular', b))),
    );

    t.fn('flvector?', 1, 1, (v: Value) => v instanceof FlVector);
    t.fn('flvector', 0, -1, (...args: Value[]) => flvectorFrom('flvector', args));
    t.fn('shared-flvector', 0, -1, (...args: Value[]) => flvectorFrom('shared-flvector', args));
    const make = (who: string) =>
      t.fn(who, 1, 2, (n: Value, x: Value = new Flonum(0)) => {
        const len = checkAllocationLength(who, 'valid-flvector-length?', 'flvector', MAX_ARRAY_LENGTH, n);
        return flvectorOf(new Float64Array(len).fill(checkFlonum(who, x)));
      });
    make('make-flvector');
    make('make-shared-flvector');
    t.fn('flvector-length', 1, 1, (v: Value) => checkFlVector('flvector-length', v).items.length);
    t.fn('flvector-ref', 2, 2, (v: Value, k: Value) => {
      const vec = checkFlVector('flvector-ref', v);
      return new Flonum(vec.items[checkVectorIndex('flvector-ref', 'flvector', vec, v, k)]);
    });
    t.fn('flvector-set!', 3, 3, (v: Value, k: Value, x: Value) => {
      const vec = checkFlVector('flvector-set!', v);
      const i = checkVectorIndex('flvector-set!', 'flvector', vec, v, k);
      vec.items[i] = checkFlonum('flvector-set!', x);
      return VOID;
    });
    t.fn('flvector-copy', 1, 3, (v: Value, start: Value = 0, end?: Value) => {
      const vec = checkFlVector('flvector-copy', v);
      const [s, e] = copyRange('flvector-copy', 'flvector', v, vec.items.length, start, end ?? vec.items.length);
      return flvectorOf(vec.items.slice(s, e));
    });
  });

  // An (in-flvector v) clause: its check, and the loop's length and element.
  t.internalFn('check-in-flvector', 1, 1, (v: Value) => (v instanceof FlVector ? v : argError('in-flvector*', 'flvector', v)));
  t.internalFn('flvector-length-of', 1, 1, (v: Value) => (v as FlVector).items.length);
  t.internalFn('flvector-ref-at', 2, 2, (v: Value, i: Value) => new Flonum((v as FlVector).items[i as number]));
  // for/flvector: the body's values, checked one by one, collected in reverse.
  t.internalFn('flvector-collect', 3, 3, (acc: Value, x: Value, who: Value) => {
    if (!(x instanceof Flonum)) argError(String((who as { name: string }).name), 'flonum?', x);
    return new Pair(x, acc);
  });
  t.internalFn('flvector-collected', 1, 1, (acc: Value) => {
    const xs: number[] = [];
    for (let p = acc; p !== NULL; p = (p as Pair).cdr) xs.push(((p as Pair).car as Flonum).n);
    return flvectorOf(Float64Array.from(xs.reverse()));
  });
  // for/flvector #:length n: a vector made at the start and filled in place.
  t.internalFn('flvector-make', 3, 3, (n: Value, fill: Value, who: Value) => {
    const name = String((who as { name: string }).name);
    if (!N.isExactNonnegativeInteger(n)) argError(name, 'exact-nonnegative-integer?', n);
    return flvectorOf(new Float64Array(Number(n)).fill(checkFlonum('make-flvector', fill)));
  });
  // Racket 8.7 names for*/vector in this message, whichever form made the vector.
  t.internalFn('flvector-fill!', 3, 3, (v: Value, k: Value, x: Value) => {
    (v as FlVector).items[k as number] = checkFlonum('for*/vector', x);
    return VOID;
  });
}
