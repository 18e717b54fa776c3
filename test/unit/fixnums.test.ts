// racket/fixnum's representation (src/prims/fixnums.ts): Racket programs see
// fixnums, not how rkt holds them, so these check what only JavaScript can:
// a result is a JS number whenever it is a safe integer and a bigint only
// beyond, on the fast paths and the bigint ones alike.

import { describe, expect, it } from 'vitest';
import { allPrimitives } from '../../src/prims/all.js';
import { Primitive } from '../../src/eval/procedures.js';
import type { Value } from '../../src/values/types.js';

const table = allPrimitives();
function prim(name: string): (...args: Value[]) => Value {
  const d = table.defs.find((x) => x.name === name && x.library === 'racket/fixnum');
  if (!(d?.value instanceof Primitive)) throw new Error(`no primitive ${name}`);
  const p = d.value;
  return (...args) => p.fn.apply(null as never, args);
}

const MAX = Number.MAX_SAFE_INTEGER;
const BIG = 2n ** 60n - 1n;

describe('fixnum results', () => {
  it('are JS numbers when safe integers and bigints beyond', () => {
    const cases: [string, Value[], Value][] = [
      ['fx+', [MAX, 1], BigInt(MAX) + 1n],
      ['fx-', [BigInt(MAX) + 1n, 1], MAX],
      ['fx*', [2 ** 26, 2 ** 26], 2 ** 52],
      ['fx*', [2 ** 27, 2 ** 27], 2n ** 54n],
      ['fxquotient', [BigInt(MAX) * 4n, 4], MAX],
      ['fxremainder', [BIG, 2 ** 40], 2 ** 40 - 1],
      ['fxmodulo', [-BIG, 7], Number(((-BIG % 7n) + 7n) % 7n)],
      ['fxand', [BIG, 255], 255],
      ['fxnot', [MAX], -(BigInt(MAX) + 1n)],
      ['fxnot', [-(BigInt(MAX) + 1n)], MAX],
      ['fxrshift', [BIG, 20], 2 ** 40 - 1],
      ['fxlshift', [1, 53], 2n ** 53n],
      ['fxabs', [-(BigInt(MAX) + 1n)], BigInt(MAX) + 1n],
      ['fx+/wraparound', [BIG, 1], -(2n ** 60n)],
      ['fx*/wraparound', [BIG, 2], -2],
    ];
    for (const [name, args, want] of cases) {
      const got = prim(name)(...args);
      expect([name, typeof got, got]).toEqual([name, typeof want, want]);
    }
  });

  it('give 0, never -0, for a zero result', () => {
    expect(Object.is(prim('fx*')(-3, 0), 0)).toBe(true);
    expect(Object.is(prim('fxremainder')(-4, 2), 0)).toBe(true);
    expect(Object.is(prim('fxmodulo')(-4, 2), 0)).toBe(true);
    expect(Object.is(prim('fxquotient')(0, -5), 0)).toBe(true);
  });
});
