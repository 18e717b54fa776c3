// Keys and values the runtime keeps in continuation marks: the exception
// handler chain and the parameterization, as Racket does.

import type { Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import type { MarkEntry } from './frames.js';
import type { Parameter } from './procedures.js';

/** The mark key under which exception handlers are installed. */
export const EXN_HANDLER_KEY = { name: 'exception-handler-key' };
/** The mark key under which the current parameterization is kept. */
export const PARAMZ_KEY = { name: 'parameterization-key' };
/** The mark key for break enabling (parameterize-break). */
export const BREAK_ENABLED_KEY = { name: 'break-enabled-key' };

/** The value of `(current-continuation-marks)`. */
export class ContinuationMarkSet {
  constructor(readonly marks: MarkEntry | null) {}

  first(key: Value): Value | undefined {
    for (let e = this.marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return undefined;
  }

  all(key: Value): Value[] {
    const out: Value[] = [];
    for (let e = this.marks; e !== null; e = e.next) if (e.key === key) out.push(e.value);
    return out;
  }

  [customPrint](): string {
    return '#<continuation-mark-set>';
  }
}

/** A mutable cell holding a parameter's value within one parameterization. */
export class ParamCell {
  constructor(public value: Value) {}
}

/** An immutable chain of parameter bindings made by `parameterize`. */
export class Paramz {
  constructor(
    readonly param: Parameter,
    readonly cell: ParamCell,
    readonly next: Paramz | null,
  ) {}

  lookup(p: Parameter): ParamCell | undefined {
    for (let z: Paramz | null = this; z !== null; z = z.next) if (z.param === p) return z.cell;
    return undefined;
  }
}
