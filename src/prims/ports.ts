// Ports: the current input, output and error ports, port predicates,
// closing and flushing, eof, and string ports.

import type { Machine } from '../eval/machine.js';
import { Parameter } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { OutputPort } from '../io/output-port.js';
import { EOF, RBytes, VOID, str, type Value } from '../values/types.js';
import { encodeUtf8 } from '../values/utf8.js';
import { checkRange, checkString } from './check.js';
import type { PrimTable } from './table.js';
import { InputPort } from '../io/input-port.js';

export const currentOutputPort = new Parameter(null, false, 'current-output-port');
export const currentErrorPort = new Parameter(null, false, 'current-error-port');

/** Standard input by default; each runtime gives it its own port as base value. */
export const currentInputPort = new Parameter(null, false, 'current-input-port');

export function outArg(m: Machine, name: string, p: Value | undefined): OutputPort {
  if (p === undefined) return m.paramValue(currentOutputPort) as OutputPort;
  if (p instanceof OutputPort) return p;
  return argError(name, 'output-port?', p);
}

export function installPorts(t: PrimTable): void {
  t.value('current-output-port', currentOutputPort);
  t.value('current-error-port', currentErrorPort);
  t.value('current-input-port', currentInputPort);
  t.fn('open-input-string', 1, 2, (s: Value) => InputPort.fromString(checkString('open-input-string', s).s));
  t.fn('open-input-bytes', 1, 2, (b: Value) => {
    if (!(b instanceof RBytes)) return argError('open-input-bytes', 'bytes?', b);
    return new InputPort(b.bytes.slice(), 'string');
  });
  t.fn('input-port?', 1, 1, (v) => v instanceof InputPort);
  t.fn('port?', 1, 1, (v) => v instanceof InputPort || v instanceof OutputPort);
  t.fn('eof-object?', 1, 1, (v) => v === EOF);
  t.fn('output-port?', 1, 1, (p) => p instanceof OutputPort);
  t.fn('flush-output', 0, 1, function (this: Machine, port?: Value) {
    outArg(this, 'flush-output', port).flush();
    return VOID;
  });
  t.value('eof', EOF);
  t.fn('close-input-port', 1, 1, (p: Value) => {
    if (!(p instanceof InputPort)) return argError('close-input-port', 'input-port?', p);
    p.close();
    return VOID;
  });
  t.fn('close-output-port', 1, 1, (p: Value) => {
    if (!(p instanceof OutputPort)) return argError('close-output-port', 'output-port?', p);
    p.flush();
    p.closed = true;
    return VOID;
  });
  t.fn('open-output-string', 0, 1, () => new OutputPort('string', null));
  t.alias('open-output-bytes', 'open-output-string');
  t.fn('get-output-string', 1, 1, (p: Value) => {
    if (!(p instanceof OutputPort) || !p.isStringPort) return argError('get-output-string', 'string-port?', p);
    return str(p.contents());
  });
  t.fn('get-output-bytes', 1, 4, (p: Value, reset: Value = false, start: Value = 0, end?: Value) => {
    if (!(p instanceof OutputPort) || !p.isStringPort) return argError('get-output-bytes', '(and/c output-port? string-port?)', p);
    const all = encodeUtf8(p.contents());
    const [a, e] = checkRange('get-output-bytes', 'port content', p, all.length, start, end);
    if (reset !== false) p.reset();
    return new RBytes(all.slice(a, e), false);
  });
}
