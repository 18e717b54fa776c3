// Custom ports: make-input-port and make-output-port. Their procedures are
// Racket code, run to completion on a machine nested in the step that reads
// or writes (eval/nested.ts). An input port keeps what its read-in procedure
// gave in its own buffer (as Racket does for a port without a peek
// procedure), so peeks are served from the buffer; when read-in has nothing
// (0 or an event), the reading thread blocks until the event is ready.

import { applyNested } from '../eval/nested.js';
import { runningMachine } from '../eval/machine.js';
import type { Machine } from '../eval/machine-type.js';
import { NOT_READY, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import { RawText, argError, argumentsError } from '../errors/messages.js';
import { RacketThrow, exnFailUnsupportedT, makeExn } from '../errors/exn.js';
import { InputPort } from '../io/input-port.js';
import { OutputPort } from '../io/output-port.js';
import { displayString } from '../printer/print.js';
import { asEvt } from '../thread/evt.js';
import { EOF, RBytes, RString, Sym, VOID, type Value, MultipleValues } from '../values/types.js';
import { RPath } from '../values/path.js';
import { customPrint } from '../values/printable.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import type { PrimTable } from './table.js';

/** Ready once `port` has bytes or has ended (a port read-in handed over). */
class BytesArrivedEvt implements Evt {
  constructor(readonly port: InputPort) {}
  poll(): SyncResult | NotReady {
    return this.port.available > 0 || this.port.complete ? true : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.port.demand();
    this.port.waiters.add(wake);
    return () => this.port.waiters.delete(wake);
  }
}

/** Ready a moment later: read-in returned 0, so try again without spinning. */
class SoonEvt implements Evt {
  private due = false;
  poll(): SyncResult | NotReady {
    return this.due ? true : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const t = setTimeout(() => {
      this.due = true;
      wake();
    }, 1);
    return () => clearTimeout(t);
  }
}

/** Calls a port procedure in the thread of `m` (or the running machine). */
function callPortProc(m: Machine | null, proc: Value, args: Value[]): Value {
  const outer = m ?? runningMachine();
  if (outer === null) throw new RacketThrow(makeExn(exnFailUnsupportedT, 'custom port: no Racket thread to run the port procedure in'));
  return applyNested(outer, proc, args);
}

/** The first result of a procedure returning several values (get-location). */
function resultList(v: Value): Value[] {
  return v instanceof MultipleValues ? v.vals : [v];
}

const FILL_SIZE = 4096;

/** How a custom port prints: with its name when that is a symbol, string or path, else without. */
function printCustom(kind: string, name: Value, text: string): string {
  return name instanceof Sym || name instanceof RString || name instanceof RPath ? `#<${kind}:${text}>` : `#<${kind}>`;
}

export class CustomInputPort extends InputPort {
  private closeCalled = false;

  constructor(
    name: string,
    readonly readIn: Value,
    readonly peekProc: Value,
    readonly closeProc: Value,
    readonly progressEvtProc: Value,
    readonly commitProc: Value,
    readonly getLocation: Value,
    readonly countLinesProc: Value,
    readonly initPosition: number,
    readonly bufferModeProc: Value,
  ) {
    super(new Uint8Array(0), name);
    this.complete = false;
  }

  override get custom(): boolean {
    return true;
  }

  /** Runs one of the port's procedures. */
  callProc(proc: Value, args: Value[]): Value {
    return callPortProc(null, proc, args);
  }

  override fill(m: Machine, want: number): Evt | null {
    if (this.readIn instanceof InputPort) return this.takeFrom(m, this.readIn);
    const size = this.peekProc === false ? FILL_SIZE : Math.min(FILL_SIZE, Math.max(1, want));
    const buf = new RBytes(new Uint8Array(size), false);
    const r = callPortProc(m, this.readIn, [buf]);
    if (typeof r === 'number' && Number.isInteger(r) && r >= 0) {
      if (r > size)
        argumentsError(
          'user port read',
          'result integer is larger than the supplied byte string',
          ['result', r],
          ['byte-string length', size],
        );
      if (r === 0) return new SoonEvt();
      this.append(buf.bytes.slice(0, r));
      return null;
    }
    if (r === EOF) {
      this.end('eof');
      return null;
    }
    if (r instanceof InputPort) return this.takeFrom(m, r);
    if (isProcedure(r)) {
      if (this.peekProc === false)
        argumentsError('user port read', 'the port has no specific peek procedure, so a special read result is not allowed', [
          'special result',
          r,
        ]);
      this.end({ special: r });
      return null;
    }
    const e = asEvt(r);
    if (e !== null) return e;
    return argumentsError(
      'user port read',
      'contract violation',
      ['expected', new RawText('(or/c exact-nonnegative-integer? eof-object? evt? pipe-input-port?)')],
      ['result', r],
    );
  }

  private end(mark: 'eof' | { special: Value }): void {
    this.mark = mark;
    this.complete = true;
    for (const w of [...this.waiters]) w();
  }

  /** Moves what `from` has to this port's buffer, or waits for it. */
  private takeFrom(m: Machine, from: InputPort): Evt | null {
    if (from.available === 0 && !from.complete && from.custom) {
      const w = from.fill(m, FILL_SIZE);
      if (w !== null) return w;
    }
    if (from.available > 0) {
      this.append(from.readBytes(from.available)!);
      return null;
    }
    if (from.complete) {
      from.takeMark();
      this.end('eof');
      return null;
    }
    return new BytesArrivedEvt(from);
  }

  override [customPrint](): string {
    return printCustom('input-port', this.nameValue ?? false, this.name);
  }

  override close(): void {
    if (this.closeCalled) return;
    this.closeCalled = true;
    super.close();
    callPortProc(null, this.closeProc, []);
  }

  override filePosition(): number {
    return this.pos + this.initPosition - 1;
  }

  override location(): [number | false, number | false, number] {
    const base = super.location();
    if (this.counter !== null && this.getLocation !== false) {
      const [line, col, pos] = resultList(callPortProc(null, this.getLocation, []));
      return [line as number | false, col as number | false, pos as number];
    }
    return this.counter === null ? [false, false, base[2] + this.initPosition - 1] : base;
  }
}

export class CustomOutputPort extends OutputPort {
  private closeCalled = false;

  /** Bytes and specials written (the position). */
  written = 0;
  constructor(
    name: string,
    readonly evt: Value,
    readonly writeOut: Value,
    readonly closeProc: Value,
    readonly writeSpecialProc: Value,
    readonly writeEvtProc: Value,
    readonly writeSpecialEvtProc: Value,
    readonly getLocation: Value,
    readonly countLinesProc: Value,
    readonly initPosition: number,
    readonly bufferModeProc: Value,
  ) {
    super(name, () => {}, true);
  }

  /** Runs one of the port's procedures. */
  callProc(proc: Value, args: Value[]): Value {
    return callPortProc(null, proc, args);
  }

  /** Hands bytes[start, end) to write-out until all are written; returns how many it took. */
  writeOutRange(b: RBytes, start: number, end: number, nonBlock: boolean, breakable: boolean, all: boolean): number {
    let at = start;
    do {
      const r = callPortProc(null, this.writeOut, [b, at, end, nonBlock, breakable]);
      if (typeof r === 'number' && Number.isInteger(r) && r >= 0) {
        if (r > end - at)
          argumentsError(
            'user port write',
            'result integer is larger than the supplied byte string',
            ['result', r],
            ['byte string length', end - at],
          );
        at += r;
        this.written += r;
        if (this.counter !== null && r > 0) this.counter.countBytes(b.bytes, at - r, at);
        if (!all) return r;
        continue;
      }
      if (r === false) {
        if (nonBlock) return 0;
        continue;
      }
      const e = asEvt(r);
      if (e === null)
        argumentsError(
          'user port write',
          'contract violation',
          ['expected', new RawText('(or/c exact-nonnegative-integer? #f evt?)')],
          ['result', r],
        );
      if (nonBlock) return 0;
      throw new RacketThrow(
        makeExn(exnFailUnsupportedT, 'custom port: a write-out procedure that waits on an event is not supported in rkt'),
      );
    } while (at < end);
    return at - start;
  }

  override write(s: string): void {
    const b = new RBytes(new TextEncoder().encode(s), false);
    this.writeOutRange(b, 0, b.bytes.length, false, true, true);
  }

  override writeBytes(b: Uint8Array): void {
    this.writeOutRange(new RBytes(b, false), 0, b.length, false, true, true);
  }

  override writeRBytes(b: RBytes, start: number, end: number): void {
    if (end > start) this.writeOutRange(b, start, end, false, true, true);
  }

  override flush(): void {
    if (this.closed) return;
    callPortProc(null, this.writeOut, [new RBytes(new Uint8Array(0), false), 0, 0, false, true]);
  }

  /** write-special: true when the port took the value. */
  writeSpecial(v: Value, nonBlock: boolean, breakable: boolean): boolean {
    for (;;) {
      const r = callPortProc(null, this.writeSpecialProc, [v, nonBlock, breakable]);
      if (r !== false) {
        this.written++;
        this.counter?.countSpecial();
        return true;
      }
      if (nonBlock) return false;
    }
  }

  override [customPrint](): string {
    return printCustom('output-port', this.nameValue ?? false, this.name);
  }

  override close(): void {
    if (this.closeCalled) return;
    this.closeCalled = true;
    this.closed = true;
    callPortProc(null, this.closeProc, []);
  }

  override position(): number {
    return this.written + this.initPosition - 1;
  }

  location(): [number | false, number | false, number | false] | null {
    if (this.counter !== null && this.getLocation !== false) {
      const [line, col, pos] = resultList(callPortProc(null, this.getLocation, []));
      return [line as number | false, col as number | false, pos as number | false];
    }
    return null;
  }
}

const procOrFalse = (who: string, v: Value, n: number): void => {
  if (v !== false && !(isProcedure(v) && arityIncludes(v, n))) argError(who, `(or/c (procedure-arity-includes/c ${n}) #f)`, v);
};
const procArity = (who: string, v: Value, n: number): void => {
  if (!(isProcedure(v) && arityIncludes(v, n))) argError(who, `(procedure-arity-includes/c ${n})`, v);
};
const initPos = (who: string, v: Value): number => {
  if (v === undefined) return 1;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  return argError(who, 'exact-positive-integer?', v);
};
const portName = (v: Value): string => displayString(v);

export function installCustomPorts(t: PrimTable): void {
  t.fn('make-input-port', 4, 10, (...args: Value[]) => {
    const who = 'make-input-port';
    const [name, readIn, peek, close, progress = false, commit = false, getLoc = false, countLines = VOID, init, mode = false] = args;
    if (!(readIn instanceof InputPort) && !(isProcedure(readIn) && arityIncludes(readIn, 1)))
      argError(who, '(or/c (procedure-arity-includes/c 1) input-port?)', readIn);
    if (peek !== false && !(peek instanceof InputPort) && !(isProcedure(peek) && arityIncludes(peek, 3)))
      argError(who, '(or/c (procedure-arity-includes/c 3) input-port? #f)', peek);
    procArity(who, close, 0);
    procOrFalse(who, progress, 0);
    procOrFalse(who, commit, 3);
    procOrFalse(who, getLoc, 0);
    if (countLines !== VOID) procArity(who, countLines, 0);
    const start = initPos(who, init);
    if (mode !== false && !(isProcedure(mode) && arityIncludes(mode, 0) && arityIncludes(mode, 1)))
      argError(who, "(or/c (case-> (-> (or/c 'block 'none #f)) ((or/c 'block 'none) . -> . any)) #f)", mode);
    const port = new CustomInputPort(portName(name), readIn, peek, close, progress, commit, getLoc, countLines, start, mode);
    port.nameValue = name;
    return port;
  });
  t.fn('make-output-port', 4, 11, (...args: Value[]) => {
    const who = 'make-output-port';
    const [
      name,
      evt,
      writeOut,
      close,
      writeSpecial = false,
      writeEvt = false,
      writeSpecialEvt = false,
      getLoc = false,
      countLines = VOID,
      init,
      mode = false,
    ] = args;
    if (asEvt(evt) === null) argError(who, 'evt?', evt);
    procArity(who, writeOut, 5);
    procArity(who, close, 0);
    procOrFalse(who, writeSpecial, 3);
    procOrFalse(who, writeEvt, 3);
    procOrFalse(who, writeSpecialEvt, 1);
    procOrFalse(who, getLoc, 0);
    if (countLines !== VOID) procArity(who, countLines, 0);
    const start = initPos(who, init);
    if (mode !== false && !(isProcedure(mode) && arityIncludes(mode, 0) && arityIncludes(mode, 1)))
      argError(who, "(or/c (case-> (-> (or/c 'block 'line 'none #f)) ((or/c 'block 'line 'none) . -> . any)) #f)", mode);
    const port = new CustomOutputPort(
      portName(name),
      evt,
      writeOut,
      close,
      writeSpecial,
      writeEvt,
      writeSpecialEvt,
      getLoc,
      countLines,
      start,
      mode,
    );
    port.nameValue = name;
    return port;
  });
}
