// prop:custom-write: the printer is plain JS, so a struct with a custom
// writer is printed by running the writer to completion on a machine nested
// in the step that prints (eval/nested.ts), into a string port.

import { applyNested } from '../eval/nested.js';
import { runningMachine } from '../eval/machine.js';
import { OutputPort } from '../io/output-port.js';
import { setCustomWriter } from '../printer/struct-print.js';

setCustomWriter((write, v, mode) => {
  const outer = runningMachine();
  if (outer === null) return null;
  const port = new OutputPort('string', null);
  applyNested(outer, write, [v, port, mode]);
  return port.contents();
});
