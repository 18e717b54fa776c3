// prop:custom-write: the printer is plain JS, so a struct with a custom
// writer is printed by running the writer to completion on a machine nested
// in the step that prints (eval/nested.ts), into a string port.

import { runNested } from '../eval/nested.js';
import { ThenFrame, runningMachine } from '../eval/machine.js';
import { OutputPort } from '../io/output-port.js';
import { setCustomWriter } from '../printer/struct-print.js';
import { VOID } from '../values/types.js';

setCustomWriter((write, v, mode) => {
  const outer = runningMachine();
  if (outer === null) return null;
  const port = new OutputPort('string', null);
  runNested(outer, (m) => {
    m.stack.push(new ThenFrame((m2) => m2.applyArray(write, [v, port, mode])));
    m.returnValue(VOID);
  });
  return port.contents();
});
