// Exiting: `exit` ends the run through the scheduler (see ExitSignal).

import { ExitSignal } from '../errors/exn.js';
import { VOID } from '../values/types.js';
import type { PrimTable } from './table.js';

export function installExit(t: PrimTable): void {
  t.machine('exit', 0, 1, (_m, a) => {
    const v = a.length > 1 ? a[1] : VOID;
    const code = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255 ? v : 0;
    throw new ExitSignal(code);
  });
}
