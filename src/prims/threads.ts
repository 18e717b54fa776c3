// Threads, sleeping, basic events and `sync`, and the clock.

import { Block } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../runtime/errors.js';
import { AlarmEvt, RThread, ThreadDeadEvt, breaksEnabled } from '../runtime/scheduler.js';
import { MarkEntry, MarkFrame } from '../eval/frames.js';
import { BREAK_ENABLED_KEY } from '../eval/marks.js';
import type { Primitive } from '../eval/procedures.js';
import { ChoiceEvt, GuardEvt, ReplaceEvt, WrapEvt, alwaysEvt, asEvt, checkEvts, neverEvt, withGuardsResolved } from './events.js';
import { managingCustodian } from './custodians.js';
import { Flonum, VOID, type Value } from '../values/types.js';
import { checkProcedure, isProcedure } from './check.js';
import { arityIncludes } from './control.js';
import type { PrimTable } from './table.js';

export { alwaysEvt, neverEvt };

/** Seconds as a JS number, from any real. */
function seconds(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.n;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

/**
 * The `/enable-break` variant of a blocking primitive: the same call with
 * breaks enabled while it runs (and waits).
 */
export function withBreaksEnabled(t: PrimTable, name: string, base: Primitive): void {
  t.machine(name, base.min, base.max, (m, vals) => {
    m.stack.push(new MarkFrame(m.marks));
    m.marks = new MarkEntry(BREAK_ENABLED_KEY, true, m.marks);
    m.applyVals(base, vals);
  });
}

export function installThreads(t: PrimTable): void {
  t.fn('break-thread', 1, 2, function (this: Machine, v: Value) {
    if (!(v instanceof RThread)) return argError('break-thread', 'thread?', v);
    this.rt.sched.breakThread(v);
    // Breaking oneself takes effect at once, at the next step.
    if (v === this.thread) this.park(new Block([alwaysEvt]));
    return VOID;
  });
  t.fn('break-enabled', 0, 1, function (this: Machine, on?: Value) {
    if (on === undefined) return breaksEnabled(this);
    this.thread.breakEnabledDefault = on !== false;
    return VOID;
  });
  t.internal('break-enabled-key', BREAK_ENABLED_KEY);
  t.fn('thread', 1, 1, function (this: Machine, thunk: Value) {
    if (!arityIncludes(checkProcedure('thread', thunk), 0) ) return argError('thread', '(procedure-arity-includes/c 0)', thunk);
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
    return new Block([new AlarmEvt(this.rt, this.rt.host.now() + s * 1000, VOID)]);
  });
  const sync: Primitive = t.blocking('sync', 1, -1, (...vs: Value[]) => {
    const evts = checkEvts('sync', vs);
    return withGuardsResolved(sync, [], evts) ?? new Block(evts);
  });
  withBreaksEnabled(t, 'sync/enable-break', sync);
  const syncTimeout: Primitive = t.blocking('sync/timeout', 2, -1, function (this: Machine, timeout: Value, ...vs: Value[]) {
    const evts = checkEvts('sync/timeout', vs);
    const guarded = withGuardsResolved(syncTimeout, [timeout], evts);
    if (guarded !== null) return guarded;
    if (timeout === false) return new Block(evts);
    const s = seconds(timeout);
    if (s === null || s < 0) return argError('sync/timeout', '(or/c #f (and/c real? (not/c negative?)) (-> any))', timeout);
    return new Block(evts, this.rt.host.now() + s * 1000, false);
  });
  withBreaksEnabled(t, 'sync/timeout/enable-break', syncTimeout);
  t.fn('alarm-evt', 1, 2, function (this: Machine, ms: Value) {
    const at = seconds(ms);
    if (at === null) return argError('alarm-evt', 'real?', ms);
    // alarm-evt takes an absolute time in current-inexact-milliseconds terms.
    const evt: AlarmEvt = new AlarmEvt(this.rt, this.rt.host.now() + (at - this.rt.epochMs()), undefined);
    (evt as { result: Value }).result = evt;
    return evt;
  });
  const wrap = (name: string) =>
    t.fn(name, 2, 2, (e: Value, proc: Value) => {
      const inner = asEvt(e) ?? argError(name, 'evt?', e);
      return new WrapEvt(inner, checkProcedure(name, proc));
    });
  wrap('wrap-evt');
  wrap('handle-evt');
  t.fn('choice-evt', 0, -1, (...es: Value[]) => new ChoiceEvt(checkEvts('choice-evt', es)));
  t.fn('guard-evt', 1, 1, (maker: Value) => {
    if (!isProcedure(maker) || !arityIncludes(maker, 0)) return argError('guard-evt', '(any/c . -> . evt?)', maker);
    return new GuardEvt(maker);
  });
  t.fn('replace-evt', 2, 2, (e: Value, maker: Value) => {
    const inner = asEvt(e) ?? argError('replace-evt', 'evt?', e);
    return new ReplaceEvt(inner, checkProcedure('replace-evt', maker), sync);
  });
  t.value('always-evt', alwaysEvt);
  t.value('never-evt', neverEvt);
  t.fn('evt?', 1, 1, (v) => asEvt(v) !== null);

  t.fn('current-inexact-milliseconds', 0, 0, function (this: Machine) {
    return new Flonum(this.rt.epochMs());
  });
  t.fn('current-milliseconds', 0, 0, function (this: Machine) {
    return Math.floor(this.rt.epochMs());
  });
  t.fn('current-seconds', 0, 0, function (this: Machine) {
    return Math.floor(this.rt.epochMs() / 1000);
  });
  t.fn('current-process-milliseconds', 0, 1, function (this: Machine) {
    return Math.floor(this.rt.host.cpuMs());
  });
  t.fn('current-gc-milliseconds', 0, 0, () => 0);
}
