// Byte and string input: reading characters, bytes, strings and lines, and
// `read` (data).
//
// On a streaming port the bytes a read needs may not have arrived yet: the
// read then blocks its Racket thread (other threads run on) until they have,
// or until the stream ends. On string ports every read completes at once.

import { guarded } from './numbers.js';
import { numberReadOptions } from './read-params.js';
import type { Machine } from '../eval/machine.js';
import { displayString, printString } from '../printer/print.js';
import { RPath } from '../values/path.js';
import { argError, genericFail } from '../errors/messages.js';
import { Char, EOF, RBytes, RString, str, type Value, NULL, Sym, sym } from '../values/types.js';
import { checkIndex, checkRange, isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';
import { Block, NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { ReadError, readOne, syntaxToDatum } from '../reader/index.js';
import { RacketThrow, exnFailReadEofT, exnFailReadT, makeExn } from '../errors/exn.js';
import type { InputPort } from '../io/input-port.js';
import { inArg } from './ports.js';
import { ProgressEvt } from './port-progress.js';
import { applyNested } from '../eval/nested.js';
import { readerGraph } from '../values/placeholder.js';
import { currentReadtable, type Readtable } from './readtables.js';
import { readWithReadtable } from './readtable-reader.js';

function isSpecialMark(mark: InputPort['mark']): mark is { special: Value } {
  return mark !== null && mark !== 'eof';
}

/** A special value's result: its procedure applied to the source and location, then given to `wrap` when that is a procedure. */
function specialCall(m: Machine, proc: Value, args: Value[], wrap: Value): Value {
  const v = arityIncludes(proc, 4) ? applyNested(m, proc, args) : applyNested(m, proc, []);
  if (wrap === false || !isProcedure(wrap)) return v;
  return applyNested(m, wrap, [v]);
}

/** Ready when the port has what a read needs; its result is the read itself. */
class PortDataEvt implements Evt {
  constructor(
    readonly port: InputPort,
    readonly ready: () => boolean,
    readonly read: () => Value,
  ) {}
  poll(): SyncResult | NotReady {
    while (!this.ready()) if (!this.port.pull()) return NOT_READY;
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

/**
 * A read from a custom port: runs the port's procedures (in the reading
 * thread) until the port has what the read needs, waiting on the events
 * they return in between.
 */
class FillEvt implements Evt {
  private waitOn: Evt | null = null;
  constructor(
    readonly port: InputPort,
    readonly ready: () => boolean,
    readonly read: () => Value,
    readonly want: number,
  ) {}
  poll(m: Machine): SyncResult | NotReady {
    try {
      if (this.waitOn !== null) {
        if (this.waitOn.poll(m) === NOT_READY) return NOT_READY;
        this.waitOn = null;
      }
      while (!this.ready()) {
        const w = this.port.fill(m, this.want);
        if (w !== null) {
          this.waitOn = w;
          return NOT_READY;
        }
      }
      return this.read();
    } catch (e) {
      if (e instanceof RacketThrow) return raiseOnSync(e.value);
      throw e;
    }
  }
  subscribe(m: Machine, wake: () => void): () => void {
    if (this.waitOn !== null) return this.waitOn.subscribe(m, wake);
    const t = setTimeout(wake, 0);
    return () => clearTimeout(t);
  }
}

/** A read's result, taking the end-of-file it returns from a custom port; a special value where a read wants bytes or characters is an error. */
function finishRead(who: string, port: InputPort, v: Value, peek: boolean): Value {
  if (v === EOF && port.mark !== null) {
    if (port.mark !== 'eof') genericFail(`${who}: non-character in an unsupported context\n  port: ${printString(port)}`);
    if (!peek) port.takeMark();
  }
  return v;
}

/**
 * Runs `read` now if `ready`, else blocks the thread until it is (a custom
 * port runs its procedures meanwhile). `want`: bytes the read needs at least
 * (a custom port's read-in is asked for that many). A peek leaves a custom
 * port's end-of-file in place.
 */
export function whenReady(port: InputPort, ready: () => boolean, read: () => Value, peek = false, who = 'read', want = 1): Value {
  if (ready()) return port.mark === null ? read() : finishRead(who, port, read(), peek);
  if (port.custom) return new Block([new FillEvt(port, ready, () => finishRead(who, port, read(), peek), want)]);
  port.demand();
  return new Block([new PortDataEvt(port, ready, read)]);
}

function inputPort(m: Machine, who: string, v: Value | undefined, closedWho = who): InputPort {
  return inArg(m, who, v, closedWho);
}

const LINE_MODES = ['linefeed', 'return', 'return-linefeed', 'any', 'any-one'];

/** The datum read up to `end` ends with a closing parenthesis or string quote, so no more text can change it. */
function endsWithCloser(text: string, end: number): boolean {
  const last = text[end - 1];
  if (last === '"') return true;
  return (last === ')' || last === ']' || last === '}') && text[end - 2] !== '\\';
}

/** `read`: one datum from the text after the port's position. Null: wait, more text could change the datum. */
function readDatum(m: Machine, port: InputPort, source: string | null = null, sourceValue?: Value, sourceArg?: Value): Value | null {
  const readtable = m.paramValue(currentReadtable);
  if (readtable !== false) {
    const rt = readtable as Readtable;
    return readWithReadtable(m, port, {
      readtable: rt,
      next: rt,
      forSyntax: source !== null,
      source: source ?? port.name,
      sourceArg: sourceArg ?? false,
      sourceValue,
      recursive: false,
      localGraph: false,
      initial: null,
      options: numberReadOptions(m),
    });
  }
  const [text, offset] = port.textAndOffset();
  try {
    const r = guarded(() =>
      source === null
        ? readOne(text, offset, port.name, { who: 'read', countLines: port.counter !== null, ...numberReadOptions(m) })
        : readOne(text, offset, source, {
            who: 'read-syntax',
            countLines: port.counter !== null,
            lineColumns: port.counter !== null,
            sourceValue,
            ...numberReadOptions(m),
          }),
    );
    // A datum that reaches the end of what has arrived may continue (a number, a symbol), unless it ends with its closer.
    if (!port.complete && r.end >= text.length && !endsWithCloser(text, r.end)) return null;
    // Only whitespace (or comments) so far: the datum, or the end, is still to come.
    if (r.datum === null && !port.complete) return null;
    port.seekChar(r.end);
    if (r.datum === null) return EOF;
    if (source !== null) return r.datum;
    return r.graph === true ? readerGraph(syntaxToDatum(r.datum)) : syntaxToDatum(r.datum);
  } catch (e) {
    if (e instanceof ReadError) {
      if (e.incomplete && !port.complete) return null;
      throw new RacketThrow(makeExn(e.incomplete ? exnFailReadEofT : exnFailReadT, e.message, NULL));
    }
    throw e;
  }
}

/** `read-syntax` (also the default `current-read-interaction`). */
export function readSyntax(this: Machine, src?: Value, p?: Value): Value {
  const port = inputPort(this, 'read-syntax', p);
  const source = src === undefined ? port.name : src instanceof RPath ? src.path : src instanceof RString ? src.s : displayString(src);
  const sourceValue = src === undefined || src instanceof RString ? undefined : src;
  let datum: Value | null = null;
  return whenReady(
    port,
    () => (datum = readDatum(this, port, source, sourceValue, src ?? sym(port.name))) !== null,
    () => datum!,
  );
}

export function installInput(t: PrimTable): void {
  const charOrEof = (c: number | null): Value => (c === null ? EOF : Char.of(c));
  t.blocking('read-char', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read-char', p);
    return whenReady(
      port,
      () => port.canReadChar(),
      () => charOrEof(port.readChar()),
      false,
      'read-char',
    );
  });
  t.blocking('peek-char', 0, 2, function (this: Machine, p?: Value, skip: Value = 0) {
    const port = inputPort(this, 'peek-char', p);
    const k = checkIndex('peek-char', skip);
    return whenReady(
      port,
      () => port.canReadChars(1, k),
      () => charOrEof(port.peekCharAt(k)),
      true,
      'peek-char',
      k + 1,
    );
  });
  t.blocking('read-byte', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read-byte', p);
    return whenReady(
      port,
      () => port.canReadBytes(1),
      () => port.readByte() ?? EOF,
      false,
      'read-byte',
    );
  });
  t.blocking('peek-byte', 0, 2, function (this: Machine, p?: Value, skip: Value = 0) {
    const port = inputPort(this, 'peek-byte', p);
    const k = checkIndex('peek-byte', skip);
    return whenReady(
      port,
      () => port.canReadBytes(k + 1),
      () => port.peekBytesAt(k, 1)?.[0] ?? EOF,
      true,
      'peek-byte',
      k + 1,
    );
  });
  // The -or-special reads: a custom port's special value is the result of its procedure, applied to the source name and the location.
  const specialResult = (m: Machine, port: InputPort, take: boolean, wrap: Value, src: Value): Value => {
    const mark = port.mark as { special: Value };
    const [line, col, pos] = port.location();
    if (take) port.takeMark();
    return specialCall(m, mark.special, [src, line, col, pos], wrap);
  };
  const orSpecial = (who: string, chars: boolean, peek: boolean) =>
    function (this: Machine, ...args: Value[]) {
      const p = args[0];
      const k = peek ? checkIndex(who, args[1] ?? 0) : 0;
      // peek-byte-or-special takes a progress event after the skip.
      const at = peek ? (chars ? 2 : 3) : 1;
      const wrap = args[at] ?? false;
      const src = args[at + 1] ?? false;
      const port = inputPort(this, who, p, chars && !peek ? 'read-char-or-special' : who);
      const ready = chars ? () => port.canReadChars(1, k) : () => port.canReadBytes(k + 1);
      const read = (): Value => {
        const at = port.available;
        if (k >= at && port.mark !== null && port.mark !== 'eof' && k === at) return specialResult(this, port, !peek, wrap, src);
        if (chars) return charOrEof(peek ? port.peekCharAt(k) : port.readChar());
        return (peek ? port.peekBytesAt(k, 1)?.[0] : port.readByte()) ?? EOF;
      };
      return whenReady(port, ready, read, peek, who, k + 1);
    };
  t.blocking('read-char-or-special', 0, 3, orSpecial('read-char-or-special', true, false));
  t.blocking('read-byte-or-special', 0, 3, orSpecial('read-byte-or-special', false, false));
  t.blocking('peek-char-or-special', 0, 4, orSpecial('peek-char-or-special', true, true));
  t.blocking('peek-byte-or-special', 0, 5, orSpecial('peek-byte-or-special', false, true));
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
      true,
      'peek-bytes',
      k + count,
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
      true,
      'peek-string',
      k + count,
    );
  });
  /** The mutable byte string argument of a read-into primitive. */
  const mutableBytes = (who: string, b: Value): RBytes => {
    if (!(b instanceof RBytes)) return argError(who, 'bytes?', b);
    if (b.immutable) return argError(who, '(and/c bytes? (not/c immutable?))', b);
    return b;
  };
  /** Fills `dest[start, end)` from the port: all of it (or to the end) when `whole`, else what is there, at least one byte. */
  const readInto = (who: string, whole: boolean, wait: boolean) =>
    function (this: Machine, bv: Value, p?: Value, start: Value = 0, end?: Value) {
      const b = mutableBytes(who, bv);
      const port = inputPort(this, who, p);
      const [from, to] = checkRange(who, 'byte string', b, b.bytes.length, start, end);
      const want = to - from;
      const take = (): Value => {
        // At a special, the -avail! reads give the procedure that makes its value.
        if (!whole && port.available === 0 && isSpecialMark(port.mark)) {
          const special = port.mark.special;
          port.takeMark();
          return special;
        }
        const got = port.readBytes(whole || port.available === 0 ? want : Math.min(want, port.available));
        if (got === null) return want === 0 ? 0 : EOF;
        b.bytes.set(got, from);
        return got.length;
      };
      if (want === 0) return 0;
      if (!wait) {
        if (port.available > 0 || port.complete) return finishRead(who, port, take(), false);
        if (port.custom) port.fill(this, want);
        return port.available > 0 || port.complete ? finishRead(who, port, take(), false) : 0;
      }
      return whenReady(port, () => (whole ? port.canReadBytes(want) : port.available > 0 || port.complete), take, false, who, want);
    };
  t.blocking('read-bytes!', 1, 4, readInto('read-bytes!', true, true));
  t.blocking('read-bytes-avail!', 1, 4, readInto('read-bytes-avail!', false, true));
  t.blocking('read-bytes-avail!/enable-break', 1, 4, readInto('read-bytes-avail!/enable-break', false, true));
  t.blocking('read-bytes-avail!*', 1, 4, readInto('read-bytes-avail!*', false, false));
  /** Peeks into `dest[start, end)` from `skip` bytes on: all of it (or to the end) when `whole`, else what is there. */
  const peekInto = (who: string, whole: boolean, wait: boolean) =>
    function (this: Machine, bv: Value, skipV: Value, ...rest: Value[]) {
      const b = mutableBytes(who, bv);
      const skip = checkIndex(who, skipV);
      // peek-bytes-avail! also takes a progress event before the port.
      const avail = !whole;
      const progress = avail ? (rest[0] ?? false) : false;
      const [p, start = 0, end] = avail ? rest.slice(1) : rest;
      if (progress !== false && !(progress instanceof ProgressEvt)) return argError(who, '(or/c #f progress-evt?)', progress);
      const port = inputPort(this, who, p);
      const [from, to] = checkRange(who, 'byte string', b, b.bytes.length, start, end);
      const want = to - from;
      const take = (): Value => {
        if (progress instanceof ProgressEvt && progress.isReady()) return 0;
        if (avail && port.available === skip && isSpecialMark(port.mark)) return port.mark.special;
        const got = port.peekBytesAt(skip, want);
        if (got === null) return want === 0 ? 0 : EOF;
        b.bytes.set(got, from);
        return got.length;
      };
      if (want === 0) return 0;
      const there = () => port.available > skip || port.complete;
      if (!wait) {
        if (!there() && port.custom) port.fill(this, skip + want);
        return there() ? finishRead(who, port, take(), true) : 0;
      }
      return whenReady(port, () => (whole ? port.canReadBytes(skip + want) : there()), take, true, who, skip + want);
    };
  t.blocking('peek-bytes!', 2, 5, peekInto('peek-bytes!', true, true));
  t.blocking('peek-bytes-avail!', 2, 6, peekInto('peek-bytes-avail!', false, true));
  t.blocking('peek-bytes-avail!/enable-break', 2, 6, peekInto('peek-bytes-avail!/enable-break', false, true));
  t.blocking('peek-bytes-avail!*', 2, 6, peekInto('peek-bytes-avail!*', false, false));
  const intoString = (who: string, peek: boolean) =>
    function (this: Machine, s: Value, ...rest: Value[]) {
      if (!(s instanceof RString)) return argError(who, 'string?', s);
      if (s.immutable) return argError(who, '(and/c string? (not/c immutable?))', s);
      const skip = peek ? checkIndex(who, rest.shift() ?? 0) : 0;
      const [p, start = 0, end] = rest;
      const port = inputPort(this, who, p);
      const chars = Array.from(s.s);
      const [from, to] = checkRange(who, 'string', s, chars.length, start, end);
      return whenReady(
        port,
        () => port.canReadChars(to - from, skip),
        () => {
          const got = peek ? port.peekStringAt(skip, to - from) : port.readString(to - from);
          if (got === null) return to === from ? 0 : EOF;
          const read = Array.from(got);
          chars.splice(from, read.length, ...read);
          s.s = chars.join('');
          return read.length;
        },
        peek,
        who,
        skip + to - from,
      );
    };
  t.blocking('read-string!', 1, 4, intoString('read-string!', false));
  t.blocking('peek-string!', 2, 5, intoString('peek-string!', true));
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
      false,
      'read-bytes-line',
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
      false,
      'read-bytes',
      count,
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
      false,
      'read-string',
      count,
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
      false,
      'read-line',
    );
  });
  t.blocking('read', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'read', p, 'read-char-or-special');
    if (port.readHandler !== null) return applyNested(this, port.readHandler, [port]);
    let datum: Value | null = null;
    return whenReady(
      port,
      () => (datum = readDatum(this, port)) !== null,
      () => datum!,
      false,
      'read',
    );
  });
  t.blocking('read-syntax', 0, 2, readSyntax);
  t.fn('char-ready?', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'char-ready?', p, 'byte-ready?');
    port.demand();
    return port.complete || port.canReadChar();
  });
  t.fn('byte-ready?', 0, 1, function (this: Machine, p?: Value) {
    const port = inputPort(this, 'byte-ready?', p);
    port.demand();
    return port.complete || port.available > 0;
  });
}
