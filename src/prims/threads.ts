// Threads: thread, kill-thread, break-thread, thread-wait, sleep,
// suspending and resuming, thread groups, and the thread mailboxes
// (thread-send, thread-receive, thread-rewind-receive).

import { Block, NOT_READY } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { AlarmEvt } from '../thread/alarm.js';
import { Custodian, custodiansOf, manageThread, managingCustodian } from '../thread/custodian.js';
import { alwaysEvt, neverEvt } from '../thread/evt.js';
import { PeekMailbox, mailboxOf } from '../thread/mailbox.js';
import { RThread, ThreadDeadEvt, ThreadSuspendEvt } from '../thread/thread.js';
import { VOID, isList, listToArray, sym, type Value } from '../values/types.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { customPrint } from '../values/printable.js';
import { isProcedure } from './check.js';
import { seconds } from './time.js';
import type { PrimTable } from './table.js';
import { arityIncludes } from './procedures.js';

/** A thread group (make-thread-group): a value only, see below. */
class ThreadGroup {
  constructor(readonly parent: ThreadGroup | null) {}
  [customPrint](): string {
    return '#<thread-group>';
  }
}

export const currentThreadGroup = new Parameter(
  new ThreadGroup(null),
  new Primitive('current-thread-group', 1, 1, (v: Value) =>
    v instanceof ThreadGroup ? v : argError('current-thread-group', 'thread-group?', v),
  ),
  'current-thread-group',
);

/** Machines grow their stacks as needed: the setting is kept, as Racket CS keeps it, without effect. */
const currentThreadInitialStackSize = new Parameter(
  64,
  new Primitive('current-thread-initial-stack-size', 1, 1, (v: Value) =>
    (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'bigint' && v > 0n)
      ? v
      : argError('current-thread-initial-stack-size', 'exact-positive-integer?', v),
  ),
  'current-thread-initial-stack-size',
);

export function installThreads(t: PrimTable): void {
  t.fn('break-thread', 1, 2, function (this: Machine, v: Value, kind: Value = false) {
    if (!(v instanceof RThread)) return argError('break-thread', 'thread?', v);
    const k = kind === false ? 'break' : kind === sym('hang-up') ? 'hang-up' : kind === sym('terminate') ? 'terminate' : null;
    if (k === null) return argError('break-thread', "(or/c #f 'hang-up 'terminate)", kind);
    this.rt.sched.breakThread(v, k);
    // Breaking oneself takes effect at once, at the next step.
    if (v === this.thread) this.park(new Block([alwaysEvt]));
    return VOID;
  });
  const makeThread = (who: string, suspendToKill: boolean) =>
    t.fn(who, 1, 1, function (this: Machine, thunk: Value) {
      if (!(isProcedure(thunk) && arityIncludes(thunk, 0))) return argError(who, '(procedure-arity-includes/c 0)', thunk);
      const name = (thunk as { lam?: { name: string | null } }).lam?.name ?? '';
      const custodian = managingCustodian(this, who);
      const th = this.rt.sched.spawn(thunk, [], name, this);
      th.suspendToKill = suspendToKill;
      manageThread(custodian, th);
      return th;
    });
  makeThread('thread', false);
  makeThread('thread/suspend-to-kill', true);
  t.fn('thread-suspend', 1, 1, function (this: Machine, v: Value) {
    if (!(v instanceof RThread)) return argError('thread-suspend', 'thread?', v);
    this.rt.sched.suspend(v);
    // Suspending oneself takes effect at once.
    if (v === this.thread) this.park(new Block([alwaysEvt]));
    return VOID;
  });
  t.fn('thread-resume', 1, 2, function (this: Machine, v: Value, benefactor: Value = false) {
    if (!(v instanceof RThread)) return argError('thread-resume', 'thread?', v);
    if (benefactor !== false && !(benefactor instanceof RThread) && !(benefactor instanceof Custodian))
      return argError('thread-resume', '(or/c #f thread? custodian?)', benefactor);
    if (v.state === 'done') return VOID;
    // A benefactor's custodians manage the thread too; a thread no live custodian manages stays suspended.
    if (benefactor instanceof Custodian) manageThread(benefactor, v);
    else if (benefactor instanceof RThread) for (const c of custodiansOf(benefactor)) manageThread(c, v);
    if (custodiansOf(v).size > 0) this.rt.sched.resume(v);
    return VOID;
  });
  t.fn('thread-suspend-evt', 1, 1, (v: Value) =>
    v instanceof RThread ? new ThreadSuspendEvt(v, false) : argError('thread-suspend-evt', 'thread?', v),
  );
  t.fn('thread-resume-evt', 1, 1, (v: Value) =>
    v instanceof RThread ? new ThreadSuspendEvt(v, true) : argError('thread-resume-evt', 'thread?', v),
  );
  // Thread groups are values only: the scheduler shares time among threads, not groups.
  t.fn('make-thread-group', 0, 1, function (this: Machine, parent?: Value) {
    const p = parent === undefined ? this.paramValue(currentThreadGroup) : parent;
    if (!(p instanceof ThreadGroup)) return argError('make-thread-group', 'thread-group?', parent);
    return new ThreadGroup(p);
  });
  t.fn('thread-group?', 1, 1, (v: Value) => v instanceof ThreadGroup);
  t.value('current-thread-group', currentThreadGroup);
  t.value('current-thread-initial-stack-size', currentThreadInitialStackSize);
  t.fn('thread-rewind-receive', 1, 1, function (this: Machine, lst: Value) {
    if (!isList(lst)) return argError('thread-rewind-receive', 'list?', lst);
    mailboxOf(this.thread).queue.unshift(...listToArray(lst).reverse());
    return VOID;
  });
  t.fn('thread?', 1, 1, (v) => v instanceof RThread);
  t.fn('current-thread', 0, 0, function (this: Machine) {
    return this.thread;
  });
  t.fn('thread-running?', 1, 1, (v) =>
    v instanceof RThread ? v.state !== 'done' && !v.suspended : argError('thread-running?', 'thread?', v),
  );
  t.fn('thread-dead?', 1, 1, (v) => (v instanceof RThread ? v.state === 'done' : argError('thread-dead?', 'thread?', v)));
  t.blocking('thread-wait', 1, 1, (v: Value) => {
    if (!(v instanceof RThread)) return argError('thread-wait', 'thread?', v);
    return new Block([new ThreadDeadEvt(v, VOID)]);
  });
  t.fn('thread-dead-evt', 1, 1, (v: Value) => {
    if (!(v instanceof RThread)) return argError('thread-dead-evt', 'thread?', v);
    return new ThreadDeadEvt(v, v);
  });
  t.fn('kill-thread', 1, 1, function (this: Machine, v: Value) {
    if (!(v instanceof RThread)) return argError('kill-thread', 'thread?', v);
    this.rt.sched.kill(v);
    if (v === this.thread) this.park(new Block([v.suspended ? alwaysEvt : neverEvt]));
    return VOID;
  });
  t.blocking('sleep', 0, 1, function (this: Machine, secs: Value = 0) {
    const s = seconds(secs);
    if (s === null || s < 0 || s !== s) return argError('sleep', '(>=/c 0)', secs);
    // (sleep 0) still yields to other threads, as in Racket.
    return new Block([new AlarmEvt(this.rt.host, this.rt.host.now() + s * 1000, VOID)]);
  });

  t.fn('thread-send', 2, 3, (th: Value, v: Value) => {
    if (!(th instanceof RThread)) return argError('thread-send', 'thread?', th);
    if (th.state !== 'done') mailboxOf(th).send(v);
    return VOID;
  });
  t.blocking('thread-receive', 0, 0, function (this: Machine) {
    return new Block([mailboxOf(this.thread)]);
  });
  t.fn('thread-try-receive', 0, 0, function (this: Machine) {
    const r = mailboxOf(this.thread).poll();
    return r === NOT_READY ? false : r;
  });
  t.fn('thread-receive-evt', 0, 0, function (this: Machine) {
    return new PeekMailbox(mailboxOf(this.thread));
  });
}
