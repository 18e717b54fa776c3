// Alarms: events that become ready at an absolute time (sleep, alarm-evt,
// sync/timeout's deadline is kept by the scheduler itself).

import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { customPrint } from '../values/printable.js';
import type { Value } from '../values/types.js';
import type { Clock } from './scheduler.js';

/** Ready at time `at` (ms on `clock`); its sync result is `result`. */
export class AlarmEvt implements Evt {
  constructor(
    readonly clock: Clock,
    readonly at: number,
    readonly result: Value,
  ) {}
  poll(): SyncResult | NotReady {
    return this.clock.now() >= this.at ? this.result : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.clock.setTimer(Math.max(0, this.at - this.clock.now()), wake);
  }
  [customPrint](): string {
    return '#<alarm-evt>';
  }
}
