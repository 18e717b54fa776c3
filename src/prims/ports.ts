// Ports: the current input, output and error ports, port predicates,
// closing and flushing, eof, and string ports.

import type { Machine } from '../eval/machine.js';
import { Parameter } from '../eval/procedures.js';
import { argError } from '../errors/messages.js';
import { OutputPort } from '../io/output-port.js';
import { EOF, MultipleValues, RBytes, Sym, VOID, str, type Value } from '../values/types.js';
import { displayString } from '../printer/print.js';
import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { encodeUtf8 } from '../values/utf8.js';
import { checkRange, checkString } from './check.js';
import type { PrimTable } from './table.js';
import { InputPort } from '../io/input-port.js';

/** Each pipe's output end by its input end, and the other way round. */
const pipes = new WeakMap<InputPort, OutputPort>();
const pipeInputs = new WeakMap<OutputPort, InputPort>();

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
    p.close();
    return VOID;
  });
  // A pipe: what is written to the output end is read from the input end (the text as UTF-8, as string ports hold it).
  t.fn('make-pipe', 0, 3, (limit: Value = false, inName?: Value, outName?: Value) => {
    if (limit !== false && !(typeof limit === 'number' && Number.isInteger(limit) && limit > 0))
      return argError('make-pipe', '(or/c exact-positive-integer? #f)', limit);
    const name = (v: Value | undefined) => (v === undefined || v === false ? 'pipe' : displayString(v));
    const input = InputPort.pipe(name(inName));
    const output = new OutputPort(name(outName), (text) => input.feed(encodeUtf8(text)), true);
    output.onClose = () => input.finish();
    pipes.set(input, output);
    pipeInputs.set(output, input);
    return new MultipleValues([input, output]);
  });
  t.fn('pipe-content-length', 1, 1, (p: Value) => {
    if (p instanceof InputPort && pipes.has(p)) return p.available;
    const input = p instanceof OutputPort ? pipeInputs.get(p) : undefined;
    if (input !== undefined) return input.available;
    return argError('pipe-content-length', '(or/c pipe-input-port? pipe-output-port?)', p);
  });
  t.fn('port-closed?', 1, 1, (p: Value) => {
    if (p instanceof InputPort || p instanceof OutputPort) return p.closed;
    return argError('port-closed?', 'port?', p);
  });
  // The position in bytes: settable on string input ports; an output string port's is its length so far.
  t.fn('file-position', 1, 2, (p: Value, pos?: Value) => {
    if (p instanceof InputPort) {
      if (pos === undefined) return p.pos;
      if (pos instanceof Sym && pos.name === 'eof') p.pos = p.bytes.length;
      else if (typeof pos === 'number' && Number.isInteger(pos) && pos >= 0) p.pos = Math.min(pos, p.bytes.length);
      else return argError('file-position', "(or/c exact-nonnegative-integer? 'eof)", pos);
      return VOID;
    }
    if (p instanceof OutputPort) {
      if (pos === undefined && p.isStringPort) return encodeUtf8(p.contents()).length;
      throw new RacketThrow(
        makeExn(exnFailUnsupportedT, 'file-position: setting or getting the position of this output port is not supported in rkt'),
      );
    }
    return argError('file-position', 'port?', p);
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
