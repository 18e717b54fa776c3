// Multiple values: values, call-with-values.

import { Frame } from '../eval/frames.js';
import type { Machine } from '../eval/machine.js';
import { MultipleValues, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';

class CallWithValuesFrame extends Frame {
  constructor(readonly consumer: Value) {
    super();
  }
  resume(m: Machine): void {
    const v = m.val;
    if (v instanceof MultipleValues) m.applyArray(this.consumer, v.vals);
    else m.applyArray(this.consumer, [v]);
  }
}

export function installMultipleValues(t: PrimTable): void {
  t.machine('values', 0, -1, (m, a) => {
    m.returnValue(a.length === 2 ? a[1] : new MultipleValues(a.slice(1)));
  });

  const cwv = t.machine('call-with-values', 2, 2, (m, a) => {
    m.stack.push(new CallWithValuesFrame(a[2]));
    m.applyArray(a[1], []);
  });
  t.internal('call-with-values', cwv);
}
