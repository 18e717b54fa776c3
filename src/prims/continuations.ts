// Continuations: call/cc (also as call-with-composable-continuation, which
// full continuations subsume here), call/ec, dynamic-wind, continuation?.

import { EscapeFrame, Frame, Winder } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationProc } from '../eval/procedures.js';
import { RestoreValueFrame } from '../eval/nodes.js';
import { argError } from '../errors/messages.js';
import type { Value } from '../values/types.js';
import { isProcedure } from './check.js';
import type { PrimTable } from './table.js';
import { arityIncludes } from './procedures.js';

class DynamicWindPreFrame extends Frame {
  constructor(
    readonly pre: Value,
    readonly body: Value,
    readonly post: Value,
  ) {
    super();
  }
  resume(m: Machine): void {
    const w = new Winder(this.pre, this.post, m.winders, m.marks);
    m.winders = w;
    const f = new DynamicWindBodyFrame(w);
    f.tag = w;
    m.stack.push(f);
    m.applyArray(this.body, []);
  }
}

class DynamicWindBodyFrame extends Frame {
  constructor(readonly w: Winder) {
    super();
  }
  resume(m: Machine): void {
    m.winders = this.w.next;
    m.stack.push(new RestoreValueFrame(m.val));
    m.applyArray(this.w.post, []);
  }
}

/** `(procedure-arity-includes/c n)`: a procedure that accepts `n` arguments. */
function checkArity(who: string, f: Value, n: number, pos?: number, args?: Value[]): void {
  if (!isProcedure(f) || !arityIncludes(f, n)) argError(who, `(procedure-arity-includes/c ${n})`, f, pos, args);
}

export function installContinuations(t: PrimTable): void {
  t.machine('call-with-current-continuation', 1, 2, (m, a) => {
    checkArity('call-with-current-continuation', a[1], 1);
    const k = m.captureK();
    m.applyArray(a[1], [new ContinuationProc(k, null)]);
  });
  t.alias('call/cc', 'call-with-current-continuation');
  t.alias('call-with-composable-continuation', 'call-with-current-continuation');

  t.machine('call-with-escape-continuation', 1, 1, (m, a) => {
    checkArity('call-with-escape-continuation', a[1], 1);
    const tag = { name: 'call/ec' };
    m.stack.push(new EscapeFrame(tag, m.marks, m.winders));
    m.applyArray(a[1], [new ContinuationProc(null, tag)]);
  });
  t.alias('call/ec', 'call-with-escape-continuation');

  t.machine('dynamic-wind', 3, 3, (m, a) => {
    m.stack.push(new DynamicWindPreFrame(a[1], a[2], a[3]));
    m.applyArray(a[1], []);
  });

  t.fn('continuation?', 1, 1, (v) => v instanceof ContinuationProc);
}
