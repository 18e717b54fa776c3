// Custodians. A custodian owns the threads and sockets made while it is
// current; shutting it down kills those threads and closes those sockets
// (and its children's).

import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import type { Value } from '../values/types.js';
import { Parameter } from '../eval/procedures.js';
import { RacketThrow, exnFailT, makeExn } from '../errors/exn.js';
import { customPrint } from '../values/printable.js';
import type { Scheduler } from './scheduler.js';
import type { RThread } from './thread.js';

export class Custodian {
  readonly threads = new Set<RThread>();
  readonly resources = new Set<{ release(): void }>();
  readonly children = new Set<Custodian>();
  /** The custodian boxes whose values this custodian holds. */
  readonly boxes = new Set<CustodianBox>();
  shutDown = false;
  constructor(readonly parent: Custodian | null) {
    parent?.children.add(this);
  }
  [customPrint](): string {
    return '#<custodian>';
  }
}

/** `make-custodian-box`: a value held until its custodian is shut down; as an event, ready from then on. */
export class CustodianBox implements Evt {
  readonly waiters = new Set<() => void>();
  constructor(
    readonly custodian: Custodian,
    public value: Value,
  ) {}
  poll(): SyncResult | NotReady {
    return this.custodian.shutDown ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
  [customPrint](): string {
    return '#<custodian-box>';
  }
}

/** The custodians that manage each thread. */
const managersOf = new WeakMap<RThread, Set<Custodian>>();
export function custodiansOf(t: RThread): Set<Custodian> {
  let set = managersOf.get(t);
  if (set === undefined) {
    set = new Set();
    managersOf.set(t, set);
  }
  return set;
}

/** `c` manages `t` (as well as any custodians that already do). */
export function manageThread(c: Custodian, t: RThread): void {
  if (c.shutDown) return;
  c.threads.add(t);
  custodiansOf(t).add(c);
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
  c.parent?.children.delete(c);
  for (const child of [...c.children]) shutdownCustodian(sched, child);
  for (const b of c.boxes) {
    b.value = false;
    for (const w of [...b.waiters]) w();
  }
  c.boxes.clear();
  for (const r of c.resources) r.release();
  c.resources.clear();
  // A thread dies (or, from thread/suspend-to-kill, is suspended) when no live custodian manages it.
  for (const t of c.threads) {
    const managers = custodiansOf(t);
    managers.delete(c);
    if (managers.size === 0) sched.kill(t);
  }
  c.threads.clear();
}
