// Plumbers: make-plumber, current-plumber, plumber-add-flush!,
// plumber-flush-all, and flush handles. A runtime's original plumber
// flushes its output ports; the default exit handler flushes it first.

import { ThenFrame, type Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { VOID, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

export class FlushHandle {
  constructor(
    readonly plumber: Plumber,
    readonly proc: Value,
  ) {}
  [customPrint](): string {
    return '#<plumber-flush-handle>';
  }
}

export class Plumber {
  /** In the order added; a weak handle's callback goes away with the handle. */
  readonly handles: (FlushHandle | WeakRef<FlushHandle>)[] = [];
  [customPrint](): string {
    return '#<plumber>';
  }
  add(h: FlushHandle, weak: boolean): void {
    this.handles.push(weak ? new WeakRef(h) : h);
  }
  remove(h: FlushHandle): void {
    const i = this.handles.findIndex((e) => (e instanceof WeakRef ? e.deref() : e) === h);
    if (i >= 0) this.handles.splice(i, 1);
  }
  /** The live handles, dropping the entries of collected weak handles. */
  live(): FlushHandle[] {
    const out: FlushHandle[] = [];
    for (let i = 0; i < this.handles.length; i++) {
      const e = this.handles[i];
      const h = e instanceof WeakRef ? e.deref() : e;
      if (h === undefined) this.handles.splice(i--, 1);
      else out.push(h);
    }
    return out;
  }
}

/** A runtime's original plumber: its first callback flushes the runtime's output ports. */
export function originalPlumber(flushPorts: () => void): Plumber {
  const p = new Plumber();
  p.add(
    new FlushHandle(
      p,
      new Primitive('flush-output-ports', 1, 1, () => {
        flushPorts();
        return VOID;
      }),
    ),
    false,
  );
  return p;
}

export const currentPlumber = new Parameter(
  null,
  new Primitive('current-plumber', 1, 1, (v: Value) => (v instanceof Plumber ? v : argError('current-plumber', 'plumber?', v))),
  'current-plumber',
);

/** Calls each flush callback of `p` with its handle, in order, then continues with `then`. */
export function flushAll(m: Machine, p: Plumber, then: (m: Machine) => void): void {
  const handles = p.live();
  let i = 0;
  const next = (m2: Machine): void => {
    if (i === handles.length) {
      then(m2);
      return;
    }
    const h = handles[i++];
    m2.stack.push(new ThenFrame(next));
    m2.applyArray(h.proc, [h]);
  };
  next(m);
}

export function installPlumbers(t: PrimTable): void {
  t.fn('make-plumber', 0, 0, () => new Plumber());
  t.fn('plumber?', 1, 1, (v: Value) => v instanceof Plumber);
  t.value('current-plumber', currentPlumber);
  t.fn('plumber-add-flush!', 2, 3, (p: Value, proc: Value, weak: Value = false) => {
    if (!(p instanceof Plumber)) return argError('plumber-add-flush!', 'plumber?', p);
    if (!(isProcedure(proc) && arityIncludes(proc, 1))) return argError('plumber-add-flush!', '(procedure-arity-includes/c 1)', proc);
    const h = new FlushHandle(p, proc);
    p.add(h, weak !== false);
    return h;
  });
  t.machine('plumber-flush-all', 1, 1, (m, a) => {
    const p = a[1];
    if (!(p instanceof Plumber)) return argError('plumber-flush-all', 'plumber?', p);
    flushAll(m, p, (m2) => m2.returnValue(VOID));
  });
  t.fn('plumber-flush-handle?', 1, 1, (v: Value) => v instanceof FlushHandle);
  t.fn('plumber-flush-handle-remove!', 1, 1, (h: Value) => {
    if (!(h instanceof FlushHandle)) return argError('plumber-flush-handle-remove!', 'plumber-flush-handle?', h);
    h.plumber.remove(h);
    return VOID;
  });
}
