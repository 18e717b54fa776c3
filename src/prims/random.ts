// Pseudo-random numbers as Racket CS makes them: L'Ecuyer's MRG32k3a
// generator (two combined multiple recursive components) with Racket's seeding
// procedure, so `(random-seed 42) (random 100)` gives Racket's numbers.
//
// Each runtime has its own `current-pseudo-random-generator` base value
// (installed by the Runtime); generators are ordinary values.

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError, argumentsError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { customPrint } from '../values/printable.js';
import { isExactInteger } from '../values/numbers.js';
import { Flonum, RVector, VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

// Moduli of the two components, as integers and as doubles.
const IM1 = 0xffffff2f;
const IM2 = 0xffffa6bb;
const M1 = 4294967087;
const M2 = 4294944443;
// Recursion coefficients (the `n` ones are subtracted).
const A12 = 1403580;
const A13N = 810728;
const A21 = 527612;
const A23N = 1370589;
/** 1/(m1 + 1): maps {0..m1-1} into (0, 1). */
const NORM = 2.328306549295728e-10;

/** The largest `k` accepted by `(random k)`. */
export const RANDOM_LIMIT = 4294967087;

export class PseudoRandomGenerator {
  // The state: three values per component, each held exactly in a double.
  constructor(
    public x10: number,
    public x11: number,
    public x12: number,
    public x20: number,
    public x21: number,
    public x22: number,
  ) {}

  static seeded(seed: number): PseudoRandomGenerator {
    const g = new PseudoRandomGenerator(1, 1, 1, 1, 1, 1);
    g.seed(seed);
    return g;
  }

  /** Racket's `random-seed`: a fixed initial state stirred by the two 16-bit halves of `seed`. */
  seed(seed: number): void {
    this.x10 = 1062452522;
    this.x11 = 2961816100;
    this.x12 = 342112271;
    this.x20 = 2854655037;
    this.x21 = 3321940838;
    this.x22 = 3542344109;
    this.stirHalf(seed & 0xffff);
    this.stirHalf(Math.floor(seed / 0x10000) & 0xffff);
  }

  private stirHalf(x: number): void {
    // A multiply-with-carry stepper yields one 32-bit value per state element.
    const step = (im: number): number => {
      const y1 = x & 0xffff;
      x = 30903 * y1 + Math.floor(x / 0x10000);
      const y2 = x & 0xffff;
      x = 30903 * y2 + Math.floor(x / 0x10000);
      return (y1 * 0x10000 + y2) % im;
    };
    const u32add = (a: number, b: number): number => (a + b) % 0x100000000;
    this.x10 = 1 + (u32add(this.x10, step(IM1 - 1)) % (IM1 - 1));
    this.x11 = u32add(this.x11, step(IM1)) % IM1;
    this.x12 = u32add(this.x12, step(IM1)) % IM1;
    this.x20 = 1 + (u32add(this.x20, step(IM2 - 1)) % (IM2 - 1));
    this.x21 = u32add(this.x21, step(IM2)) % IM2;
    this.x22 = u32add(this.x22, step(IM2)) % IM2;
  }

  /** One step of the generator: a double in {0..m1-1}. */
  private next(): number {
    let p1 = A12 * this.x11 - A13N * this.x12;
    p1 -= Math.trunc(p1 / M1) * M1;
    if (p1 < 0) p1 += M1;
    this.x12 = this.x11;
    this.x11 = this.x10;
    this.x10 = p1;

    let p2 = A21 * this.x20 - A23N * this.x22;
    p2 -= Math.trunc(p2 / M2) * M2;
    if (p2 < 0) p2 += M2;
    this.x22 = this.x21;
    this.x21 = this.x20;
    this.x20 = p2;

    const y = p1 - p2;
    return y < 0 ? y + M1 : y;
  }

  /** A flonum in (0, 1). */
  real(): number {
    return (this.next() + 1) * NORM;
  }

  /** An integer in {0..k-1}, 1 <= k <= m1, by rejecting the uneven top of the range. */
  integer(k: number): number {
    const q = Math.trunc(M1 / k);
    const qk = q * k;
    for (;;) {
      const x = this.next();
      if (x < qk) return Math.floor(x / q);
    }
  }

  toVector(): RVector {
    return new RVector([this.x10, this.x11, this.x12, this.x20, this.x21, this.x22], false);
  }

  [customPrint](): string {
    return '#<pseudo-random-generator>';
  }
}

/** Racket's `pseudo-random-generator-vector?`: six state values in range, each component not all zero. */
function stateFromVector(v: Value): number[] | null {
  if (!(v instanceof RVector) || v.items.length !== 6) return null;
  const xs = v.items;
  const inRange = (x: Value, max: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
  for (let i = 0; i < 6; i++) if (!inRange(xs[i], i < 3 ? M1 - 1 : M2 - 1)) return null;
  const n = xs as number[];
  if (n[0] === 0 && n[1] === 0 && n[2] === 0) return null;
  if (n[3] === 0 && n[4] === 0 && n[5] === 0) return null;
  return n.slice();
}

const guard = new Primitive('current-pseudo-random-generator', 1, 1, (v: Value) => {
  if (v instanceof PseudoRandomGenerator) return v;
  return argError('current-pseudo-random-generator', 'pseudo-random-generator?', v);
});

export const currentPseudoRandomGenerator = new Parameter(null, guard, 'current-pseudo-random-generator');

/** A fresh generator for a runtime or `make-pseudo-random-generator`, seeded from the clock as Racket does. */
export function clockSeededGenerator(ms: number): PseudoRandomGenerator {
  return PseudoRandomGenerator.seeded(Math.floor(ms) % 0x100000000);
}

// These come from Chez Scheme underneath Racket CS, hence their own shape.
function notAGenerator(who: string, v: Value): never {
  fail(exnFailContractT, `${who}: not a pseudo-random generator ${errorValueString(v)}`);
}

function notAStateVector(who: string, v: Value): never {
  fail(exnFailContractT, `${who}: not a valid pseudo-random generator state vector ${errorValueString(v)}`);
}

function inRandomRange(v: Value): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= RANDOM_LIMIT;
}

function greaterThan(min: Value): string {
  return `(>/c ${String(min)})`;
}

/** `(+ min (random (- max min) prng))` with exact integers of any size. */
function randomBetween(g: PseudoRandomGenerator, min: number | bigint, max: number | bigint): Value {
  const d = Number(BigInt(max) - BigInt(min));
  const r = g.integer(d);
  const sum = BigInt(min) + BigInt(r);
  return sum >= BigInt(Number.MIN_SAFE_INTEGER) && sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : sum;
}

function lessThan(a: number | bigint, b: number | bigint): boolean {
  return BigInt(a) < BigInt(b);
}

function differenceTooBig(min: number | bigint, max: number | bigint): boolean {
  return BigInt(max) - BigInt(min) > BigInt(RANDOM_LIMIT);
}

export function installRandom(t: PrimTable): void {
  t.value('current-pseudo-random-generator', currentPseudoRandomGenerator);
  t.fn('pseudo-random-generator?', 1, 1, (v) => v instanceof PseudoRandomGenerator);
  t.fn('make-pseudo-random-generator', 0, 0, function (this: Machine) {
    return clockSeededGenerator(this.rt.epochMs());
  });
  t.fn('random-seed', 1, 1, function (this: Machine, k: Value) {
    if (!(typeof k === 'number' && Number.isInteger(k) && k >= 0 && k <= 0x7fffffff)) {
      return argError('random-seed', '(integer-in 0 (sub1 (expt 2 31)))', k);
    }
    (this.paramValue(currentPseudoRandomGenerator) as PseudoRandomGenerator).seed(k);
    return VOID;
  });
  t.fn('pseudo-random-generator->vector', 1, 1, (g: Value) => {
    if (!(g instanceof PseudoRandomGenerator)) return notAGenerator('pseudo-random-generator->vector', g);
    return g.toVector();
  });
  t.fn('pseudo-random-generator-vector?', 1, 1, (v) => stateFromVector(v) !== null);
  t.fn('vector->pseudo-random-generator', 1, 1, (v: Value) => {
    const s = stateFromVector(v);
    if (s === null) return notAStateVector('vector->pseudo-random-generator', v);
    return new PseudoRandomGenerator(s[0], s[1], s[2], s[3], s[4], s[5]);
  });
  t.fn('vector->pseudo-random-generator!', 2, 2, (g: Value, v: Value) => {
    if (!(g instanceof PseudoRandomGenerator)) return notAGenerator('vector->pseudo-random-generator!', g);
    const s = stateFromVector(v);
    if (s === null) return notAStateVector('vector->pseudo-random-generator!', v);
    [g.x10, g.x11, g.x12, g.x20, g.x21, g.x22] = s;
    return VOID;
  });

  const KERNEL_CONTRACT = '(or/c (integer-in 1 4294967087) pseudo-random-generator?)';
  // mzscheme's is the kernel's: (random), (random k-or-generator), (random k generator).
  t.in('mzscheme', () =>
    t.fn('random', 0, 2, function (this: Machine, ...args: Value[]) {
      const current = () => this.paramValue(currentPseudoRandomGenerator) as PseudoRandomGenerator;
      if (args.length === 0) return new Flonum(current().real());
      const [x, g] = args;
      if (args.length === 2 && !(g instanceof PseudoRandomGenerator)) return argError('random', 'pseudo-random-generator?', g);
      if (args.length === 1 && x instanceof PseudoRandomGenerator) return new Flonum(x.real());
      if (!inRandomRange(x)) return argError('random', args.length === 1 ? KERNEL_CONTRACT : '(integer-in 1 4294967087)', x);
      return (args.length === 2 ? (g as PseudoRandomGenerator) : current()).integer(x);
    }),
  );
  t.fn('random', 0, 3, function (this: Machine, ...args: Value[]) {
    const current = () => this.paramValue(currentPseudoRandomGenerator) as PseudoRandomGenerator;
    if (args.length === 0) return new Flonum(current().real());
    if (args.length === 1) {
      const [x] = args;
      if (x instanceof PseudoRandomGenerator) return new Flonum(x.real());
      if (!inRandomRange(x)) return argError('random', KERNEL_CONTRACT, x);
      return current().integer(x);
    }
    if (args.length === 2) {
      const [x, y] = args;
      if (isExactInteger(y)) {
        if (!isExactInteger(x)) return argError('random', 'exact-integer?', x, 0, args);
        if (!lessThan(x, y)) return argError('random', greaterThan(x), y, 1, args);
        if (differenceTooBig(x, y)) {
          return argumentsError('random', 'difference between arguments is greater than 4294967087', ['min', x], ['max', y]);
        }
        return randomBetween(current(), x, y);
      }
      if (y instanceof PseudoRandomGenerator) {
        if (!inRandomRange(x)) return argError('random', '(integer-in 1 4294967087)', x, 0, args);
        return y.integer(x);
      }
      if (!isExactInteger(x)) return argError('random', 'exact-integer?', x, 0, args);
      return argError('random', '(or/c exact-integer? pseudo-random-generator?)', y, 1, args);
    }
    const [min, max, g] = args;
    if (!isExactInteger(min)) return argError('random', 'exact-integer?', min, 0, args);
    if (!isExactInteger(max)) return argError('random', 'exact-integer?', max, 1, args);
    if (!lessThan(min, max)) return argError('random', greaterThan(min), max, 1, args);
    if (differenceTooBig(min, max)) {
      return argumentsError(
        'random',
        'difference between first and second arguments is greater than 4294967087',
        ['min', min],
        ['max', max],
        ['rand-gen', g],
      );
    }
    if (!(g instanceof PseudoRandomGenerator)) return argError('random', 'pseudo-random-generator?', g, 2, args);
    return randomBetween(g, min, max);
  });
}
