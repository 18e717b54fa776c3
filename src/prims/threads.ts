// Threads: thread, kill-thread, break-thread, thread-wait, sleep, and the
// thread mailboxes (thread-send, thread-receive).

import { Block, NOT_READY } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { AlarmEvt } from '../thread/alarm.js';
import { managingCustodian } from '../thread/custodian.js';
import { alwaysEvt, neverEvt } from '../thread/evt.js';
import { PeekMailbox, mailboxOf } from '../thread/mailbox.js';
import { RThread, ThreadDeadEvt } from '../thread/thread.js';
import { VOID, type Value } from '../values/types.js';
import { checkProcedure } from './check.js';
import { seconds } from './time.js';
import type { PrimTable } from './table.js';
import { arityIncludes } from './procedures.js';

export function installThreads(t: PrimTable): void {
  t.fn('break-thread', 1, 2, function (this: Machine, v: Value) {
    if (!(v instanceof RThread)) return argError('break-thread', 'thread?', v);
    this.rt.sched.breakThread(v);
    // Breaking oneself takes effect at once, at the next step.
    if (v === this.thread) this.park(new Block([alwaysEvt]));
    return VOID;
  });
  t.fn('thread', 1, 1, function (this: Machine, thunk: Value) {
    if (!arityIncludes(checkProcedure('thread', thunk), 0)) return argError('thread', '(procedure-arity-includes/c 0)', thunk);
    const name = (thunk as { lam?: { name: string | null } }).lam?.name ?? 'thread';
    const custodian = managingCustodian(this, 'thread');
    const t = this.rt.sched.spawn(thunk, [], name, this);
    custodian.threads.add(t);
    return t;
  });
  t.fn('thread?', 1, 1, (v) => v instanceof RThread);
  t.fn('current-thread', 0, 0, function (this: Machine) {
    return this.thread;
  });
  t.fn('thread-running?', 1, 1, (v) => (v instanceof RThread ? v.state !== 'done' : argError('thread-running?', 'thread?', v)));
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
    if (v === this.thread) this.park(new Block([neverEvt]));
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
