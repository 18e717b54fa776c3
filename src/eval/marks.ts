// Keys and values the runtime keeps in continuation marks: the exception
// handler chain and the parameterization, as Racket does.

import type { Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import type { MarkEntry } from './frames.js';
import type { Parameter } from './procedures.js';
import type { Impersonator } from '../values/impersonator.js';
import type { Machine } from './machine-type.js';
import type { ErrorContext } from './error-context.js';

/** The mark key under which exception handlers are installed. */
export const EXN_HANDLER_KEY = { name: 'exception-handler-key' };
/** The mark key under which the current parameterization is kept. */
export const PARAMZ_KEY = { name: 'parameterization-key' };
/** The mark key for break enabling (parameterize-break). */
export const BREAK_ENABLED_KEY = { name: 'break-enabled-key' };

/**
 * What `with-continuation-mark` stores for a mark set through a wrapped
 * mark key (an impersonator): the key underneath and the value its set
 * procedures give. Installed by prims/mark-key-impersonators.ts.
 */
type MarkKeyRedirect = (m: Machine, key: Impersonator, v: Value) => [Value, Value];
let markKeyRedirect: MarkKeyRedirect = (_m, key, v) => [key, v];
export function setMarkKeyRedirect(f: MarkKeyRedirect): void {
  markKeyRedirect = f;
}
export function redirectMarkSet(m: Machine, key: Impersonator, v: Value): [Value, Value] {
  return markKeyRedirect(m, key, v);
}

/** A key made by make-continuation-mark-key. */
export class ContinuationMarkKey {
  constructor(readonly name: string) {}
  [customPrint](): string {
    return '#<continuation-mark-key>';
  }
}

/** The value of `(current-continuation-marks)`. */
export class ContinuationMarkSet {
  constructor(
    readonly marks: MarkEntry | null,
    /** The procedures on the continuation (continuation-mark-set->context); null: none known. */
    readonly context: ErrorContext | null = null,
  ) {}

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

/** What keeps track of the preserved thread cells a thread has set (a green thread). */
export interface CellOwner {
  readonly preservedCells: Set<ThreadCell>;
}

/**
 * A thread cell (Racket's `make-thread-cell`): one value per thread, and a
 * default for threads that never set it. Parameters keep their values in
 * thread cells: a parameterization maps each parameter to a cell, so that
 * `(p v)` inside `parameterize` changes the value for the setting thread only.
 * A new thread starts with its creator's values of the preserved cells.
 */
export class ThreadCell {
  /** The values of the threads that set this cell, keyed by thread. */
  private perThread: WeakMap<object, Value> | null = null;
  constructor(
    /** The value of threads that have not set the cell. */
    public value: Value,
    readonly preserved: boolean,
  ) {}

  get(thread: object): Value {
    if (this.perThread === null) return this.value;
    const v = this.perThread.get(thread);
    return v === undefined ? this.value : v;
  }

  set(thread: CellOwner, v: Value): void {
    if (this.perThread === null) this.perThread = new WeakMap();
    this.perThread.set(thread, v);
    if (this.preserved) thread.preservedCells.add(this);
  }

  /** The thread's value goes back to the default. */
  reset(thread: CellOwner): void {
    this.perThread?.delete(thread);
    thread.preservedCells.delete(this);
  }

  [customPrint](): string {
    return '#<thread-cell>';
  }
}

/** An immutable chain of parameter bindings made by `parameterize`. */
export class Paramz {
  constructor(
    readonly param: Parameter,
    readonly cell: ThreadCell,
    readonly next: Paramz | null,
  ) {}

  lookup(p: Parameter): ThreadCell | undefined {
    for (let z: Paramz | null = this; z !== null; z = z.next) if (z.param === p) return z.cell;
    return undefined;
  }
}
