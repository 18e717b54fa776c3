// Channels, semaphores and thread mailboxes, as events.
//
// A channel is a rendezvous: a put completes only when a get takes its
// value. A thread blocked in sync offers its put or get while it waits (the
// offer is its event's subscription); a thread that polls the matching
// operation claims the offer, hands the value over, and wakes the offerer,
// whose event is then committed and is the one its sync returns.

import { Block, NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { Primitive } from '../eval/procedures.js';
import { customPrint } from '../printer/protocol.js';
import { argError } from '../runtime/errors.js';
import { RThread } from '../runtime/scheduler.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { withBreaksEnabled } from './threads.js';

interface Offer<T> {
  evt: T;
  wake: () => void;
}

export class Channel {
  readonly putters: Offer<ChannelPutEvt>[] = [];
  readonly getters: Offer<ChannelGetEvt>[] = [];
  [customPrint](): string {
    return '#<channel>';
  }
}

/** Taking a value from a channel; a channel used as an event is this. */
class ChannelGetEvt implements Evt {
  /** A value handed over by a putter while this get was offered. */
  private delivered: { value: Value } | null = null;
  constructor(readonly ch: Channel) {}
  committed(): boolean {
    return this.delivered !== null;
  }
  receive(value: Value): void {
    this.delivered = { value };
  }
  poll(): SyncResult | NotReady {
    if (this.delivered !== null) {
      const v = this.delivered.value;
      this.delivered = null;
      return v;
    }
    const offer = this.ch.putters.find((o) => !o.evt.isTaken());
    if (offer === undefined) return NOT_READY;
    offer.evt.take();
    offer.wake();
    return offer.evt.value;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const offer = { evt: this, wake };
    this.ch.getters.push(offer);
    return () => remove(this.ch.getters, offer);
  }
}

export class ChannelPutEvt implements Evt {
  private taken = false;
  constructor(
    readonly ch: Channel,
    readonly value: Value,
  ) {}
  isTaken(): boolean {
    return this.taken;
  }
  take(): void {
    this.taken = true;
  }
  committed(): boolean {
    return this.taken;
  }
  poll(): SyncResult | NotReady {
    if (this.taken) {
      this.taken = false;
      return this;
    }
    const offer = this.ch.getters.find((o) => !o.evt.committed());
    if (offer === undefined) return NOT_READY;
    offer.evt.receive(this.value);
    offer.wake();
    return this;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const offer = { evt: this, wake };
    this.ch.putters.push(offer);
    return () => remove(this.ch.putters, offer);
  }
  [customPrint](): string {
    return '#<channel-put-evt>';
  }
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

export class Semaphore implements Evt {
  readonly waiters = new Set<() => void>();
  constructor(public count: number) {}
  post(): void {
    this.count++;
    for (const w of [...this.waiters]) w();
  }
  poll(): SyncResult | NotReady {
    if (this.count === 0) return NOT_READY;
    this.count--;
    return this;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
  [customPrint](): string {
    return '#<semaphore>';
  }
}

/** Ready when the semaphore's count is positive, without decrementing it. */
class SemaphorePeekEvt implements Evt {
  constructor(readonly sem: Semaphore) {}
  poll(): SyncResult | NotReady {
    return this.sem.count > 0 ? this : NOT_READY;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.sem.subscribe(m, wake);
  }
  [customPrint](): string {
    return '#<semaphore-peek-evt>';
  }
}

/** A thread's mailbox for thread-send / thread-receive. */
export class Mailbox implements Evt {
  readonly queue: Value[] = [];
  readonly waiters = new Set<() => void>();
  send(v: Value): void {
    this.queue.push(v);
    for (const w of [...this.waiters]) w();
  }
  poll(): SyncResult | NotReady {
    return this.queue.length > 0 ? this.queue.shift() : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

const mailboxes = new WeakMap<RThread, Mailbox>();
function mailboxOf(t: RThread): Mailbox {
  let box = mailboxes.get(t);
  if (box === undefined) {
    box = new Mailbox();
    mailboxes.set(t, box);
  }
  return box;
}

function checkChannel(who: string, v: Value): Channel {
  if (v instanceof Channel) return v;
  return argError(who, 'channel?', v);
}

function checkSemaphore(who: string, v: Value): Semaphore {
  if (v instanceof Semaphore) return v;
  return argError(who, 'semaphore?', v);
}

/** A channel in a sync is a get. */
export function channelAsEvt(v: Value): Evt | null {
  return v instanceof Channel ? new ChannelGetEvt(v) : null;
}

export function installChannels(t: PrimTable): void {
  t.fn('make-channel', 0, 0, () => new Channel());
  t.fn('channel?', 1, 1, (v) => v instanceof Channel);
  t.blocking('channel-get', 1, 1, (c: Value) => new Block([new ChannelGetEvt(checkChannel('channel-get', c))]));
  t.fn('channel-try-get', 1, 1, (c: Value) => {
    const r = new ChannelGetEvt(checkChannel('channel-try-get', c)).poll();
    return r === NOT_READY ? false : r;
  });
  t.blocking('channel-put', 2, 2, (c: Value, v: Value) => {
    const evt = new ChannelPutEvt(checkChannel('channel-put', c), v);
    return new Block([new VoidResult(evt)]);
  });
  t.fn('channel-put-evt', 2, 2, (c: Value, v: Value) => new ChannelPutEvt(checkChannel('channel-put-evt', c), v));

  t.fn('make-semaphore', 0, 1, (n: Value = 0) => {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return argError('make-semaphore', 'exact-nonnegative-integer?', n);
    return new Semaphore(n);
  });
  t.fn('semaphore?', 1, 1, (v) => v instanceof Semaphore);
  t.fn('semaphore-post', 1, 1, (s: Value) => {
    checkSemaphore('semaphore-post', s).post();
    return VOID;
  });
  const semaphoreWait = (who: string) => (s: Value) => new Block([new VoidResult(checkSemaphore(who, s))]);
  t.blocking('semaphore-wait', 1, 1, semaphoreWait('semaphore-wait'));
  const waitBreakable = new Primitive('semaphore-wait/enable-break', 1, 1, semaphoreWait('semaphore-wait/enable-break'), false);
  withBreaksEnabled(t, 'semaphore-wait/enable-break', waitBreakable);
  t.fn('semaphore-try-wait?', 1, 1, (s: Value) => checkSemaphore('semaphore-try-wait?', s).poll() !== NOT_READY);
  t.fn('semaphore-peek-evt', 1, 1, (s: Value) => new SemaphorePeekEvt(checkSemaphore('semaphore-peek-evt', s)));

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

/** The event of a blocking operation whose result is void (channel-put, semaphore-wait). */
class VoidResult implements Evt {
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

/** thread-receive-evt: ready when mail is waiting; its result is itself. */
class PeekMailbox implements Evt {
  constructor(readonly box: Mailbox) {}
  [customPrint](): string {
    return '#<thread-receive-evt>';
  }
  poll(): SyncResult | NotReady {
    return this.box.queue.length > 0 ? this : NOT_READY;
  }
  subscribe(m: Machine, wake: () => void): () => void {
    return this.box.subscribe(m, wake);
  }
}
