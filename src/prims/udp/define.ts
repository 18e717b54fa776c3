// How racket/udp's procedures are registered, as Racket's define/who does
// it: a procedure's name is written once, and its body is made for that
// name, which it raises its errors under as `who`.

import type { Machine } from '../../eval/machine.js';
import { Primitive } from '../../eval/procedures.js';
import type { Value } from '../../values/types.js';
import { withBreaksEnabled } from '../breaks.js';
import type { PrimTable } from '../table.js';

/** A procedure's body, made once for the name `who` it is registered under. */
export type Body = (who: string) => (this: Machine, ...args: any[]) => Value;

export interface Definer {
  /** A procedure that returns at once. */
  simple(name: string, min: number, max: number, body: Body): void;
  /** A procedure that returns at once, possibly several values. */
  values(name: string, min: number, max: number, body: Body): void;
  /** A procedure that may block (returns a Block). */
  blocking(name: string, min: number, max: number, body: Body): void;
  /** An /enable-break variant: a blocking procedure that runs and waits with breaks enabled. */
  enableBreak(name: string, min: number, max: number, body: Body): void;
}

export function definer(t: PrimTable): Definer {
  return {
    simple(name, min, max, body) {
      t.fn(name, min, max, body(name));
    },
    values(name, min, max, body) {
      t.valuesFn(name, min, max, body(name));
    },
    blocking(name, min, max, body) {
      t.blocking(name, min, max, body(name));
    },
    enableBreak(name, min, max, body) {
      withBreaksEnabled(t, name, new Primitive(name, min, max, body(name), false));
    },
  };
}
