// Channels as events.
//
// A channel is a rendezvous: a put completes only when a get takes its
// value. A thread blocked in sync offers its put or get while it waits (the
// offer is its event's subscription); a thread that polls the matching
// operation claims the offer, hands the value over, and wakes the offerer,
// whose event is then committed and is the one its sync returns.

import { NOT_READY, evtOf, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { customPrint } from '../values/printable.js';
import type { Value } from '../values/types.js';

interface Offer<T> {
  evt: T;
  wake: () => void;
}

/**
 * The wake functions of blocked syncs one of whose offers has been claimed.
 * All the offers of one sync share its wake function, and a sync completes
 * with one event only: once a partner claims one offer, the sync's other
 * offers (on this or other channels) are no longer there to claim.
 */
const claimed = new WeakSet<() => void>();

function claim(wake: () => void): void {
  claimed.add(wake);
  wake();
}

export class Channel {
  readonly putters: Offer<ChannelPutEvt>[] = [];
  readonly getters: Offer<ChannelGetEvt>[] = [];
  /** A channel in a sync is a get. */
  [evtOf](): Evt {
    return new ChannelGetEvt(this);
  }
  [customPrint](): string {
    return '#<channel>';
  }
}

/** Taking a value from a channel; a channel used as an event is this. */
export class ChannelGetEvt implements Evt {
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
    const offer = this.ch.putters.find((o) => !o.evt.isTaken() && !claimed.has(o.wake));
    if (offer === undefined) return NOT_READY;
    offer.evt.take();
    claim(offer.wake);
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
    const offer = this.ch.getters.find((o) => !o.evt.committed() && !claimed.has(o.wake));
    if (offer === undefined) return NOT_READY;
    offer.evt.receive(this.value);
    claim(offer.wake);
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
