// Thread cells: make-thread-cell, thread-cell-ref, thread-cell-set!, and
// the snapshots of preserved cells (current-preserved-thread-cell-values).
// The cells themselves are eval/marks.ts's ThreadCell: parameters keep
// their values in them too.

import type { Machine } from '../eval/machine.js';
import { ThreadCell } from '../eval/marks.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** A thread's values of the preserved cells it had set, at one moment. */
class ThreadCellValues {
  constructor(readonly values: ReadonlyMap<ThreadCell, Value>) {}
  [customPrint](): string {
    return '#<thread-cell-values>';
  }
}

function checkCell(who: string, v: Value): ThreadCell {
  return v instanceof ThreadCell ? v : argError(who, 'thread-cell?', v);
}

export function installThreadCells(t: PrimTable): void {
  t.fn('make-thread-cell', 1, 2, (v: Value, preserved: Value = false) => new ThreadCell(v, preserved !== false));
  t.fn('thread-cell?', 1, 1, (v) => v instanceof ThreadCell);
  t.fn('thread-cell-ref', 1, 1, function (this: Machine, c: Value) {
    return checkCell('thread-cell-ref', c).get(this.thread);
  });
  t.fn('thread-cell-set!', 2, 2, function (this: Machine, c: Value, v: Value) {
    checkCell('thread-cell-set!', c).set(this.thread, v);
    return VOID;
  });
  t.fn('thread-cell-values?', 1, 1, (v) => v instanceof ThreadCellValues);
  t.fn('current-preserved-thread-cell-values', 0, 1, function (this: Machine, snapshot?: Value) {
    const th = this.thread;
    if (snapshot === undefined) {
      const values = new Map<ThreadCell, Value>();
      for (const c of th.preservedCells) values.set(c, c.get(th));
      return new ThreadCellValues(values);
    }
    if (!(snapshot instanceof ThreadCellValues)) return argError('current-preserved-thread-cell-values', 'thread-cell-values?', snapshot);
    // Cells set since the snapshot (or made since) go back to their initial values.
    for (const c of [...th.preservedCells]) if (!snapshot.values.has(c)) c.reset(th);
    for (const [c, v] of snapshot.values) c.set(th, v);
    return VOID;
  });
}
