// Stencil vectors (Racket CS): a mask of up to 58 bits and one element per
// set bit, in bit order. stencil-vector-update removes and adds bits and
// makes a new one.

import { argError, argumentsError, errorValueString, indexRangeError } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { writeString } from '../printer/print.js';
import { type CustomPrintable, customPrint, type PrintContext } from '../values/printable.js';
import { registerEqualHook, registerEqualKeyHook, encode } from '../values/equal.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

const MASK_WIDTH = 58;
const MASK_LIMIT = 2n ** BigInt(MASK_WIDTH);
const MASK_CONTRACT = '(integer-in 0 (sub1 (expt 2 (stencil-vector-mask-width))))';

export class StencilVector implements CustomPrintable {
  constructor(
    /** An exact integer (a bigint past 2^53). */
    readonly mask: number | bigint,
    readonly items: Value[],
  ) {}

  [customPrint](ctx: PrintContext): string {
    const mode = ctx.mode === 'display' ? 'display' : 'write';
    const parts = this.items.map((v) => ' ' + ctx.recur(v, mode));
    return `#<stencil ${this.mask}${parts.length > 0 ? ':' : ''}${parts.join('')}>`;
  }
}

/** How Chez Scheme writes a stencil vector, as it appears in its own error messages. */
function chezForm(sv: StencilVector): string {
  return `#stencil[${sv.mask.toString(16).toUpperCase()}](${sv.items.map((v) => writeString(v)).join(' ')})`;
}

registerEqualHook({
  equal(a, b, recur) {
    if (!(a instanceof StencilVector)) return undefined;
    if (!(b instanceof StencilVector) || a.mask !== b.mask) return false;
    return a.items.every((v, i) => recur(v, b.items[i]));
  },
});
registerEqualKeyHook((v) => (v instanceof StencilVector ? `S${v.mask}(${v.items.map(encode).join('')})` : undefined));

function maskValue(m: bigint): number | bigint {
  return m <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(m) : m;
}

// Chez's own message for a bad mask ends with a newline.
function checkMask(who: string, v: Value, pos?: string): bigint {
  const exact = typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
  if (exact && BigInt(v as number | bigint) >= 0n && BigInt(v as number | bigint) < MASK_LIMIT) return BigInt(v as number | bigint);
  const position = pos === undefined ? '' : `\n  argument position: ${pos}`;
  return fail(exnFailContractT, `${who}: contract violation\n  expected: ${MASK_CONTRACT}${position}\n  given: ${errorValueString(v)}\n`);
}

function checkStencil(who: string, v: Value): StencilVector {
  return v instanceof StencilVector ? v : argError(who, 'stencil-vector?', v);
}

function checkItemCount(who: string, mask: bigint, given: number): void {
  if (bitsOf(mask).length !== given) {
    argumentsError(who, 'mask does not match given number of items', ['mask', maskValue(mask)], ['given items', given]);
  }
}

function checkIndex(who: string, sv: StencilVector, i: Value): number {
  const isExactNatural = (typeof i === 'number' && Number.isInteger(i) && i >= 0) || (typeof i === 'bigint' && i >= 0n);
  if (!isExactNatural) {
    fail(
      exnFailContractT,
      `${who}: contract violation\n  expected: exact-nonnegative-integer?\n  given: ${errorValueString(i)}\n  argument position: 2nd\n  first argument...:\n   ${errorValueString(sv)}`,
    );
  }
  if (typeof i !== 'number' || i >= sv.items.length) return indexRangeError(who, 'stencil vector', i, sv.items.length, sv);
  return i;
}

/** Bit positions set in `mask`, lowest first. */
function bitsOf(mask: bigint): number[] {
  const bits: number[] = [];
  for (let bit = 0; bit < MASK_WIDTH; bit++) if ((mask >> BigInt(bit)) & 1n) bits.push(bit);
  return bits;
}

export function installStencilVectors(t: PrimTable): void {
  t.fn('stencil-vector', 1, -1, (mask: Value, ...items: Value[]) => {
    const m = checkMask('stencil-vector', mask);
    checkItemCount('stencil-vector', m, items.length);
    return new StencilVector(maskValue(m), items);
  });
  t.fn('stencil-vector?', 1, 1, (v: Value) => v instanceof StencilVector);
  t.fn('stencil-vector-length', 1, 1, (v: Value) => checkStencil('stencil-vector-length', v).items.length);
  t.fn('stencil-vector-mask', 1, 1, (v: Value) => checkStencil('stencil-vector-mask', v).mask);
  t.fn('stencil-vector-mask-width', 0, 0, () => MASK_WIDTH);
  t.fn('stencil-vector-ref', 2, 2, (v: Value, i: Value) => {
    const sv = checkStencil('stencil-vector-ref', v);
    return sv.items[checkIndex('stencil-vector-ref', sv, i)];
  });
  t.fn('stencil-vector-set!', 3, 3, (v: Value, i: Value, x: Value) => {
    const sv = checkStencil('stencil-vector-set!', v);
    sv.items[checkIndex('stencil-vector-set!', sv, i)] = x;
    return VOID;
  });
  t.fn('stencil-vector-update', 3, -1, (v: Value, remove: Value, add: Value, ...vals: Value[]) => {
    const who = 'stencil-vector-update';
    const sv = checkStencil(who, v);
    const removeMask = checkMask(who, remove, '2nd');
    const addMask = checkMask(who, add, '3rd');
    const oldBits = bitsOf(BigInt(sv.mask));
    const removeBits = new Set(bitsOf(removeMask));
    if ([...removeBits].some((b) => !oldBits.includes(b))) {
      fail(
        exnFailContractT,
        `${who}: mask of stencil vector does not have all bits in removal mask\n  stencil vector: ${chezForm(sv)}\n  removal mask: ${maskValue(removeMask)}`,
      );
    }
    const kept = new Map<number, Value>();
    oldBits.forEach((b, i) => {
      if (!removeBits.has(b)) kept.set(b, sv.items[i]);
    });
    const addBits = bitsOf(addMask);
    if (addBits.some((b) => kept.has(b))) {
      fail(
        exnFailContractT,
        `${who}: mask of stencil vector already has bits in addition mask\n  stencil vector: ${chezForm(sv)}\n  addition mask: ${maskValue(addMask)}`,
      );
    }
    checkItemCount(who, addMask, vals.length);
    addBits.forEach((b, i) => kept.set(b, vals[i]));
    const bits = [...kept.keys()].sort((x, y) => x - y);
    const mask = bits.reduce((m, b) => m | (1n << BigInt(b)), 0n);
    return new StencilVector(
      maskValue(mask),
      bits.map((b) => kept.get(b) as Value),
    );
  });
}
