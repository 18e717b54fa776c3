// Continuation marks: current-continuation-marks, continuation-mark-set-first,
// continuation-mark-set->list, mark keys.

import { type MarkEntry, MarkFrame } from '../eval/frames.js';
import { checkProcedure } from './check.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationMarkSet } from '../eval/marks.js';
import { NULL, Pair, Sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installContinuationMarks(t: PrimTable): void {
  // The mark `key` has on the frame of this call itself (#f-like `default` when the call is not in a marked frame's tail).
  t.machine('call-with-immediate-continuation-mark', 2, 3, (m, a) => {
    const [key, proc, dflt = false] = a.slice(1);
    checkProcedure('call-with-immediate-continuation-mark', proc);
    const top = m.stack[m.stack.length - 1];
    let v: Value = dflt;
    if (top instanceof MarkFrame) {
      for (let e = m.marks; e !== null && e !== top.prevMarks; e = e.next) {
        if (e.key === key) {
          v = e.value;
          break;
        }
      }
    }
    m.applyArray(proc, [v]);
  });
  t.fn('current-continuation-marks', 0, 1, function (this: Machine) {
    return new ContinuationMarkSet(this.marks);
  });
  t.fn('continuation-mark-set-first', 2, 4, function (this: Machine, set: Value, key: Value, dflt: Value = false) {
    const marks = set === false ? this.marks : (set as ContinuationMarkSet).marks;
    for (let e: MarkEntry | null = marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return dflt;
  });
  t.fn('continuation-mark-set->list', 2, 3, (set: Value, key: Value) => {
    let out: Value = NULL;
    const all = (set as ContinuationMarkSet).all(key);
    for (let i = all.length - 1; i >= 0; i--) out = new Pair(all[i], out);
    return out;
  });
  t.fn('continuation-mark-set?', 1, 1, (v) => v instanceof ContinuationMarkSet);
  t.fn('make-continuation-mark-key', 0, 1, (name: Value = false) => ({ name: name instanceof Sym ? name.name : 'key' }));
}
