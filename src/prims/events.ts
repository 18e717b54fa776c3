// Synchronization: sync, sync/timeout and their /enable-break variants, and
// events as values (alarm-evt, wrap-evt, handle-evt, choice-evt, guard-evt,
// replace-evt, always-evt, never-evt). The event kinds are in src/thread.

import { Block, type Evt } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { AlarmEvt } from '../thread/alarm.js';
import {
  ChoiceEvt,
  GuardEvt,
  ReplaceEvt,
  WrapEvt,
  alwaysEvt,
  asEvt,
  checkEvts,
  neverEvt,
  setEvtRandom,
  withGuardsResolved,
} from '../thread/evt.js';
import { PseudoRandomGenerator } from './random.js';
import type { Value } from '../values/types.js';
import { propEvt } from '../values/struct.js';
import { withBreaksEnabled } from './breaks.js';
import { checkProcedure, isProcedure } from './check.js';
import { seconds } from './time.js';
import type { PrimTable } from './table.js';
import { arityIncludes } from './procedures.js';

/** What sync and choice-evt draw their random starting points from. */
export const currentEvtPseudoRandomGenerator = new Parameter(
  null,
  new Primitive('current-evt-pseudo-random-generator', 1, 1, (v: Value) =>
    v instanceof PseudoRandomGenerator ? v : argError('current-evt-pseudo-random-generator', 'pseudo-random-generator?', v),
  ),
  'current-evt-pseudo-random-generator',
);
setEvtRandom((m) => {
  const g = m.paramValue(currentEvtPseudoRandomGenerator);
  return g instanceof PseudoRandomGenerator ? g.real() : Math.random();
});

/** Made by handle-evt, or a choice with such an event among its own. */
function isHandleEvt(e: Evt): boolean {
  if (e instanceof WrapEvt) return e.handle;
  if (e instanceof ChoiceEvt) return e.evts.some(isHandleEvt);
  return false;
}

export function installEvents(t: PrimTable): void {
  const sync: Primitive = t.blocking('sync', 0, -1, (...vs: Value[]) => {
    const evts = checkEvts('sync', vs);
    return withGuardsResolved(sync, [], evts) ?? new Block(evts);
  });
  withBreaksEnabled(t, 'sync/enable-break', sync);
  const syncTimeout: Primitive = t.blocking('sync/timeout', 1, -1, function (this: Machine, timeout: Value, ...vs: Value[]) {
    const evts = checkEvts('sync/timeout', vs);
    const guarded = withGuardsResolved(syncTimeout, [timeout], evts, timeout === 0);
    if (guarded !== null) return guarded;
    if (timeout === false) return new Block(evts);
    const s = seconds(timeout);
    if (s === null || s < 0) return argError('sync/timeout', '(or/c #f (and/c real? (not/c negative?)) (-> any))', timeout);
    return new Block(evts, this.rt.host.now() + s * 1000, false);
  });
  withBreaksEnabled(t, 'sync/timeout/enable-break', syncTimeout);
  t.fn('alarm-evt', 1, 2, function (this: Machine, ms: Value, monotonic: Value = false) {
    const at = seconds(ms);
    if (at === null) return argError('alarm-evt', 'real?', ms);
    // alarm-evt takes an absolute time in current-inexact-milliseconds terms, or with `monotonic?`
    // in current-inexact-monotonic-milliseconds terms (the host's clock).
    const deadline = monotonic !== false ? at : this.rt.host.now() + (at - this.rt.epochMs());
    const evt: AlarmEvt = new AlarmEvt(this.rt.host, deadline, undefined);
    (evt as { result: Value }).result = evt;
    return evt;
  });
  const wrap = (name: string, handle: boolean) =>
    t.fn(name, 2, 2, (e: Value, proc: Value) => {
      const inner = asEvt(e) ?? argError(name, 'evt?', e);
      return new WrapEvt(inner, checkProcedure(name, proc), handle);
    });
  wrap('wrap-evt', false);
  wrap('handle-evt', true);
  t.fn('handle-evt?', 1, 1, (v: Value) => isHandleEvt(asEvt(v) ?? argError('handle-evt?', 'evt?', v)));
  t.fn('choice-evt', 0, -1, (...es: Value[]) => new ChoiceEvt(checkEvts('choice-evt', es)));
  t.fn('guard-evt', 1, 1, (maker: Value) => {
    if (!isProcedure(maker) || !arityIncludes(maker, 0)) return argError('guard-evt', '(any/c . -> . evt?)', maker);
    return new GuardEvt(maker);
  });
  for (const [name, kind] of [
    ['nack-guard-evt', 'nack'],
    ['poll-guard-evt', 'poll'],
  ] as const) {
    t.fn(name, 1, 1, (maker: Value) => {
      if (!isProcedure(maker) || !arityIncludes(maker, 1)) return argError(name, '(procedure-arity-includes/c 1)', maker);
      return new GuardEvt(maker, kind);
    });
  }
  t.fn('system-idle-evt', 0, 0, function (this: Machine) {
    return this.rt.sched.idleEvt;
  });
  t.value('current-evt-pseudo-random-generator', currentEvtPseudoRandomGenerator);
  t.fn('replace-evt', 2, 2, (e: Value, maker: Value) => {
    const inner = asEvt(e) ?? argError('replace-evt', 'evt?', e);
    return new ReplaceEvt(inner, checkProcedure('replace-evt', maker), sync);
  });
  t.value('always-evt', alwaysEvt);
  t.value('never-evt', neverEvt);
  t.fn('evt?', 1, 1, (v) => asEvt(v) !== null);
  t.value('prop:evt', propEvt);
}
