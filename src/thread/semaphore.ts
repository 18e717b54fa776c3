// Semaphores as events.

import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { customPrint } from '../values/printable.js';

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
export class SemaphorePeekEvt implements Evt {
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
