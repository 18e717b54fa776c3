// Memory management: current-memory-use, collect-garbage.

import type { Machine } from '../eval/machine.js';
import { argError } from '../errors/messages.js';
import { Sym, VOID, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installMemory(t: PrimTable): void {
  t.fn('current-memory-use', 0, 1, function (this: Machine, mode: Value = false) {
    if (mode !== false && !(mode instanceof Sym && mode.name === 'cumulative')) {
      return argError('current-memory-use', "(or/c #f 'cumulative custodian?)", mode);
    }
    return Math.floor(this.rt.host.memoryUse?.() ?? 0);
  });
  t.fn('collect-garbage', 0, 1, (request: Value = false) => {
    if (request !== false && !(request instanceof Sym && ['major', 'minor', 'incremental'].includes(request.name))) {
      return argError('collect-garbage', "(or/c 'major 'minor 'incremental)", request);
    }
    return VOID;
  });
}
