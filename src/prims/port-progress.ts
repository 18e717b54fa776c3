// Progress events and committing peeked bytes: port-progress-evt,
// progress-evt?, port-provides-progress-evts?, port-commit-peeked. A
// progress event is ready once the port has been read from (or closed)
// since the event was made.

import type { Machine } from '../eval/machine.js';
import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { argError } from '../errors/messages.js';
import type { InputPort } from '../io/input-port.js';
import { asEvt } from '../thread/evt.js';
import { customPrint } from '../values/printable.js';
import type { Value } from '../values/types.js';
import { checkIndex } from './check.js';
import { CustomInputPort } from './custom-ports.js';
import { inArg } from './ports.js';
import type { PrimTable } from './table.js';

export class ProgressEvt implements Evt {
  private readonly start: number;
  constructor(readonly port: InputPort) {
    this.start = port.reads;
  }
  isReady(): boolean {
    return this.port.reads !== this.start || this.port.closed;
  }
  poll(): SyncResult | NotReady {
    return this.isReady() ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const t = setInterval(() => {
      if (this.isReady()) wake();
    }, 5);
    return () => clearInterval(t);
  }
  [customPrint](): string {
    return '#<progress-evt>';
  }
}

/**
 * As in Racket, a custom port provides progress events when it has no peek
 * procedure (peeks are built on reads) or has a progress-event procedure.
 * rkt keeps a custom port's bytes in the port's own buffer, so its progress
 * events watch that buffer as they do for the other ports.
 */
function providesProgress(port: InputPort): boolean {
  return !(port instanceof CustomInputPort) || port.peekProc === false || port.progressEvtProc !== false;
}

export function installPortProgress(t: PrimTable): void {
  t.fn('progress-evt?', 1, 2, (v: Value, p?: Value) => {
    if (!(v instanceof ProgressEvt)) return false;
    return p === undefined || v.port === p;
  });
  t.fn('port-provides-progress-evts?', 1, 1, function (this: Machine, p: Value) {
    return providesProgress(inArg(this, 'port-provides-progress-evts?', p, null));
  });
  t.fn('port-progress-evt', 0, 1, function (this: Machine, p?: Value) {
    const port = inArg(this, 'port-progress-evt', p, null);
    if (!providesProgress(port)) return argError('port-progress-evt', '(and/c input-port? port-provides-progress-evts?)', port);
    return new ProgressEvt(port);
  });
  // Reads `amt` peeked bytes unless the progress event is ready; `evt` must be ready too (rkt does not wait for it).
  t.fn('port-commit-peeked', 3, 4, function (this: Machine, amt: Value, progress: Value, evt: Value, p?: Value) {
    const who = 'port-commit-peeked';
    const n = checkIndex(who, amt);
    if (!(progress instanceof ProgressEvt)) return argError(who, 'progress-evt?', progress);
    const e = asEvt(evt);
    if (e === null) return argError(who, '(or/c channel-put-evt? channel? semaphore? semaphore-peek-evt? always-evt never-evt)', evt);
    const port = inArg(this, who, p);
    if (progress.port !== port) return argError(who, 'progress-evt?', progress);
    if (progress.isReady()) return false;
    if (e.poll(this) === NOT_READY) return false;
    port.readBytes(Math.min(n, port.available));
    return true;
  });
}
