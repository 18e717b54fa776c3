// The parameters a read-eval-print loop goes through (The Racket Reference
// §14.1): how it prompts and reads (current-prompt-read,
// current-read-interaction, current-get-interaction-input-port and -evt)
// and prints (current-print); and current-load's default, which is written
// in Racket (src/lib/eval.rkt). read-eval-print-loop itself is there too.

import type { Machine } from '../eval/machine.js';
import { ThenFrame } from '../eval/machine.js';
import { MachinePrimitive, Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import type { OutputPort } from '../io/output-port.js';
import { printString } from '../printer/print.js';
import { neverEvt } from '../thread/evt.js';
import { VOID, sym, type Value } from '../values/types.js';
import { InputPort } from '../io/input-port.js';
import { readSyntax } from './input.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import { currentInputPort, currentOutputPort } from './ports.js';
import type { PrimTable } from './table.js';

/** A parameter whose values must be procedures accepting `arity` arguments. */
function handlerParameter(name: string, value: Value, arity: number): Parameter {
  const guard = new Primitive(name, 1, 1, (v: Value) =>
    isProcedure(v) && arityIncludes(v, arity) ? v : argError(name, `(procedure-arity-includes/c ${arity})`, v),
  );
  return new Parameter(value, guard, name);
}

/** current-print's default: `print` and a newline, for results other than void. */
export const defaultCurrentPrint = new Primitive('current-print', 1, 1, function (this: Machine, v: Value) {
  if (v !== VOID) (this.paramValue(currentOutputPort) as OutputPort).write(`${printString(v)}\n`);
  return VOID;
});

export const currentPrint = handlerParameter('current-print', defaultCurrentPrint, 1);

const currentGetInteractionInputPort = handlerParameter(
  'current-get-interaction-input-port',
  new Primitive('current-get-interaction-input-port', 0, 0, function (this: Machine) {
    return this.paramValue(currentInputPort);
  }),
  0,
);

const currentReadInteraction = handlerParameter(
  'current-read-interaction',
  new Primitive('current-read-interaction', 2, 2, readSyntax, false),
  2,
);

/** The default prompt-read: prints `> `, then reads an interaction from the interaction port. */
const currentPromptRead = handlerParameter(
  'current-prompt-read',
  new MachinePrimitive('current-prompt-read', 0, 0, (m) => {
    const out = m.paramValue(currentOutputPort) as OutputPort;
    out.write('> ');
    out.flush();
    m.stack.push(
      new ThenFrame((m) => {
        const port = m.val;
        m.applyArray(m.paramValue(currentReadInteraction), [portName(port), port]);
      }),
    );
    m.applyArray(m.paramValue(currentGetInteractionInputPort), []);
  }),
  0,
);

/** The source name read-syntax is given for the interaction port (its object name). */
function portName(port: Value): Value {
  return port instanceof InputPort ? sym(port.name) : VOID;
}

/** `current-load`: by default the load handler of src/lib/eval.rkt, found when first called. */
const currentLoad = handlerParameter(
  'current-load',
  new MachinePrimitive('default-load-handler', 2, 2, (m, a) => {
    const handler = m.rt.ex.library('#%rkt-internal')?.exports.get('default-load-handler');
    if (handler === undefined || handler.kind !== 'top') throw new Error('internal: no default load handler');
    handler.v.force();
    m.applyArray(handler.v.value!, [a[1], a[2]]);
  }),
  2,
);

export function installRepl(t: PrimTable): void {
  t.value('current-print', currentPrint);
  t.value('current-get-interaction-input-port', currentGetInteractionInputPort);
  t.value(
    'current-get-interaction-evt',
    handlerParameter('current-get-interaction-evt', new Primitive('current-get-interaction-evt', 0, 0, () => neverEvt), 0),
  );
  t.value('current-read-interaction', currentReadInteraction);
  t.value('current-prompt-read', currentPromptRead);
  t.value('current-load', currentLoad);
  t.value(
    'current-load/use-compiled',
    handlerParameter(
      'current-load/use-compiled',
      new MachinePrimitive('default-load/use-compiled', 2, 2, (m, a) => m.applyArray(m.paramValue(currentLoad), [a[1], a[2]])),
      2,
    ),
  );
}
