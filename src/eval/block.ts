// The synchronization protocol between primitives, events and the scheduler.
//
// A primitive that must wait returns a `Block` naming the events it waits on.
// Any event kind — alarms, thread death, channels, UDP sockets — plugs in by
// implementing `Evt`: the scheduler knows nothing about particular kinds.

import type { Value } from '../values/types.js';
import type { Machine } from './machine-type.js';
import { Primitive } from './procedures.js';
import { RacketThrow } from '../errors/exn.js';

export const NOT_READY: unique symbol = Symbol('not-ready');
export type NotReady = typeof NOT_READY;

/** A sync result that is a procedure to apply in the syncing thread (wrap-evt, handle-evt). */
export class SyncApply {
  constructor(
    readonly proc: Value,
    readonly args: Value[],
    /** Applied to the result of `proc` afterwards, for nested wrappers. */
    readonly then: ((result: Value) => SyncResult) | null = null,
  ) {}
}

export type SyncResult = Value | SyncApply;

const raise = new Primitive('raise', 1, 1, (v: Value) => {
  throw new RacketThrow(v);
});

/** A sync result that raises `v` in the syncing thread (an event's failure). */
export function raiseOnSync(v: Value): SyncApply {
  return new SyncApply(raise, [v]);
}

export interface Evt {
  /**
   * Tries to complete now, in thread `m`. Returns the sync result, or
   * NOT_READY. An event commits (consumes a datagram, takes a channel value)
   * only when it returns a result.
   */
  poll(m: Machine): SyncResult | NotReady;
  /**
   * Asks to have `wake` called when `poll` may succeed. Returns a function
   * that cancels the request. Spurious wakes are allowed.
   */
  subscribe(m: Machine, wake: () => void): () => void;
  /**
   * True when another thread has already completed this event for `m` (a
   * channel partner took or gave the value): the sync must choose it.
   */
  committed?(m: Machine): boolean;
}

/**
 * The method of a value that stands for an event in `sync` without being
 * one (Racket's `prop:evt`): a thread is its death, a channel a get.
 */
export const evtOf: unique symbol = Symbol('evt-of');

export interface HasEvt {
  [evtOf](): Evt;
}

export class Block {
  constructor(
    readonly evts: Evt[],
    /** Absolute time (ms, the runtime clock) after which `timeoutResult` is delivered; null: no timeout. */
    readonly deadline: number | null = null,
    readonly timeoutResult: SyncResult = false,
  ) {}
}
