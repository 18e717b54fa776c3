// Continuation marks: current-continuation-marks, continuation-marks,
// continuation-mark-set-first, ->list, ->list* and ->iterator, mark keys.

import { type MarkEntry, MarkFrame } from '../eval/frames.js';
import { checkProcedure } from './check.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationMarkKey, ContinuationMarkSet } from '../eval/marks.js';
import { isMarkKeyLike, markGetThrough, markKeyBase } from './mark-key-impersonators.js';
import { MultipleValues, NULL, Pair, RVector, Sym, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { argError } from '../errors/messages.js';
import { Impersonator } from '../values/impersonator.js';
import { ContinuationProc, Primitive } from '../eval/procedures.js';
import { CapturedK } from '../eval/machine.js';
import { ErrorContext } from '../eval/error-context.js';
import { RThread } from '../thread/thread.js';
import type { PrimTable } from './table.js';
import { srclocValue } from './srcloc.js';

/** A mark-set argument: #f means the current continuation's marks. */
function markSet(m: Machine, who: string, set: Value): ContinuationMarkSet {
  if (set === false) return new ContinuationMarkSet(m.marks);
  return set instanceof ContinuationMarkSet ? set : argError(who, '(or/c continuation-mark-set? #f)', set);
}

function markKeys(who: string, keys: Value): Value[] {
  if (!isList(keys)) argError(who, 'list?', keys);
  return listToArray(keys);
}

/** For each frame with a mark for one of `keys` (innermost first), its values for them (undefined where it has none). */
function frameValues(marks: MarkEntry | null, keys: Value[]): (Value | undefined)[][] {
  const bases = keys.map(markKeyBase);
  const out: (Value | undefined)[][] = [];
  let e = marks;
  while (e !== null) {
    const frame = e.frame;
    const values: (Value | undefined)[] = keys.map(() => undefined);
    let found = false;
    // The marks of one frame are adjacent in the chain.
    do {
      for (let i = 0; i < bases.length; i++) {
        // A key and a wrapper of it both find the mark.
        if (bases[i] === e.key) {
          values[i] = e.value;
          found = true;
        }
      }
      e = e.next;
    } while (e !== null && frame !== null && e.frame === frame);
    if (found) out.push(values);
  }
  return out;
}

/** One frame's vector: each value read through its key, `none` where the frame has no mark for the key. */
function frameVector(m: Machine, who: string, keys: Value[], values: (Value | undefined)[], none: Value): RVector {
  return new RVector(
    values.map((v, i) => (v === undefined ? none : markGetThrough(m, who, keys[i], v))),
    false,
  );
}

export function installContinuationMarks(t: PrimTable): void {
  // The mark `key` has on the frame of this call itself (#f-like `default` when the call is not in a marked frame's tail).
  t.machine('call-with-immediate-continuation-mark', 2, 3, (m, a) => {
    const [key, proc, dflt = false] = a.slice(1);
    checkProcedure('call-with-immediate-continuation-mark', proc);
    const top = m.topFrame();
    const base = markKeyBase(key);
    let v: Value = dflt;
    if (top instanceof MarkFrame) {
      for (let e = m.marks; e !== null && e !== top.prevMarks; e = e.next) {
        if (e.key === base) {
          v = markGetThrough(m, 'call-with-immediate-continuation-mark', key, e.value);
          break;
        }
      }
    }
    m.applyArray(proc, [v]);
  });
  t.fn('current-continuation-marks', 0, 1, function (this: Machine) {
    return this.currentMarks();
  });
  t.fn('continuation-mark-set-first', 2, 4, function (this: Machine, set: Value, key: Value, dflt: Value = false) {
    const marks = markSet(this, 'continuation-mark-set-first', set).marks;
    if (key instanceof Impersonator) {
      const base = markKeyBase(key);
      for (let e: MarkEntry | null = marks; e !== null; e = e.next)
        if (e.key === base) return markGetThrough(this, 'continuation-mark-set-first', key, e.value);
      return dflt;
    }
    for (let e: MarkEntry | null = marks; e !== null; e = e.next) if (e.key === key) return e.value;
    return dflt;
  });
  t.fn('continuation-mark-set->list', 2, 3, function (this: Machine, set: Value, key: Value) {
    let out: Value = NULL;
    const all = markSet(this, 'continuation-mark-set->list', set).all(markKeyBase(key));
    if (key instanceof Impersonator)
      for (let i = 0; i < all.length; i++) all[i] = markGetThrough(this, 'continuation-mark-set->list', key, all[i]);
    for (let i = all.length - 1; i >= 0; i--) out = new Pair(all[i], out);
    return out;
  });
  t.fn('continuation-mark-set?', 1, 1, (v) => v instanceof ContinuationMarkSet);
  t.fn('make-continuation-mark-key', 0, 1, (name: Value = false) => new ContinuationMarkKey(name instanceof Sym ? name.name : 'key'));
  t.fn('continuation-mark-key?', 1, 1, (v) => isMarkKeyLike(v));
  t.fn('continuation-mark-set->list*', 2, 4, function (this: Machine, set: Value, keys: Value, none: Value = false) {
    const ms = markSet(this, 'continuation-mark-set->list*', set);
    const ks = markKeys('continuation-mark-set->list*', keys);
    return listFromArray(frameValues(ms.marks, ks).map((vals) => frameVector(this, 'continuation-mark-set->list*', ks, vals, none)));
  });
  t.fn('continuation-mark-set->iterator', 2, 4, function (this: Machine, set: Value, keys: Value, none: Value = false) {
    const ms = markSet(this, 'continuation-mark-set->iterator', set);
    const ks = markKeys('continuation-mark-set->iterator', keys);
    const frames = frameValues(ms.marks, ks);
    const iterator = (i: number): Primitive =>
      new Primitive(
        'continuation-mark-set->iterator',
        0,
        0,
        function (this: Machine) {
          if (i >= frames.length) return new MultipleValues([false, iterator(i)]);
          return new MultipleValues([frameVector(this, 'continuation-mark-set->iterator', ks, frames[i], none), iterator(i + 1)]);
        },
        true,
        true,
      );
    return iterator(0);
  });
  t.fn('continuation-marks', 1, 2, function (this: Machine, k: Value) {
    if (k === false) return new ContinuationMarkSet(null);
    if (k instanceof ContinuationProc) {
      if (!(k.k instanceof CapturedK)) return new ContinuationMarkSet(this.marks);
      return new ContinuationMarkSet(k.k.marks, new ErrorContext([], null, null, k.k.rest, true));
    }
    // Another thread is between steps: its procedures are its frames.
    if (k instanceof RThread)
      return k.m === this ? this.currentMarks() : new ContinuationMarkSet(k.m.marks, k.m.errorContext(false, false));
    return argError('continuation-marks', '(or/c continuation? thread? #f)', k);
  });
  // (name-or-#f . srcloc-or-#f) for each procedure on the continuation, innermost first (eval/error-context.ts).
  t.fn('continuation-mark-set->context', 1, 2, (set: Value) => {
    if (!(set instanceof ContinuationMarkSet)) return argError('continuation-mark-set->context', 'continuation-mark-set?', set);
    const entries = set.context?.get() ?? [];
    return listFromArray(entries.map((e) => new Pair(e.name === null ? false : sym(e.name), e.loc === null ? false : srclocValue(e.loc))));
  });
}
