// Process-level primitives: exit, command-line arguments, `time`, system facts.

import { Frame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { MachinePrimitive, Parameter } from '../eval/procedures.js';
import { ExitSignal } from '../runtime/exn.js';
import type { OutputPort } from '../runtime/ports.js';
import { RVector, VOID, str, sym, type Value } from '../values/types.js';
import { currentOutputPort } from './io.js';
import type { PrimTable } from './table.js';

export const commandLineArguments = new Parameter(new RVector([], true), false, 'current-command-line-arguments');

class TimeFrame extends Frame {
  constructor(
    readonly startReal: number,
    readonly startCpu: number,
  ) {
    super();
  }
  resume(m: Machine): void {
    const real = Math.round(m.rt.host.now() - this.startReal);
    const cpu = Math.round(m.rt.host.cpuMs() - this.startCpu);
    (m.paramValue(currentOutputPort) as OutputPort).write(`cpu time: ${cpu} real time: ${real} gc time: 0\n`);
  }
}

export function installMisc(t: PrimTable): void {
  t.machine('exit', 0, 1, (_m, a) => {
    const v = a.length > 1 ? a[1] : VOID;
    const code = typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 255 ? v : 0;
    throw new ExitSignal(code);
  });
  t.value('current-command-line-arguments', commandLineArguments);
  t.internal(
    'time-apply/print',
    new MachinePrimitive('time', 1, 1, (m, a) => {
      m.stack.push(new TimeFrame(m.rt.host.now(), m.rt.host.cpuMs()));
      m.applyArray(a[1], []);
    }),
  );
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
