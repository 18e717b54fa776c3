// The parameters that control `read` and `string->number`'s reading of
// numbers: read-decimal-as-inexact and read-single-flonum (Racket CS has no
// single-flonums, so with it on a single-flonum literal is an error).

import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import type { ReadOptions } from '../reader/index.js';
import type { Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** A parameter whose value is any value's truth, as Racket's boolean parameters are. */
function booleanParameter(name: string, initial: boolean): Parameter {
  return new Parameter(initial, new Primitive(name, 1, 1, (v: Value) => v !== false), name);
}

export const readDecimalAsInexact = booleanParameter('read-decimal-as-inexact', true);
export const readSingleFlonum = booleanParameter('read-single-flonum', false);

/** The number-reading options of `read` in the machine's current parameterization. */
export function numberReadOptions(m: Machine): Pick<ReadOptions, 'decimalAsInexact' | 'singleFlonum'> {
  return { decimalAsInexact: m.paramValue(readDecimalAsInexact) !== false, singleFlonum: m.paramValue(readSingleFlonum) !== false };
}

export function installReadParams(t: PrimTable): void {
  t.value('read-decimal-as-inexact', readDecimalAsInexact);
  t.value('read-single-flonum', readSingleFlonum);
}
