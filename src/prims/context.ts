// What primitives reach of the runtime they run in, through `m.rt` (the
// machine's MachineRuntime, widened here; see src/eval/context.ts). The
// runtime (src/runtime/runtime.ts) implements it.

import type { Expander } from '../expand/expander.js';
import type { Host } from '../host/host.js';
import type { Scheduler } from '../thread/scheduler.js';
import type { Machine } from '../eval/machine.js';
import type { Value } from '../values/types.js';
import type { Plumber } from './plumbers.js';

export interface PrimitiveContext {
  /** The host's capabilities: clock, files, network, environment. */
  readonly host: Host;
  readonly sched: Scheduler;
  /** Milliseconds since the epoch (current-inexact-milliseconds). */
  epochMs(): number;
  /** The number for the next `gensym`. */
  nextGensym(): number;
  /** What the run holds open (sockets), closed when the run ends. */
  readonly resources: Set<{ close(): void; closed: boolean }>;
  /** The default error display handler: writes `msg` (and a syntax error's location) to the current error port. */
  displayError(m: Machine, msg: Value, v: Value): void;
  /** Writes out what the runtime's own output ports hold. */
  flushPorts(): void;
  /** The plumber that flushes the runtime's output ports; flushed at exit. */
  readonly originalPlumber: Plumber;
  /** The expander: syntax-local-value and friends, free-identifier=?. */
  readonly ex: Expander;
}

declare module '../eval/context.js' {
  interface MachineRuntime extends PrimitiveContext {}
}
