// Breaks: break-enabled, and the `/enable-break` variants of blocking
// primitives. (break-thread is with the threads; parameterize-break is a macro.)

import type { Machine } from '../eval/machine.js';
import { MarkEntry, MarkFrame } from '../eval/frames.js';
import { BREAK_ENABLED_KEY } from '../eval/marks.js';
import type { Primitive } from '../eval/procedures.js';
import { breaksEnabled } from '../thread/thread.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/**
 * The `/enable-break` variant of a blocking primitive: the same call with
 * breaks enabled while it runs (and waits).
 */
export function withBreaksEnabled(t: PrimTable, name: string, base: Primitive): void {
  t.machine(name, base.min, base.max, (m, vals) => {
    m.stack.push(new MarkFrame(m.marks));
    m.marks = new MarkEntry(BREAK_ENABLED_KEY, true, m.marks);
    m.applyVals(base, vals);
  });
}

export function installBreaks(t: PrimTable): void {
  t.fn('break-enabled', 0, 1, function (this: Machine, on?: Value) {
    if (on === undefined) return breaksEnabled(this);
    this.thread.breakEnabledDefault = on !== false;
    return VOID;
  });
  t.internal('break-enabled-key', BREAK_ENABLED_KEY);
}
