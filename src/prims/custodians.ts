// Custodians: make-custodian, current-custodian, custodian-shutdown-all.
// A custodian owns the threads and sockets made while it is current; shutting
// it down kills those threads and closes those sockets (and its children's).

import { Block } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { Parameter } from '../eval/procedures.js';
import { customPrint } from '../printer/protocol.js';
import { argError } from '../runtime/errors.js';
import { RacketThrow, exnFailT, makeExn } from '../runtime/exn.js';
import type { RThread, Scheduler } from '../runtime/scheduler.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { neverEvt } from './threads.js';

export class Custodian {
  readonly threads = new Set<RThread>();
  readonly resources = new Set<{ release(): void }>();
  readonly children = new Set<Custodian>();
  shutDown = false;
  constructor(readonly parent: Custodian | null) {
    parent?.children.add(this);
  }
  [customPrint](): string {
    return '#<custodian>';
  }
}

/** The parameter; each runtime gives it its own root custodian as base value. */
export const currentCustodian = new Parameter(null, false, 'current-custodian');

/** The custodian new threads and sockets of `m` belong to; raises if it has been shut down. */
export function managingCustodian(m: Machine, who: string): Custodian {
  const c = m.paramValue(currentCustodian) as Custodian;
  if (c.shutDown) throw new RacketThrow(makeExn(exnFailT, `${who}: the custodian has been shut down\n  custodian: #<custodian>`));
  return c;
}

/** Kills the custodian's threads and releases its sockets, and its children's. */
export function shutdownCustodian(sched: Scheduler, c: Custodian): void {
  c.shutDown = true;
  for (const child of c.children) shutdownCustodian(sched, child);
  for (const r of c.resources) r.release();
  c.resources.clear();
  for (const t of c.threads) sched.kill(t);
  c.threads.clear();
}

export function installCustodians(t: PrimTable): void {
  t.value('current-custodian', currentCustodian);
  t.fn('make-custodian', 0, 1, function (this: Machine, parent?: Value) {
    const p = parent === undefined ? (this.paramValue(currentCustodian) as Custodian) : parent;
    if (!(p instanceof Custodian)) return argError('make-custodian', 'custodian?', parent);
    return new Custodian(p);
  });
  t.fn('custodian?', 1, 1, (v) => v instanceof Custodian);
  t.fn('custodian-shutdown-all', 1, 1, function (this: Machine, c: Value) {
    if (!(c instanceof Custodian)) return argError('custodian-shutdown-all', 'custodian?', c);
    const self = this.thread.state === 'done';
    shutdownCustodian(this.rt.sched, c);
    // If this thread was among the killed, it stops here.
    if (!self && this.thread.state === 'done') this.park(new Block([neverEvt]));
    return VOID;
  });
}
