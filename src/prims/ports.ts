// Ports: the current input, output and error ports, port predicates,
// closing and flushing, eof, and string ports.

import type { Machine } from '../eval/machine.js';
import { argError, genericFail } from '../errors/messages.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import { asInputPort, asOutputPort } from './port-structs.js';
import { OutputPort } from '../io/output-port.js';
import { EOF, MultipleValues, RBytes, VOID, str, type Value } from '../values/types.js';
import { displayString, printString } from '../printer/print.js';
import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { encodeUtf8 } from '../values/utf8.js';
import { checkRange, checkString } from './check.js';
import type { PrimTable } from './table.js';
import { InputPort } from '../io/input-port.js';
import { LineCounter } from '../io/location.js';
import { FileInputPort, FileOutputPort, portSystemError } from '../io/file-port.js';
import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { customPrint } from '../values/printable.js';
import { CustomOutputPort } from './custom-ports.js';
import { isTcpPort } from './tcp/connection.js';

/** Each pipe's output end by its input end, and the other way round. */
const pipes = new WeakMap<InputPort, OutputPort>();
const pipeInputs = new WeakMap<OutputPort, InputPort>();

/** A guard that accepts only ports of one direction, as the current-*-port parameters check. */
const portGuard = (name: string, output: boolean) =>
  new Primitive(name, 1, 1, (v: Value) => {
    const port = output ? asOutputPort(v) : asInputPort(v);
    if (port === null) return argError(name, output ? 'output-port?' : 'input-port?', v);
    return v;
  });

export const currentOutputPort = new Parameter(null, portGuard('current-output-port', true), 'current-output-port');
export const currentErrorPort = new Parameter(null, portGuard('current-error-port', true), 'current-error-port');

/** Standard input by default; each runtime gives it its own port as base value. */
export const currentInputPort = new Parameter(null, portGuard('current-input-port', false), 'current-input-port');

/**
 * The output port argument of `name` (the current output port when absent).
 * A closed port raises `closedWho: output port is closed` (Racket names the
 * underlying operation: display reports write-string); null: no check.
 */
export function outArg(m: Machine, name: string, p: Value | undefined, closedWho: string | null = name): OutputPort {
  const port = p === undefined ? (m.paramValue(currentOutputPort) as OutputPort) : p instanceof OutputPort ? p : asOutputPort(p);
  if (port === null) return argError(name, 'output-port?', p as Value);
  if (port.closed && closedWho !== null) genericFail(`${closedWho}: output port is closed\n  output port: ${printString(port)}`);
  return port;
}

/** The input port argument of `who`, not closed (`closedWho` names the operation in the message; null: no check). */
export function inArg(m: Machine, who: string, v: Value | undefined, closedWho: string | null = who): InputPort {
  const port = v === undefined ? (m.paramValue(currentInputPort) as InputPort) : v instanceof InputPort ? v : asInputPort(v);
  if (port === null) return argError(who, 'input-port?', v as Value);
  if (port.closed && closedWho !== null) genericFail(`${closedWho}: input port is closed\n  input port: ${printString(port)}`);
  return port;
}

/** Either kind of port (or a struct standing for one). */
export function anyPort(v: Value): InputPort | OutputPort | null {
  return asInputPort(v) ?? asOutputPort(v);
}

/** file-position's new position: a byte offset or the end (a file port cannot seek to a bignum offset: the OS's EINVAL). */
function filePositionArg(port: InputPort | OutputPort, pos: Value): number | 'eof' {
  if (pos === EOF) return 'eof';
  if (typeof pos === 'number' && Number.isInteger(pos) && pos >= 0) return pos;
  if (typeof pos === 'bigint' && pos > 0n && (port instanceof FileOutputPort || port instanceof FileInputPort)) {
    portSystemError('file-position', 'error setting stream position', { code: 'EINVAL', errno: 22, text: 'Invalid argument' });
  }
  return argError('file-position', '(or/c exact-nonnegative-integer? eof-object?)', pos);
}

function portArg(who: string, v: Value): InputPort | OutputPort {
  return anyPort(v) ?? argError(who, 'port?', v);
}

/** `port-count-lines-enabled`: new ports count lines from the start when true. */
export const portCountLinesEnabled = new Parameter(
  false,
  new Primitive('port-count-lines-enabled', 1, 1, (v: Value) => v !== false),
  'port-count-lines-enabled',
);

/** Starts counting lines on a new port when port-count-lines-enabled says so. */
export function newPort<P extends InputPort | OutputPort>(m: Machine, port: P): P {
  if (m.paramValue(portCountLinesEnabled) !== false) countLines(port);
  return port;
}

function countLines(port: InputPort | OutputPort): void {
  if (port instanceof InputPort) port.startCounting();
  else if (port.counter === null) {
    port.counter = new LineCounter();
    // A custom port's position goes on from what was written before.
    if (port instanceof CustomOutputPort) port.counter.pos = port.position() + 1;
  }
}

/** A port's next location: Racket's (values line column position). */
function nextLocation(port: InputPort | OutputPort): [Value, Value, Value] {
  if (port instanceof InputPort) return port.location();
  if (port instanceof CustomOutputPort) {
    const own = port.location();
    if (own !== null) return own;
  }
  const c = port.counter;
  return c === null ? [false, false, port.position() + 1] : [c.line, c.col, c.pos];
}

/** Ready once the port is closed; its result is itself. */
class PortClosedEvt implements Evt {
  constructor(readonly port: InputPort | OutputPort) {}
  poll(): SyncResult | NotReady {
    return this.port.closed ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    // Closing is rare and has no waiters list: check again now and then.
    const t = setInterval(() => {
      if (this.port.closed) wake();
    }, 5);
    return () => clearInterval(t);
  }
  [customPrint](): string {
    return '#<evt>';
  }
}

export function installPorts(t: PrimTable): void {
  t.value('current-output-port', currentOutputPort);
  t.value('current-error-port', currentErrorPort);
  t.value('current-input-port', currentInputPort);
  t.value('port-count-lines-enabled', portCountLinesEnabled);
  t.fn('open-input-string', 1, 2, function (this: Machine, s: Value) {
    return newPort(this, InputPort.fromString(checkString('open-input-string', s).s));
  });
  t.fn('open-input-bytes', 1, 2, function (this: Machine, b: Value) {
    if (!(b instanceof RBytes)) return argError('open-input-bytes', 'bytes?', b);
    return newPort(this, new InputPort(b.bytes.slice(), 'string'));
  });
  t.fn('input-port?', 1, 1, (v) => asInputPort(v) !== null);
  t.fn('port?', 1, 1, (v) => anyPort(v) !== null);
  t.fn('eof-object?', 1, 1, (v) => v === EOF);
  t.fn('output-port?', 1, 1, (p) => asOutputPort(p) !== null);
  t.fn('flush-output', 0, 1, function (this: Machine, port?: Value) {
    outArg(this, 'flush-output', port).flush();
    return VOID;
  });
  t.value('eof', EOF);
  t.fn('close-input-port', 1, 1, (p: Value) => {
    const port = asInputPort(p);
    if (port === null) return argError('close-input-port', 'input-port?', p);
    port.close();
    return VOID;
  });
  t.fn('close-output-port', 1, 1, (p: Value) => {
    const port = asOutputPort(p);
    if (port === null) return argError('close-output-port', 'output-port?', p);
    if (!port.closed) port.close();
    return VOID;
  });
  // A pipe: the bytes written to the output end are read from the input end.
  t.valuesFn('make-pipe', 0, 3, function (this: Machine, limit: Value = false, inName?: Value, outName?: Value) {
    if (limit !== false && !(typeof limit === 'number' && Number.isInteger(limit) && limit > 0))
      return argError('make-pipe', '(or/c exact-positive-integer? #f)', limit);
    const name = (v: Value | undefined) => (v === undefined || v === false ? 'pipe' : displayString(v));
    const input = InputPort.pipe(name(inName));
    const output = new OutputPort(name(outName), (data) => input.feed(typeof data === 'string' ? encodeUtf8(data) : data), true);
    output.onClose = () => input.finish();
    pipes.set(input, output);
    pipeInputs.set(output, input);
    return new MultipleValues([newPort(this, input), newPort(this, output)]);
  });
  t.fn('pipe-content-length', 1, 1, (p: Value) => {
    if (p instanceof InputPort && pipes.has(p)) return p.available;
    const input = p instanceof OutputPort ? pipeInputs.get(p) : undefined;
    if (input !== undefined) return input.available;
    return argError('pipe-content-length', '(or/c pipe-input-port? pipe-output-port?)', p);
  });
  t.fn('port-closed?', 1, 1, (p: Value) => (anyPort(p) ?? argError('close-input-port', 'port?', p)).closed);
  t.fn('port-closed-evt', 1, 1, (p: Value) => new PortClosedEvt(portArg('port-closed-evt', p)));
  // The position in bytes: settable on string input ports; an output port's is what was written to it.
  t.fn('file-position', 1, 2, function (this: Machine, p: Value, pos?: Value) {
    const port = portArg('file-position', p);
    if (port instanceof InputPort) inArg(this, 'file-position', port);
    else outArg(this, 'file-position', port);
    if (pos === undefined) return port instanceof InputPort ? port.filePosition() : port.position();
    const to = filePositionArg(port, pos);
    if (!(port instanceof InputPort || port instanceof FileOutputPort || isTcpPort(port)))
      throw new RacketThrow(makeExn(exnFailUnsupportedT, 'file-position: setting the position of an output port is not supported in rkt'));
    try {
      port.setFilePosition(to);
    } catch (e) {
      // A file port's system calls fail with the OS's error.
      if (e instanceof RacketThrow) throw e;
      portSystemError('file-position', 'error setting stream position', e);
    }
    return VOID;
  });
  t.fn('file-position*', 1, 1, function (this: Machine, p: Value) {
    const port = portArg('file-position*', p);
    if (port instanceof InputPort) return inArg(this, 'file-position*', port).filePosition();
    return outArg(this, 'file-position*', port).position();
  });
  t.fn('port-count-lines!', 1, 1, (p: Value) => {
    countLines(portArg('port-count-lines!', p));
    return VOID;
  });
  t.fn('port-counts-lines?', 1, 1, (p: Value) => portArg('port-counts-lines?', p).counter !== null);
  t.valuesFn('port-next-location', 1, 1, function (this: Machine, p: Value) {
    const port = portArg('port-next-location', p);
    if (port instanceof InputPort) inArg(this, 'port-next-location', port);
    else outArg(this, 'port-next-location', port);
    return new MultipleValues(nextLocation(port));
  });
  t.fn('set-port-next-location!', 4, 4, (p: Value, line: Value, col: Value, pos: Value) => {
    const who = 'set-port-next-location!';
    const port = portArg(who, p);
    const positive = (v: Value): number | false => {
      if (v === false || (typeof v === 'number' && Number.isInteger(v) && v > 0)) return v;
      return argError(who, '(or/c #f exact-positive-integer?)', v);
    };
    const l = positive(line);
    if (!(col === false || (typeof col === 'number' && Number.isInteger(col) && col >= 0)))
      return argError(who, '(or/c #f exact-nonnegative-integer?)', col);
    const ps = positive(pos);
    if (port instanceof InputPort) port.setLocation(l, col as number | false, ps);
    else port.counter?.set(l, col as number | false, ps);
    return VOID;
  });
  t.fn('open-output-string', 0, 1, function (this: Machine) {
    return newPort(this, new OutputPort('string', null));
  });
  t.alias('open-output-bytes', 'open-output-string');
  t.fn('string-port?', 1, 1, (p: Value) => {
    const port = portArg('string-port?', p);
    return port instanceof OutputPort ? port.isStringPort : !port.custom && !pipes.has(port) && port.name === 'string';
  });
  t.fn('get-output-string', 1, 1, (p: Value) => {
    const port = asOutputPort(p);
    if (port === null || !port.isStringPort) return argError('get-output-string', '(and/c output-port? string-port?)', p);
    return str(port.contents());
  });
  t.fn('get-output-bytes', 1, 4, (p: Value, reset: Value = false, start: Value = 0, end?: Value) => {
    const port = asOutputPort(p);
    if (port === null || !port.isStringPort) return argError('get-output-bytes', '(and/c output-port? string-port?)', p);
    const all = port.contentsBytes();
    const [a, e] = checkRange('get-output-bytes', 'port content', port, all.length, start, end);
    if (reset !== false) port.reset();
    return new RBytes(all.slice(a, e), false);
  });
  t.fn('port-waiting-peer?', 1, 1, (p: Value) => {
    portArg('port-waiting-peer?', p);
    return false;
  });
}
