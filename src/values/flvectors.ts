// flvectors and fxvectors (racket/flonum, racket/fixnum): vectors that hold
// only flonums or only fixnums. They print as `#fl(1.0 2.0)` and `#fx(1 2)`
// (as constructor calls, `(flvector 1.0 2.0)`, in print mode outside a
// quote) and are equal? when their elements are (eqv?, element by element).

import { registerEqualHook, registerEqualKeyHook } from './equal.js';
import { type CustomPrintable, customPrint, type PrintContext } from './printable.js';
import { Flonum, type Value } from './types.js';

export class FlVector implements CustomPrintable {
  constructor(readonly items: Float64Array) {}

  [customPrint](ctx: PrintContext): string {
    const parts: string[] = [];
    for (const x of this.items) parts.push(ctx.recur(new Flonum(x)));
    return ctx.mode === 'print' && ctx.quoteDepth === 0 ? `(flvector${parts.map((p) => ' ' + p).join('')})` : `#fl(${parts.join(' ')})`;
  }
}

/** The elements are fixnums: JS numbers, or bigints between 2^53 and 2^60 in magnitude. */
export class FxVector implements CustomPrintable {
  constructor(readonly items: (number | bigint)[]) {}

  [customPrint](ctx: PrintContext): string {
    const parts = this.items.map((x) => ctx.recur(x));
    return ctx.mode === 'print' && ctx.quoteDepth === 0 ? `(fxvector${parts.map((p) => ' ' + p).join('')})` : `#fx(${parts.join(' ')})`;
  }
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
