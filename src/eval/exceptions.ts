// Raising and handling exceptions: `with-handlers`, `call-with-exception-handler`
// and what happens when no handler is left.

import type { Value } from '../values/types.js';
import { EscapeFrame, Frame, MarkEntry, MarkFrame } from './frames.js';
import type { Machine } from './machine.js';
import { EXN_HANDLER_KEY } from './marks.js';
import { MachinePrimitive } from './procedures.js';
import { listToArray } from '../values/types.js';

/** The handler `with-handlers` installs: where to escape to, and the clauses to try there. */
export class WithHandlers {
  constructor(
    readonly tag: object,
    readonly preds: Value[],
    readonly handlers: Value[],
  ) {}
}

/** Marks the end of the handler chain inside a handler call. */
export const NO_HANDLER = { name: 'no-handler' };

/** `(%with-handlers preds handlers thunk)`: the runtime half of the `with-handlers` form. */
export const withHandlersPrim = new MachinePrimitive('with-handlers', 3, 3, (m, a) => {
  const tag = { name: 'with-handlers' };
  m.stack.push(new EscapeFrame(tag, m.marks, m.winders));
  m.stack.push(new MarkFrame(m.marks));
  m.marks = new MarkEntry(EXN_HANDLER_KEY, new WithHandlers(tag, listToArray(a[1]), listToArray(a[2])), m.marks);
  // The body is not in tail position: its own marks must not replace the handler.
  m.stack.push(new PassFrame());
  m.applyArray(a[3], []);
});

/** Delivers the value it receives unchanged; it only separates continuation frames. */
class PassFrame extends Frame {
  resume(): void {}
}

/** Calls handler `h` (found in the marks) for raised value `v`. */
export function callHandler(m: Machine, h: Value, v: Value, nonContinuable: boolean): void {
  if (h instanceof WithHandlers) {
    m.escapeTo(h.tag, (m2) => selectClause(m2, h, v, 0));
    return;
  }
  // A procedure installed by call-with-exception-handler runs in the context
  // of the raise, with the enclosing handler current.
  let outer: Value = NO_HANDLER;
  let seen = false;
  for (let e = m.marks; e !== null; e = e.next) {
    if (e.key !== EXN_HANDLER_KEY) continue;
    if (seen) {
      outer = e.value;
      break;
    }
    if (e.value === h) seen = true;
  }
  m.stack.push(new MarkFrame(m.marks));
  m.marks = new MarkEntry(EXN_HANDLER_KEY, outer, m.marks);
  if (nonContinuable) m.stack.push(new HandlerReturnedFrame());
  m.applyArray(h, [v]);
}

/** After escaping to a with-handlers form: try each predicate in order. */
function selectClause(m: Machine, h: WithHandlers, v: Value, i: number): void {
  if (i >= h.preds.length) {
    m.raise(v, true);
    return;
  }
  m.stack.push(new SelectFrame(h, v, i));
  m.applyArray(h.preds[i], [v]);
}

class SelectFrame extends Frame {
  constructor(
    readonly h: WithHandlers,
    readonly v: Value,
    readonly i: number,
  ) {
    super();
  }
  resume(m: Machine): void {
    if (m.val !== false) m.applyArray(this.h.handlers[this.i], [this.v]);
    else selectClause(m, this.h, this.v, this.i + 1);
  }
}

/**
 * A handler for a non-continuable raise returned instead of escaping: as in
 * Racket, the value it returned is raised to the enclosing handler.
 */
class HandlerReturnedFrame extends Frame {
  resume(m: Machine): void {
    m.raise(m.val, true);
  }
}
