// Events as values, and their combinators: always-evt, never-evt,
// wrap-evt/handle-evt, choice-evt, guard-evt and replace-evt. Threads,
// alarms, channels and UDP sockets define their own event kinds; `asEvt`
// is what `sync` and the combinators accept.

import { Block, NOT_READY, SyncApply, evtOf, type Evt, type HasEvt, type NotReady, type SyncResult } from '../eval/block.js';
import { ThenFrame, type Machine } from '../eval/machine.js';
import { MachinePrimitive, type Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { Semaphore, SemaphorePeekEvt } from './semaphore.js';
import { MultipleValues, VOID, type Value } from '../values/types.js';
import { StructInstance, type StructType, propEvt } from '../values/struct.js';

class AlwaysEvt implements Evt {
  poll(): SyncResult {
    return this;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<always-evt>';
  }
}

class NeverEvt implements Evt {
  poll(): NotReady {
    return NOT_READY;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<never-evt>';
  }
}

/** `wrap-evt` and `handle-evt`: the inner event's result is passed to a procedure. */
export class WrapEvt implements Evt {
  constructor(
    readonly inner: Evt,
    readonly proc: Value,
    /** Made by handle-evt (its procedure is called in tail position of sync; handle-evt? says so). */
    readonly handle = false,
  ) {}
  committed(m: Machine): boolean {
    return this.inner.committed?.(m) ?? false;
  }
  poll(m: Machine): SyncResult | NotReady {
    const r = this.inner.poll(m);
    if (r === NOT_READY) return NOT_READY;
    // A wrapped wrapper: apply the inner procedure first, then this one to its results.
    return andThen(r, (v) => new SyncApply(this.proc, resultArgs(v)));
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.inner.subscribe(m, wake);
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

/** The values a sync result stands for, as arguments to a wrapper. */
function resultArgs(v: Value): Value[] {
  return v instanceof MultipleValues ? v.vals : [v];
}

/** A sync result followed by `next` on its final value (after any procedures it applies). */
function andThen(r: SyncResult, next: (v: Value) => SyncResult): SyncResult {
  if (r instanceof SyncApply) return new SyncApply(r.proc, r.args, (v) => (r.then ? andThen(r.then(v), next) : next(v)));
  return next(r);
}

/** A number in [0, 1) from the thread's current-evt-pseudo-random-generator (prims/events.ts installs it). */
let evtRandom: (m: Machine) => number = () => Math.random();
export function setEvtRandom(f: (m: Machine) => number): void {
  evtRandom = f;
}

/** Where a sync or choice over `n` events starts polling: random, for fairness. */
export function randomStart(m: Machine, n: number): number {
  return n > 1 ? Math.floor(evtRandom(m) * n) : 0;
}

/** `choice-evt`: ready when any of its events is; polled from a random start, as sync is. */
export class ChoiceEvt implements Evt {
  constructor(readonly evts: Evt[]) {}
  /** A partner thread completed one of the choices (a channel rendezvous): that one must be chosen. */
  committed(m: Machine): boolean {
    return this.evts.some((e) => e.committed?.(m) ?? false);
  }
  poll(m: Machine): SyncResult | NotReady {
    const done = this.evts.find((e) => e.committed?.(m) ?? false);
    if (done !== undefined) return done.poll(m);
    const n = this.evts.length;
    const first = randomStart(m, n);
    for (let i = 0; i < n; i++) {
      const r = this.evts[(first + i) % n].poll(m);
      if (r !== NOT_READY) return r;
    }
    return NOT_READY;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    const cancels = this.evts.map((e) => e.subscribe(m, wake));
    return () => cancels.forEach((c) => c());
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

export const alwaysEvt = new AlwaysEvt();
export const neverEvt = new NeverEvt();

/** Anything `sync` accepts: event objects, and values that stand for one (threads, channels). */
export function asEvt(v: Value): Evt | null {
  if (typeof v !== 'object' || v === null) return null;
  if (v instanceof StructInstance) return structEvt(v);
  if (typeof (v as Partial<HasEvt>)[evtOf] === 'function') return (v as HasEvt)[evtOf]();
  if (typeof (v as Evt).poll === 'function' && typeof (v as Evt).subscribe === 'function') return v as Evt;
  return null;
}

/** The event a struct with prop:evt stands for; null without the property. */
function structEvt(v: StructInstance): Evt | null {
  let owner: StructType | null = v.type;
  while (owner !== null && !owner.props.has(propEvt)) owner = owner.parent;
  if (owner === null) return null;
  const p = owner.props.get(propEvt)!;
  // A field index: the event in that field; a field that holds no event is never ready.
  if (typeof p === 'number') return asEvt(v.fields[owner.fieldOffset + p]) ?? neverEvt;
  const direct = asEvt(p);
  if (direct !== null) return direct;
  // A procedure: called with the instance when a sync starts, as guard-evt's maker is.
  return new GuardEvt(new MachinePrimitive('prop:evt', 0, 0, (m) => m.applyArray(p, [v])));
}

export function checkEvts(name: string, vs: Value[]): Evt[] {
  return vs.map((v) => asEvt(v) ?? argError(name, 'evt?', v));
}

/**
 * `guard-evt`: an event made at sync time, by calling `maker` in the
 * syncing thread. It is never polled: sync replaces it first (see
 * `withGuardsResolved`).
 */
export class GuardEvt implements Evt {
  constructor(
    readonly maker: Value,
    /** `guard-evt`'s maker takes no argument; nack-guard-evt's takes a nack event; poll-guard-evt's whether sync is polling. */
    readonly kind: 'plain' | 'nack' | 'poll' = 'plain',
  ) {}
  poll(): NotReady {
    return NOT_READY;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

/** `replace-evt`: when `inner` is chosen, `maker` turns its result into the event to sync on instead. */
export class ReplaceEvt implements Evt {
  constructor(
    readonly inner: Evt,
    readonly maker: Value,
    /** `sync`, to wait on the replacement. */
    readonly sync: Primitive,
  ) {}
  committed(m: Machine): boolean {
    return this.inner.committed?.(m) ?? false;
  }
  poll(m: Machine): SyncResult | NotReady {
    const r = this.inner.poll(m);
    if (r === NOT_READY) return NOT_READY;
    // The replacement is waited for under the same timeout as the sync that chose this event.
    const deadline = m.syncing?.deadline ?? null;
    const timeoutResult = m.syncing?.timeoutResult ?? false;
    const waitFor = (replacement: Value): SyncResult => {
      const e = asEvt(replacement) ?? new SelfEvt();
      if (guardsIn(e).length > 0) return new SyncApply(this.sync, [e]);
      const wait = new MachinePrimitive('sync', 0, 0, (m2) => {
        m2.node = null;
        m2.park(new Block([e], deadline, timeoutResult));
      });
      return new SyncApply(wait, []);
    };
    return andThen(r, (v) => new SyncApply(this.maker, resultArgs(v), waitFor));
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.inner.subscribe(m, wake);
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

/** What a guard or replacement that returns a non-event stands for: ready, with itself as the result (as in Racket CS). */
class SelfEvt implements Evt {
  poll(): SyncResult {
    return this;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

/** An event a nack guard made: it notes whether sync chose it, so that its nack is posted when not. */
class ChosenEvt implements Evt {
  constructor(
    readonly inner: Evt,
    readonly choice: { chosen: boolean },
  ) {}
  committed(m: Machine): boolean {
    return this.inner.committed?.(m) ?? false;
  }
  poll(m: Machine): SyncResult | NotReady {
    const r = this.inner.poll(m);
    if (r !== NOT_READY) this.choice.chosen = true;
    return r;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.inner.subscribe(m, wake);
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

/** The guards in an event tree, in order. */
function guardsIn(e: Evt, out: GuardEvt[] = []): GuardEvt[] {
  if (e instanceof GuardEvt) out.push(e);
  else if (e instanceof ChoiceEvt) for (const c of e.evts) guardsIn(c, out);
  else if (e instanceof WrapEvt) guardsIn(e.inner, out);
  else if (e instanceof ReplaceEvt) guardsIn(e.inner, out);
  else if (e instanceof ChosenEvt) guardsIn(e.inner, out);
  return out;
}

/** The event tree with each guard replaced by the event its maker returned. */
function substitute(e: Evt, made: Map<GuardEvt, Evt>): Evt {
  if (e instanceof GuardEvt) return made.get(e)!;
  if (e instanceof ChoiceEvt) return new ChoiceEvt(e.evts.map((c) => substitute(c, made)));
  if (e instanceof WrapEvt) return new WrapEvt(substitute(e.inner, made), e.proc, e.handle);
  if (e instanceof ReplaceEvt) return new ReplaceEvt(substitute(e.inner, made), e.maker, e.sync);
  if (e instanceof ChosenEvt) return new ChosenEvt(substitute(e.inner, made), e.choice);
  return e;
}

/**
 * For a sync primitive: null when `evts` hold no guard; otherwise a Block
 * that at once runs the makers (in the syncing thread, through the
 * machine, so they may do anything Racket code does), then applies `sync`
 * to `before` followed by the events the guards made. `polling`: the sync
 * is a poll (poll-guard-evt's makers are told).
 */
export function withGuardsResolved(sync: Primitive, before: Value[], evts: Evt[], polling = false): Block | null {
  const guards = evts.flatMap((e) => guardsIn(e));
  if (guards.length === 0) return null;
  const run = new MachinePrimitive(sync.name, 0, 0, (m) => {
    const made = new Map<GuardEvt, Evt>();
    const nacks: { choice: { chosen: boolean }; post: () => void }[] = [];
    let i = 0;
    const next = (m2: Machine): void => {
      if (i === guards.length) {
        // Once sync returns, the nacks of the events it did not choose become ready.
        if (nacks.length > 0)
          m2.stack.push(
            new ThenFrame(() => {
              for (const n of nacks) if (!n.choice.chosen) n.post();
            }),
          );
        m2.applyArray(sync, [...before, ...evts.map((e) => substitute(e, made))]);
        return;
      }
      const g = guards[i++];
      let nack: { evt: Evt; post: () => void } | null = null;
      if (g.kind === 'nack') nack = makeNack();
      m2.stack.push(
        new ThenFrame((m3) => {
          const e = asEvt(m3.val) ?? new SelfEvt();
          if (nack === null) made.set(g, e);
          else {
            const choice = { chosen: false };
            nacks.push({ choice, post: nack.post });
            made.set(g, new ChosenEvt(e, choice));
          }
          next(m3);
        }),
      );
      m2.applyArray(g.maker, g.kind === 'nack' ? [nack!.evt] : g.kind === 'poll' ? [polling] : []);
    };
    next(m);
  });
  return new Block([new ReadyEvt(new SyncApply(run, []))]);
}

/** A nack guard's nack: an event that becomes ready (for good) when posted. */
function makeNack(): { evt: Evt; post: () => void } {
  const sem = new Semaphore(0);
  return { evt: new SemaphorePeekEvt(sem), post: () => sem.post() };
}

/** Ready at once with a fixed sync result. */
class ReadyEvt implements Evt {
  constructor(readonly result: SyncResult) {}
  poll(): SyncResult {
    return this.result;
  }
  subscribe(): () => void {
    return () => {};
  }
}

/** The event of a blocking operation whose result is void (channel-put, semaphore-wait). */
export class VoidResultEvt implements Evt {
  constructor(readonly inner: Evt) {}
  committed(m: Machine): boolean {
    return this.inner.committed?.(m) ?? false;
  }
  poll(m: Machine): SyncResult | NotReady {
    return this.inner.poll(m) === NOT_READY ? NOT_READY : VOID;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.inner.subscribe(m, wake);
  }
}
