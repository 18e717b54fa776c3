// What the evaluator needs of the world it runs in, declared here so that
// src/eval imports nothing above it (see docs/ARCHITECTURE.md). The runtime
// (src/runtime/runtime.ts) implements `MachineRuntime`; the layers above
// widen both interfaces by module augmentation with what they add:
// src/thread/thread.ts makes `MachineThread` the green thread, and
// src/prims/context.ts adds what primitives reach through `m.rt`.

import type { Machine } from './machine-type.js';
import type { Parameter } from './procedures.js';
import type { Value } from '../values/types.js';

export interface MachineRuntime {
  /** Direct calls of a lambda before its body is compiled to one JS function. */
  readonly jitAfter: number;
  /** Errors of the JIT (bugs): the lambdas they hit stay interpreted. Tests check it stays empty. */
  readonly jitFailures: unknown[];
  /** Shown each function the JIT generates (a debugging aid: `RKT_JIT_DUMP=1 rkt ...`); null normally. */
  readonly jitDump: ((source: string) => void) | null;
  /** A raise found no handler: report it and abort the thread. */
  uncaught(m: Machine, v: Value): void;
  /** Calls exception handler `h` for `v` in `m`. */
  callHandler(m: Machine, h: Value, v: Value, nonContinuable: boolean): void;
  /** A parameter's value outside any parameterize. */
  paramBaseValue(m: Machine, p: Parameter): Value;
  /** `(p v)`: sets a parameter; returns void through `m`. */
  setParam(m: Machine, p: Parameter, value: Value): void;
  /** Applies a derived parameter (`vals[0]` is the parameter); returns through `m`. */
  applyDerivedParam(m: Machine, p: Parameter, vals: Value[]): void;
  /** Applies values that are procedures by means the evaluator does not know (keyword procedures); false if none applies. */
  applyHook(m: Machine, f: Value, vals: Value[]): boolean;
}

/** The green thread a machine runs; the thread layer fills it in. */
// biome-ignore lint/suspicious/noEmptyInterface: widened by module augmentation in src/thread/thread.ts
export interface MachineThread {}
