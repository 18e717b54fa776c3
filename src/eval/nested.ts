// Running Racket code to completion from JS, on a machine nested inside a
// step of a thread: how the expander runs transformers and begin-for-syntax
// code, in the middle of expanding, in the thread that expands.

import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { VOID, type Value } from '../values/types.js';
import { MarkEntry } from './frames.js';
import { Machine, RunStatus, ThenFrame } from './machine.js';
import { PARAMZ_KEY } from './marks.js';

/** Steps between checks of a nested run (it never yields to other threads). */
const NESTED_BUDGET = 1 << 20;

/**
 * Runs what `start` sets up on a fresh machine of `outer`'s thread, which
 * sees `outer`'s parameterization, until it returns; returns its result. A
 * raise no handler of the nested code catches is thrown as a RacketThrow,
 * to be raised again where the expander was called.
 */
export function runNested(outer: Machine, start: (m: Machine) => void, onBlocked?: () => void): Value {
  const m = new Machine(outer.rt);
  m.thread = outer.thread;
  const run = { failed: false, failure: undefined as Value };
  m.nested = run;
  const pz = outer.firstMark(PARAMZ_KEY);
  if (pz !== undefined) m.marks = new MarkEntry(PARAMZ_KEY, pz, null);
  start(m);
  for (;;) {
    const status = m.run(NESTED_BUDGET);
    if (run.failed) throw new RacketThrow(run.failure);
    if (status === RunStatus.Done) return m.val;
    if (status === RunStatus.Blocked) {
      m.blocked = null;
      // The caller may have a way to wait and run it again (it throws to say so).
      onBlocked?.();
      throw new RacketThrow(makeExn(exnFailUnsupportedT, 'compile-time code cannot block (sync, sleep or a thread wait) in rkt'));
    }
  }
}

/**
 * Applies `proc` to `args` to completion on a machine nested in `outer`'s
 * step. The call is made from the nested machine's first step, so that
 * what it raises meets the handlers it installs.
 */
export function applyNested(outer: Machine, proc: Value, args: readonly Value[], onBlocked?: () => void): Value {
  return runNested(
    outer,
    (m) => {
      m.stack.push(new ThenFrame((m2) => m2.applyArray(proc, args)));
      m.returnValue(VOID);
    },
    onBlocked,
  );
}
