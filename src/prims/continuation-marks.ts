// Continuation marks: current-continuation-marks, continuation-marks,
// continuation-mark-set-first, ->list, ->list* and ->iterator, mark keys.

import { type MarkEntry, MarkFrame } from '../eval/frames.js';
import { checkProcedure } from './check.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationMarkSet } from '../eval/marks.js';
import { MultipleValues, NULL, Pair, RVector, Sym, isList, listFromArray, listToArray, type Value } from '../values/types.js';
import { customPrint } from '../values/printable.js';
import { argError } from '../errors/messages.js';
import { ContinuationProc, Primitive } from '../eval/procedures.js';
import { CapturedK } from '../eval/machine.js';
import { RThread } from '../thread/thread.js';
import type { PrimTable } from './table.js';

/** A key made by make-continuation-mark-key. */
export class ContinuationMarkKey {
  constructor(readonly name: string) {}
  [customPrint](): string {
    return '#<continuation-mark-key>';
  }
}

/** A mark-set argument: #f means the current continuation's marks. */
function markSet(m: Machine, who: string, set: Value): ContinuationMarkSet {
  if (set === false) return new ContinuationMarkSet(m.marks);
  return set instanceof ContinuationMarkSet ? set : argError(who, '(or/c continuation-mark-set? #f)', set);
}

function markKeys(who: string, keys: Value): Value[] {
  if (!isList(keys)) argError(who, 'list?', keys);
  return listToArray(keys);
}

/** For each frame with a mark for one of `keys` (innermost first), a vector of its values for them (`none` where it has none). */
function frameValues(marks: MarkEntry | null, keys: Value[], none: Value): RVector[] {
  const out: RVector[] = [];
  let e = marks;
  while (e !== null) {
    const frame = e.frame;
    const values: Value[] = keys.map(() => none);
    let found = false;
    // The marks of one frame are adjacent in the chain.
    do {
      const i = keys.indexOf(e.key);
      if (i >= 0) {
        values[i] = e.value;
        found = true;
      }
      e = e.next;
    } while (e !== null && frame !== null && e.frame === frame);
    if (found) out.push(new RVector(values, false));
  }
  return out;
}

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
    const marks = markSet(this, 'continuation-mark-set-first', set).marks;
    for (let e: MarkEntry | null = marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return dflt;
  });
  t.fn('continuation-mark-set->list', 2, 3, function (this: Machine, set: Value, key: Value) {
    let out: Value = NULL;
    const all = markSet(this, 'continuation-mark-set->list', set).all(key);
    for (let i = all.length - 1; i >= 0; i--) out = new Pair(all[i], out);
    return out;
  });
  t.fn('continuation-mark-set?', 1, 1, (v) => v instanceof ContinuationMarkSet);
  t.fn('make-continuation-mark-key', 0, 1, (name: Value = false) => new ContinuationMarkKey(name instanceof Sym ? name.name : 'key'));
  t.fn('continuation-mark-key?', 1, 1, (v) => v instanceof ContinuationMarkKey);
  t.fn('continuation-mark-set->list*', 2, 4, function (this: Machine, set: Value, keys: Value, none: Value = false) {
    const ms = markSet(this, 'continuation-mark-set->list*', set);
    return listFromArray(frameValues(ms.marks, markKeys('continuation-mark-set->list*', keys), none));
  });
  t.fn('continuation-mark-set->iterator', 2, 4, function (this: Machine, set: Value, keys: Value, none: Value = false) {
    const ms = markSet(this, 'continuation-mark-set->iterator', set);
    const vectors = frameValues(ms.marks, markKeys('continuation-mark-set->iterator', keys), none);
    const iterator = (i: number): Primitive =>
      new Primitive(
        'continuation-mark-set->iterator',
        0,
        0,
        () => (i < vectors.length ? new MultipleValues([vectors[i], iterator(i + 1)]) : new MultipleValues([false, iterator(i)])),
        true,
        true,
      );
    return iterator(0);
  });
  t.fn('continuation-marks', 1, 2, function (this: Machine, k: Value) {
    if (k === false) return new ContinuationMarkSet(null);
    if (k instanceof ContinuationProc) return new ContinuationMarkSet(k.k instanceof CapturedK ? k.k.marks : this.marks);
    if (k instanceof RThread) return new ContinuationMarkSet(k.m === this ? this.marks : k.m.marks);
    return argError('continuation-marks', '(or/c continuation? thread? #f)', k);
  });
  // rkt keeps no record of the procedures on the continuation; Racket allows the context to be empty.
  t.fn('continuation-mark-set->context', 1, 2, (set: Value) =>
    set instanceof ContinuationMarkSet ? NULL : argError('continuation-mark-set->context', 'continuation-mark-set?', set),
  );
}
