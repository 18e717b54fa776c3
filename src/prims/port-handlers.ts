// Port handlers: port-display-handler, port-write-handler,
// port-print-handler, port-read-handler and global-port-print-handler.
// display, write and print go through a port's handler when one was set
// (run on a machine nested in the printing step); the defaults print
// directly, so the common case costs one field check.

import type { Machine } from '../eval/machine.js';
import { applyNested } from '../eval/nested.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { InputPort } from '../io/input-port.js';
import type { OutputPort } from '../io/output-port.js';
import { displayString, printString, writeString } from '../printer/print.js';
import { VOID, type Value } from '../values/types.js';
import { isProcedure } from './check.js';
import { asInputPort, asOutputPort } from './port-structs.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

const outPort = (who: string, p: Value): OutputPort => asOutputPort(p) ?? argError(who, 'output-port?', p);

const depthOf = (d: Value | undefined): 0 | 1 => (d === 1 ? 1 : 0);

export const defaultDisplayHandler = new Primitive('default-port-display-handler', 2, 2, (v: Value, p: Value) => {
  outPort('default-port-display-handler', p).write(displayString(v));
  return VOID;
});
export const defaultWriteHandler = new Primitive('default-port-write-handler', 2, 2, (v: Value, p: Value) => {
  outPort('default-port-write-handler', p).write(writeString(v));
  return VOID;
});
export const defaultGlobalPrintHandler = new Primitive('default-global-port-print-handler', 2, 3, (v: Value, p: Value, d?: Value) => {
  outPort('default-global-port-print-handler', p).write(printString(v, depthOf(d)));
  return VOID;
});

export const globalPortPrintHandler = new Parameter(
  defaultGlobalPrintHandler,
  new Primitive('global-port-print-handler', 1, 1, (v: Value) => {
    if (!(isProcedure(v) && arityIncludes(v, 2)))
      argError(
        'global-port-print-handler',
        '(or/c (->* (any/c output-port?) ((or/c 0 1)) any)\n                  (any/c output-port? . -> . any))',
        v,
      );
    return v;
  }),
  'global-port-print-handler',
);

/** Prints `v` as `print` does: through the global print handler when it is not the default. */
function printThroughGlobal(m: Machine, v: Value, port: OutputPort, depth: 0 | 1): void {
  const g = m.paramValue(globalPortPrintHandler);
  if (g === defaultGlobalPrintHandler) port.write(printString(v, depth));
  else applyNested(m, g, arityIncludes(g, 3) ? [v, port, depth] : [v, port]);
}

export const defaultPrintHandler = new Primitive(
  'default-port-print-handler',
  2,
  3,
  function (this: Machine, v: Value, p: Value, d?: Value) {
    printThroughGlobal(this, v, outPort('default-port-print-handler', p), depthOf(d));
    return VOID;
  },
);

/** display, write or print of `v` to `port`, through the port's handler. Returns false when the port has none (print directly). */
export function printWithHandler(m: Machine, mode: 'display' | 'write' | 'print', v: Value, port: OutputPort, depth: 0 | 1): boolean {
  const h = mode === 'display' ? port.displayHandler : mode === 'write' ? port.writeHandler : port.printHandler;
  if (h === null) {
    if (mode !== 'print' || m.paramValue(globalPortPrintHandler) === defaultGlobalPrintHandler) return false;
    printThroughGlobal(m, v, port, depth);
    return true;
  }
  applyNested(m, h, mode === 'print' && arityIncludes(h, 3) ? [v, port, depth] : [v, port]);
  return true;
}

export function installPortHandlers(t: PrimTable): void {
  // The default read handler reads as `read` does.
  const read = t.defs.find((d) => d.name === 'read')!.value as Primitive;
  const defaultReadHandler = new Primitive('default-port-read-handler', 1, 2, read.fn, false);
  const outHandler = (who: string, field: 'displayHandler' | 'writeHandler' | 'printHandler', dflt: Primitive) => {
    t.fn(who, 1, 2, (p: Value, h?: Value) => {
      const port = outPort(who, p);
      if (h === undefined) return port[field] ?? dflt;
      if (!(isProcedure(h) && arityIncludes(h, 2))) return argError(who, '(procedure-arity-includes/c 2)', h);
      port[field] = h === dflt ? null : h;
      return VOID;
    });
  };
  outHandler('port-display-handler', 'displayHandler', defaultDisplayHandler);
  outHandler('port-write-handler', 'writeHandler', defaultWriteHandler);
  outHandler('port-print-handler', 'printHandler', defaultPrintHandler);
  t.value('global-port-print-handler', globalPortPrintHandler);
  t.fn('port-read-handler', 1, 2, (p: Value, h?: Value) => {
    const who = 'port-read-handler';
    const port = asInputPort(p);
    if (!(port instanceof InputPort)) return argError(who, 'input-port?', p);
    if (h === undefined) return port.readHandler ?? defaultReadHandler;
    if (!(isProcedure(h) && arityIncludes(h, 1) && arityIncludes(h, 2)))
      return argError(who, '(and/c (procedure-arity-includes/c 1) (procedure-arity-includes/c 2))', h);
    port.readHandler = h === defaultReadHandler ? null : h;
    return VOID;
  });
}
