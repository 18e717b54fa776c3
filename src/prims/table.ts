// The primitive table: every primitive module adds its definitions here,
// tagged with the library that provides them (racket/base unless said).

import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import type { Machine } from '../eval/machine.js';
import type { Value } from '../values/types.js';

export interface PrimDef {
  readonly name: string;
  readonly value: Value;
  readonly library: string;
}

export class PrimTable {
  readonly defs: PrimDef[] = [];
  /** Internal helpers the expander's output calls, not visible to programs. */
  readonly internals = new Map<string, Value>();
  library = 'racket/base';

  /** A simple primitive: it returns a value without blocking or calling Racket code. */
  fn(name: string, min: number, max: number, fn: (this: Machine, ...args: any[]) => Value): Primitive {
    const p = new Primitive(name, min, max, fn, true);
    this.defs.push({ name, value: p, library: this.library });
    return p;
  }

  /**
   * A simple primitive that may return several values (a MultipleValues):
   * compiled as a call whose result is checked where one value is expected.
   */
  valuesFn(name: string, min: number, max: number, fn: (this: Machine, ...args: any[]) => Value): Primitive {
    const p = new Primitive(name, min, max, fn, true, true);
    this.defs.push({ name, value: p, library: this.library });
    return p;
  }

  /** A primitive that may block (returns a Block): never evaluated inside another expression. */
  blocking(name: string, min: number, max: number, fn: (this: Machine, ...args: any[]) => Value): Primitive {
    const p = new Primitive(name, min, max, fn, false);
    this.defs.push({ name, value: p, library: this.library });
    return p;
  }

  /** A primitive that drives the machine (calls procedures, captures continuations). */
  machine(name: string, min: number, max: number, run: (m: Machine, args: Value[]) => void): MachinePrimitive {
    const p = new MachinePrimitive(name, min, max, run);
    this.defs.push({ name, value: p, library: this.library });
    return p;
  }

  value(name: string, v: Value): void {
    this.defs.push({ name, value: v, library: this.library });
  }

  /** Registers the same value under another name (e.g. call/cc). */
  alias(name: string, existing: string): void {
    const d = this.defs.find((x) => x.name === existing);
    if (!d) throw new Error(`internal: alias of unknown primitive ${existing}`);
    this.defs.push({ name, value: d.value, library: this.library });
  }

  internal(name: string, v: Value): void {
    this.internals.set(name, v);
  }

  /** A simple primitive only the runtime's own code (expander output, src/lib) can call. */
  internalFn(name: string, min: number, max: number, fn: (this: Machine, ...args: any[]) => Value): Primitive {
    const p = new Primitive(name, min, max, fn, true);
    this.internals.set(name, p);
    return p;
  }

  /** Runs `f` with definitions tagged as coming from `library`. */
  in(library: string, f: () => void): void {
    const saved = this.library;
    this.library = library;
    try {
      f();
    } finally {
      this.library = saved;
    }
  }
}
