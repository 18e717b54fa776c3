// Memory management: current-memory-use, collect-garbage, phantom byte
// strings, dump-memory-stats, vector-set-performance-stats!, and the
// memory-order barriers (no-ops: one JS thread runs all green threads).

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { RThread } from '../thread/thread.js';
import { customPrint } from '../values/printable.js';
import { RVector, Sym, VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

/** Bytes that phantom byte strings tell the memory accounting about (current-memory-use counts them). */
let phantomTotal = 0;
/** A collected phantom byte string stops counting. */
const phantomRegistry = new FinalizationRegistry<{ size: number }>((held) => {
  phantomTotal -= held.size;
});

class PhantomBytes {
  readonly held: { size: number };
  constructor(size: number) {
    this.held = { size };
    phantomTotal += size;
    phantomRegistry.register(this, this.held);
  }
  resize(size: number): void {
    phantomTotal += size - this.held.size;
    this.held.size = size;
  }
  [customPrint](): string {
    return '#<phantom-bytes>';
  }
}

function checkSize(who: string, v: Value): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : argError(who, 'exact-nonnegative-integer?', v);
}

export function installMemory(t: PrimTable): void {
  t.fn('current-memory-use', 0, 1, function (this: Machine, mode: Value = false) {
    if (mode !== false && !(mode instanceof Sym && mode.name === 'cumulative')) {
      return argError('current-memory-use', "(or/c #f 'cumulative custodian?)", mode);
    }
    return Math.floor(this.rt.host.memoryUse?.() ?? 0) + phantomTotal;
  });
  t.fn('collect-garbage', 0, 1, (request: Value = false) => {
    if (request !== false && !(request instanceof Sym && ['major', 'minor', 'incremental'].includes(request.name))) {
      return argError('collect-garbage', "(or/c 'major 'minor 'incremental)", request);
    }
    return VOID;
  });
  t.fn('make-phantom-bytes', 1, 1, (k: Value) => new PhantomBytes(checkSize('make-phantom-bytes', k)));
  t.fn('phantom-bytes?', 1, 1, (v: Value) => v instanceof PhantomBytes);
  t.fn('set-phantom-bytes!', 2, 2, (p: Value, k: Value) => {
    if (!(p instanceof PhantomBytes)) return argError('set-phantom-bytes!', 'phantom-bytes?', p);
    p.resize(checkSize('set-phantom-bytes!', k));
    return VOID;
  });
  t.fn('dump-memory-stats', 0, -1, function (this: Machine) {
    const use = Math.floor(this.rt.host.memoryUse?.() ?? 0);
    this.rt.host.writeStderr(`Memory use: ${use} bytes\nPhantom bytes: ${phantomTotal}\nThreads: ${this.rt.sched.threads.size}\n`);
    return VOID;
  });
  t.fn('vector-set-performance-stats!', 1, 2, function (this: Machine, vec: Value, th: Value = false) {
    if (!(vec instanceof RVector) || vec.immutable)
      return argError('vector-set-performance-stats!', '(and/c vector? (not/c immutable?))', vec);
    if (th !== false && !(th instanceof RThread)) return argError('vector-set-performance-stats!', '(or/c thread? #f)', th);
    // Racket CS's layout; what Node cannot measure (collections, stack overflows) stays 0, as several entries do in Racket CS.
    const stats: Value[] =
      th === false
        ? [Math.floor(this.rt.host.cpuMs()), Math.floor(this.rt.epochMs()), 0, 0, this.rt.sched.switches, 0, 0, 0, 0, 0, 0, 0]
        : [th.state !== 'done' && !th.suspended, th.suspended, th.state === 'blocked'];
    for (let i = 0; i < stats.length && i < vec.items.length; i++) vec.items[i] = stats[i];
    return VOID;
  });
  t.fn('memory-order-acquire', 0, 0, () => VOID);
  t.fn('memory-order-release', 0, 0, () => VOID);
}
