// Breaks: break-enabled, break parameterizations, and the `/enable-break`
// variants of blocking primitives. (break-thread is with the threads;
// parameterize-break is a macro that installs a new break cell.)

import type { Machine } from '../eval/machine.js';
import { MarkEntry, MarkFrame } from '../eval/frames.js';
import { BREAK_ENABLED_KEY, ThreadCell } from '../eval/marks.js';
import type { Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { breakCell } from '../thread/thread.js';
import { customPrint } from '../values/printable.js';
import { VOID, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** The value of `(current-break-parameterization)`: the cell that says whether breaks are enabled. */
class BreakParameterization {
  constructor(readonly cell: ThreadCell) {}
  [customPrint](): string {
    return '#<break-parameterization>';
  }
}

/**
 * The `/enable-break` variant of a blocking primitive: the same call with
 * breaks enabled while it runs (and waits).
 */
export function withBreaksEnabled(t: PrimTable, name: string, base: Primitive): void {
  t.machine(name, base.min, base.max, (m, vals) => {
    m.stack.push(new MarkFrame(m.marks));
    m.marks = new MarkEntry(BREAK_ENABLED_KEY, new ThreadCell(true, false), m.marks);
    m.applyVals(base, vals);
  });
}

export function installBreaks(t: PrimTable): void {
  t.fn('break-enabled', 0, 1, function (this: Machine, on?: Value) {
    const cell = breakCell(this);
    if (on === undefined) return cell.get(this.thread) !== false;
    cell.set(this.thread, on !== false);
    return VOID;
  });
  t.fn('current-break-parameterization', 0, 0, function (this: Machine) {
    return new BreakParameterization(breakCell(this));
  });
  t.fn('break-parameterization?', 1, 1, (v) => v instanceof BreakParameterization);
  t.machine('call-with-break-parameterization', 2, 2, (m, a) => {
    const [, bz, thunk] = a;
    if (!(bz instanceof BreakParameterization))
      return argError('call-with-break-parameterization', 'break-parameterization?', bz, 0, [bz, thunk]);
    // Racket 8.7 names call-with-parameterization here.
    if (!(isProcedure(thunk) && arityIncludes(thunk, 0))) return argError('call-with-parameterization', '(-> any)', thunk, 1, [bz, thunk]);
    m.setMark(BREAK_ENABLED_KEY, bz.cell);
    m.applyArray(thunk, []);
  });
  t.internal('break-enabled-key', BREAK_ENABLED_KEY);
  t.internalFn('make-break-cell', 1, 1, (on: Value) => new ThreadCell(on !== false, false));
}
