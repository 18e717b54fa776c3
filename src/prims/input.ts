// Byte and string input: reading characters, bytes, strings and lines, and
// `read` (data); racket/port's port->string and port->lines.
//
// On a streaming port the bytes a read needs may not have arrived yet: the
// read then blocks its Racket thread (other threads run on) until they have,
// or until the stream ends. On string ports every read completes at once.

import type { Machine } from '../eval/machine.js';
import { printString } from '../printer/print.js';
import { argError, genericFail } from '../errors/messages.js';
import { Char, EOF, RBytes, str, type Value, NULL, Sym, listFromArray, sym } from '../values/types.js';
import { checkIndex } from './check.js';
import type { PrimTable } from './table.js';
import { Block, NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { ReadError, readOne, syntaxToDatum } from '../reader/index.js';
import { RacketThrow, exnFailReadEofT, exnFailReadT, makeExn } from '../errors/exn.js';
import { InputPort } from '../io/input-port.js';
import { currentInputPort } from './ports.js';

/** Ready when the port has what a read needs; its result is the read itself. */
class PortDataEvt implements Evt {
  constructor(
    readonly port: InputPort,
    readonly ready: () => boolean,
    readonly read: () => Value,
  ) {}
  poll(): SyncResult | NotReady {
    if (!this.ready()) return NOT_READY;
    try {
      return this.read();
    } catch (e) {
      // A read error is raised in the reading thread, not in the scheduler.
      if (e instanceof RacketThrow) return raiseOnSync(e.value);
      throw e;
    }
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.port.waiters.add(wake);
    return () => this.port.waiters.delete(wake);
  }
}

/** Runs `read` now if `ready`, else blocks the thread until it is. */
export function whenReady(port: InputPort, ready: () => boolean, read: () => Value): Value {
  if (ready()) return read();
  port.demand();
  return new Block([new PortDataEvt(port, ready, read)]);
}

function inputPort(m: Machine, who: string, v: Value | undefined): InputPort {
  const port = v === undefined ? m.paramValue(currentInputPort) : v;
  if (!(port instanceof InputPort)) return argError(who, 'input-port?', v);
  if (port.closed) genericFail(`${who}: input port is closed\n  input port: ${printString(port)}`);
  return port;
}

const LINE_MODES = ['linefeed', 'return', 'return-linefeed', 'any', 'any-one'];

/** `read`: one datum from the text after the port's position. Null: wait, more text could change the datum. */
function readDatum(port: InputPort): Value | null {
  const [text, offset] = port.textAndOffset();
  try {
    const r = readOne(text, offset, port.name, { who: 'read', countLines: false });
    // A datum that reaches the end of what has arrived may continue (a number, a symbol).
    if (!port.complete && r.end >= text.length) return null;
    port.seekChar(r.end);
    return r.datum === null ? EOF : syntaxToDatum(r.datum);
  } catch (e) {
    if (e instanceof ReadError) {
      if (e.incomplete && !port.complete) return null;
      throw new RacketThrow(makeExn(e.incomplete ? exnFailReadEofT : exnFailReadT, e.message, NULL));
    }
    throw e;
  }
}

export function installInput(t: PrimTable): void {
  const charOrEof = (c: number | null): Value => (c === null ? EOF : Char.of(c));
  t.blocking('read-char', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read-char', p);
    return whenReady(
      port,
      () => port.canReadChar(),
      () => charOrEof(port.readChar()),
    );
  });
  t.blocking('peek-char', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'peek-char', p);
    return whenReady(
      port,
      () => port.canReadChar(),
      () => charOrEof(port.peekChar()),
    );
  });
  t.blocking('read-byte', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read-byte', p);
    return whenReady(
      port,
      () => port.canReadBytes(1),
      () => port.readByte() ?? EOF,
    );
  });
  t.blocking('peek-byte', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'peek-byte', p);
    return whenReady(
      port,
      () => port.canReadBytes(1),
      () => port.peekByte() ?? EOF,
    );
  });
  t.blocking('read-bytes', 1, 2, function (this: Machine, n: Value, p?: Value) {
    const count = checkIndex('read-bytes', n);
    const port = inputPort(this, 'read-bytes', p);
    return whenReady(
      port,
      () => port.canReadBytes(count),
      () => {
        const r = port.readBytes(count);
        return r === null ? EOF : new RBytes(r, false);
      },
    );
  });
  t.blocking('read-string', 1, 2, function (this: Machine, n: Value, p?: Value) {
    const count = checkIndex('read-string', n);
    const port = inputPort(this, 'read-string', p);
    // A character is at most 4 bytes: enough bytes for `count` of them, or the end.
    return whenReady(
      port,
      () => port.canReadBytes(count * 4),
      () => {
        const r = port.readString(count);
        return r === null ? EOF : str(r);
      },
    );
  });
  t.blocking('read-line', 0, 2, function (this: Machine, p?: Value, mode: Value = sym('linefeed')) {
    const m = mode instanceof Sym ? mode.name : '';
    if (!LINE_MODES.includes(m)) return argError('read-line', "(or/c 'linefeed 'return 'return-linefeed 'any 'any-one)", mode);
    const port = inputPort(this, 'read-line', p);
    return whenReady(
      port,
      () => port.canReadLine(m),
      () => {
        const r = port.readLine(m);
        return r === null ? EOF : str(r);
      },
    );
  });
  t.blocking('read', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read', p);
    let datum: Value | null = null;
    return whenReady(
      port,
      () => (datum = readDatum(port)) !== null,
      () => datum!,
    );
  });
  t.fn('char-ready?', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'char-ready?', p);
    port.demand();
    return port.complete || port.canReadChar();
  });
  t.fn('byte-ready?', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'byte-ready?', p);
    port.demand();
    return port.complete || port.available > 0;
  });
  t.in('racket/port', () => {
    t.blocking('port->string', 0, 1, function (this: Machine, p?: Value) {
      const port = inputPort(this, 'port->string', p);
      return whenReady(
        port,
        () => port.complete,
        () => str(port.readString(Number.MAX_SAFE_INTEGER) ?? ''),
      );
    });
    t.blocking('port->lines', 0, 1, function (this: Machine, p?: Value) {
      const port = inputPort(this, 'port->lines', p);
      return whenReady(
        port,
        () => port.complete,
        () => {
          const lines: Value[] = [];
          for (let l = port.readLine('any'); l !== null; l = port.readLine('any')) lines.push(str(l));
          return listFromArray(lines);
        },
      );
    });
  });
}
