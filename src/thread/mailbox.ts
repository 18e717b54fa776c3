// Thread mailboxes (thread-send, thread-receive) as events.

import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { customPrint } from '../values/printable.js';
import type { Value } from '../values/types.js';
import type { RThread } from './thread.js';

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

/** Made on a thread's first mail. */
const mailboxes = new WeakMap<RThread, Mailbox>();
export function mailboxOf(t: RThread): Mailbox {
  let box = mailboxes.get(t);
  if (box === undefined) {
    box = new Mailbox();
    mailboxes.set(t, box);
  }
  return box;
}

/** thread-receive-evt: ready when mail is waiting; its result is itself. */
export class PeekMailbox implements Evt {
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
