// flvectors and fxvectors (racket/flonum, racket/fixnum): vectors that hold
// only flonums or only fixnums. The printers show them as `#fl(1.0 2.0)` and
// `#fx(1 2)` (as constructor calls, `(flvector 1.0 2.0)`, in print mode
// outside a quote); they are equal? when their elements are eqv?, element by
// element.

import { registerEqualHook, registerEqualKeyHook } from './equal.js';
import { Flonum, type Value } from './types.js';

export class FlVector {
  constructor(readonly items: Float64Array) {}
}

/** The elements are fixnums: JS numbers, or bigints between 2^53 and 2^60 in magnitude. */
export class FxVector {
  constructor(readonly items: (number | bigint)[]) {}
}

/**
 * How a printer shows an flvector or fxvector: `fl` or `fx`, and the
 * elements; with `vectorLength` (print-vector-length) a repeated last
 * element is given once, as the count shows it.
 */
export function numericVectorParts(v: FlVector | FxVector, vectorLength: boolean): { tag: 'fl' | 'fx'; items: Value[] } {
  let n = v.items.length;
  if (v instanceof FlVector) {
    if (vectorLength) while (n > 1 && sameFlonum(v.items[n - 2], v.items[n - 1])) n--;
    return { tag: 'fl', items: Array.from(v.items.subarray(0, n), (x) => new Flonum(x)) };
  }
  if (vectorLength) while (n > 1 && v.items[n - 2] === v.items[n - 1]) n--;
  return { tag: 'fx', items: v.items.slice(0, n) };
}

// As in Racket CS, there is one empty flvector and one empty fxvector.
const EMPTY_FL = new FlVector(new Float64Array(0));
const EMPTY_FX = new FxVector([]);

/** An flvector of `items` (the shared one when empty). */
export function flvectorOf(items: Float64Array): FlVector {
  return items.length === 0 ? EMPTY_FL : new FlVector(items);
}

/** An fxvector of `items` (the shared one when empty). */
export function fxvectorOf(items: (number | bigint)[]): FxVector {
  return items.length === 0 ? EMPTY_FX : new FxVector(items);
}

/** eqv? on two doubles: the same bits, except that all NaNs are alike. */
function sameFlonum(a: number, b: number): boolean {
  return Object.is(a, b) || (a !== a && b !== b);
}

registerEqualHook({
  equal(a, b) {
    if (a instanceof FlVector) {
      if (!(b instanceof FlVector) || a.items.length !== b.items.length) return false;
      for (let i = 0; i < a.items.length; i++) if (!sameFlonum(a.items[i], b.items[i])) return false;
      return true;
    }
    if (a instanceof FxVector) {
      if (!(b instanceof FxVector) || a.items.length !== b.items.length) return false;
      return a.items.every((x, i) => x === b.items[i]);
    }
    return undefined;
  },
});

function flKey(x: number): string {
  return x !== x ? 'nan' : Object.is(x, -0) ? '-0' : String(x);
}

registerEqualKeyHook((v: Value) => {
  if (v instanceof FlVector) return `FL${v.items.length}(${Array.from(v.items, flKey).join(',')})`;
  if (v instanceof FxVector) return `FX${v.items.length}(${v.items.join(',')})`;
  return undefined;
});
