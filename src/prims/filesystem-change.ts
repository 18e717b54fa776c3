// filesystem-change-evt (The Racket Reference §15.2.4): an event that
// becomes ready, and stays ready, once the file or directory changes or the
// event is cancelled; its sync result is the event itself. It watches
// through the host's file capability.

import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { errnoError, files, operand } from './filesystem.js';
import { RacketThrow } from '../errors/exn.js';

export class FilesystemChangeEvt implements Evt {
  ready = false;
  closed = false;
  private readonly waiters = new Set<() => void>();
  private stopWatching: () => void = () => {};

  watchWith(stop: () => void): void {
    this.stopWatching = stop;
  }
  /** Ready now: the watched path changed, or the event was cancelled. */
  fire(): void {
    if (this.ready) return;
    this.ready = true;
    this.close();
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
  /** Stops watching (the run's end, or a cancel). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatching();
  }
  poll(): SyncResult | NotReady {
    return this.ready ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
  [customPrint](): string {
    return '#<filesystem-change-evt>';
  }
}

export function installFilesystemChange(t: PrimTable): void {
  // (%filesystem-change-evt path fail?): the event; #f when watching fails and `fail?`
  // (the front end in lib/filesystem.rkt then calls the failure thunk).
  t.internalFn('filesystem-change-evt', 2, 2, function (this: Machine, p: Value, fail: Value) {
    const who = 'filesystem-change-evt';
    const path = operand(this, who, p);
    const fs = files(this, who, path, ['exists']);
    const evt = new FilesystemChangeEvt();
    try {
      evt.watchWith(fs.watch(path, () => evt.fire()));
    } catch (e) {
      if (fail !== false && !(e instanceof RacketThrow)) return false;
      return errnoError(who, 'error generating event', `  path: ${path}`, e);
    }
    this.rt.resources.add(evt);
    return evt;
  });
  t.fn('filesystem-change-evt?', 1, 1, (v: Value) => v instanceof FilesystemChangeEvt);
  t.fn('filesystem-change-evt-cancel', 1, 1, function (this: Machine, v: Value) {
    if (!(v instanceof FilesystemChangeEvt)) return argError('filesystem-change-evt-cancel', 'filesystem-change-evt?', v);
    v.fire();
    this.rt.resources.delete(v);
    return VOID;
  });
}
