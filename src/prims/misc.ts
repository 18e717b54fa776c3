// Process-level primitives: exit, command-line arguments, `time`, system facts.

import { Parameter } from '../eval/procedures.js';
import { ExitSignal } from '../errors/exn.js';
import { RVector, VOID, str, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

export const commandLineArguments = new Parameter(new RVector([], true), false, 'current-command-line-arguments');

export function installMisc(t: PrimTable): void {
  t.machine('exit', 0, 1, (_m, a) => {
    const v = a.length > 1 ? a[1] : VOID;
    const code = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255 ? v : 0;
    throw new ExitSignal(code);
  });
  t.value('current-command-line-arguments', commandLineArguments);
  t.fn('system-type', 0, 1, (what: Value = sym('os')) => {
    const w = (what as { name?: string }).name;
    if (w === 'vm') return sym('chez-scheme');
    if (w === 'os*') return sym('linux');
    if (w === 'arch') return sym('x86_64');
    if (w === 'word') return 64;
    return sym('unix');
  });
  t.fn('version', 0, 0, () => str('8.7'));
  t.fn('banner', 0, 0, () => str('Welcome to Racket v8.7 [cs].\n'));
}
