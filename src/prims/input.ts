// Byte and string input: reading characters, bytes, strings and lines, and
// `read` (data); racket/port's port->string and port->lines.
//
// On a streaming port the bytes a read needs may not have arrived yet: the
// read then blocks its Racket thread (other threads run on) until they have,
// or until the stream ends. On string ports every read completes at once.

import { guarded } from './numbers.js';
import { numberReadOptions } from './read-params.js';
import type { Machine } from '../eval/machine.js';
import { printString } from '../printer/print.js';
import { argError, genericFail } from '../errors/messages.js';
import { Char, EOF, RBytes, RString, str, type Value, NULL, Sym, listFromArray, sym } from '../values/types.js';
import { checkIndex, checkRange } from './check.js';
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
function readDatum(m: Machine, port: InputPort): Value | null {
  const [text, offset] = port.textAndOffset();
  try {
    const r = guarded(() => readOne(text, offset, port.name, { who: 'read', countLines: false, ...numberReadOptions(m) }));
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
  t.blocking('peek-char', 0, 2, function (this: Machine, p?: Value, skip: Value = 0) {
    const port = inputPort(this, 'peek-char', p);
    const k = checkIndex('peek-char', skip);
    return whenReady(
      port,
      () => port.canReadChars(1, k),
      () => charOrEof(port.peekCharAt(k)),
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
  t.blocking('peek-byte', 0, 2, function (this: Machine, p?: Value, skip: Value = 0) {
    const port = inputPort(this, 'peek-byte', p);
    const k = checkIndex('peek-byte', skip);
    return whenReady(
      port,
      () => port.canReadBytes(k + 1),
      () => port.peekBytesAt(k, 1)?.[0] ?? EOF,
    );
  });
  t.blocking('peek-bytes', 2, 3, function (this: Machine, n: Value, skip: Value, p?: Value) {
    const count = checkIndex('peek-bytes', n);
    const k = checkIndex('peek-bytes', skip);
    const port = inputPort(this, 'peek-bytes', p);
    return whenReady(
      port,
      () => port.canReadBytes(k + count),
      () => {
        const r = port.peekBytesAt(k, count);
        return r === null ? EOF : new RBytes(r, false);
      },
    );
  });
  t.blocking('peek-string', 2, 3, function (this: Machine, n: Value, skip: Value, p?: Value) {
    const count = checkIndex('peek-string', n);
    const k = checkIndex('peek-string', skip);
    const port = inputPort(this, 'peek-string', p);
    return whenReady(
      port,
      () => port.canReadChars(count, k),
      () => {
        const r = port.peekStringAt(k, count);
        return r === null ? EOF : new RString(r, false);
      },
    );
  });
  /** Fills `dest[start, end)` from the port: all of it (or to the end) when `whole`, else what is there, at least one byte. */
  const readInto = (who: string, whole: boolean, wait: boolean) =>
    function (this: Machine, b: Value, p?: Value, start: Value = 0, end?: Value) {
      if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
      if (b.immutable) return argError(who, '(and/c bytes? (not/c immutable?))', b);
      const port = inputPort(this, who, p);
      const [from, to] = checkRange(who, 'byte string', b, b.bytes.length, start, end);
      const want = to - from;
      const take = (): Value => {
        const got = port.readBytes(Math.min(want, whole ? want : Math.max(port.available, 0)));
        if (got === null) return want === 0 ? 0 : EOF;
        b.bytes.set(got, from);
        return got.length;
      };
      if (!wait) return port.available > 0 || port.complete ? take() : 0;
      return whenReady(port, () => (whole ? port.canReadBytes(want) : port.available > 0 || port.complete), take);
    };
  t.blocking('read-bytes!', 1, 4, readInto('read-bytes!', true, true));
  t.blocking('read-bytes-avail!', 1, 4, readInto('read-bytes-avail!', false, true));
  t.fn('read-bytes-avail!*', 1, 4, readInto('read-bytes-avail!*', false, false));
  t.blocking('read-string!', 1, 4, function (this: Machine, s: Value, p?: Value, start: Value = 0, end?: Value) {
    if (!(s instanceof RString)) return argError('read-string!', 'string?', s);
    if (s.immutable) return argError('read-string!', '(and/c string? (not/c immutable?))', s);
    const port = inputPort(this, 'read-string!', p);
    const chars = Array.from(s.s);
    const [from, to] = checkRange('read-string!', 'string', s, chars.length, start, end);
    return whenReady(
      port,
      () => port.canReadChars(to - from),
      () => {
        const got = port.readString(to - from);
        if (got === null) return to === from ? 0 : EOF;
        const read = Array.from(got);
        chars.splice(from, read.length, ...read);
        s.s = chars.join('');
        return read.length;
      },
    );
  });
  t.blocking('read-bytes-line', 0, 2, function (this: Machine, p?: Value, mode: Value = sym('linefeed')) {
    const m = mode instanceof Sym ? mode.name : '';
    if (!LINE_MODES.includes(m)) return argError('read-bytes-line', "(or/c 'linefeed 'return 'return-linefeed 'any 'any-one)", mode);
    const port = inputPort(this, 'read-bytes-line', p);
    return whenReady(
      port,
      () => port.canReadLine(m),
      () => {
        const line = port.readBytesLine(m);
        return line === null ? EOF : new RBytes(line, false);
      },
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
    return whenReady(
      port,
      () => port.canReadChars(count),
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
      () => (datum = readDatum(this, port)) !== null,
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
