// The event racket/port's read and peek events wait on between tries
// (lib/port-events.rkt): ready once an input port's state differs from what
// it was when the event was made (more bytes have come, some were taken, the
// stream has ended or the port was closed). Its result is the port.

import type { Machine } from '../eval/machine-type.js';
import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { InputPort } from '../io/input-port.js';
import type { Value } from '../values/types.js';
import { inArg } from './ports.js';
import type { PrimTable } from './table.js';

class PortChangeEvt implements Evt {
  private readonly length: number;
  private readonly reads: number;
  private readonly complete: boolean;
  constructor(readonly port: InputPort) {
    this.length = port.bytes.length;
    this.reads = port.reads;
    this.complete = port.complete;
  }
  private changed(): boolean {
    const p = this.port;
    return p.closed || p.bytes.length !== this.length || p.reads !== this.reads || p.complete !== this.complete;
  }
  poll(m: Machine): SyncResult | NotReady {
    const p = this.port;
    // A custom port's procedures must run for more bytes to come.
    if (!this.changed() && p.custom && !p.complete) p.fill(m, p.available + 1);
    return this.changed() ? p : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const p = this.port;
    p.demand();
    p.waiters.add(wake);
    // Reads by other threads and custom ports' procedures do not wake waiters: look now and then.
    const t = setInterval(wake, 5);
    return () => {
      clearInterval(t);
      p.waiters.delete(wake);
    };
  }
}

export function installPortChange(t: PrimTable): void {
  t.internalFn('input-port-change-evt', 1, 1, function (this: Machine, p: Value) {
    return new PortChangeEvt(inArg(this, 'input-port-change-evt', p));
  });
}
