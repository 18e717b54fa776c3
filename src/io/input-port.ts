// Input ports over bytes: string and byte-string ports, whose bytes are all
// there from the start, and streaming ports (standard input), whose bytes
// arrive over time from a source until it ends. Characters are read by
// decoding UTF-8, as Racket's ports do. A read on a streaming port first asks
// whether the bytes it needs are there (`canRead...`); the read primitives
// block the Racket thread until they are (see prims/io.ts).

import { customPrint } from '../values/printable.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import type { Value } from '../values/types.js';
import { LineCounter } from './location.js';
import { NOT_READY, evtOf, type Evt, type NotReady, type SyncResult } from '../eval/block.js';
import type { Machine } from '../eval/machine-type.js';

/** Where a streaming port's bytes come from: `start` is called once, when the bytes are first needed. */
export type ByteSource = (onData: (chunk: Uint8Array) => void, onEnd: () => void) => void;

/** An input port as an event: ready when a byte (or the end) can be read; its result is the port. */
class PortReadyEvt implements Evt {
  constructor(readonly port: InputPort) {}
  poll(m: Machine): SyncResult | NotReady {
    const p = this.port;
    if (p.custom && p.available === 0 && !p.complete) p.fill(m, 1);
    return p.available > 0 || p.complete || p.closed ? p : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    const p = this.port;
    p.demand();
    if (p.custom) {
      // A custom port's procedures must run again to know: look now and then.
      const t = setInterval(wake, 5);
      return () => clearInterval(t);
    }
    p.waiters.add(wake);
    return () => p.waiters.delete(wake);
  }
}

export class InputPort {
  /** The name object-name returns when it is not the symbol of `name` (a custom port's name as given). */
  nameValue: Value | undefined = undefined;
  [evtOf](): Evt {
    return new PortReadyEvt(this);
  }

  /** The read position in `bytes`; `reads` counts the moves of it (progress events watch it). */
  get pos(): number {
    return this.at;
  }
  set pos(v: number) {
    this.at = v;
    this.reads++;
  }
  private at = 0;
  reads = 0;
  private text: string | null = null;
  /** The bytes so far (a view of `buffer`, which grows by doubling). */
  bytes: Uint8Array;
  private buffer: Uint8Array;
  /** No more bytes will come. */
  complete: boolean;
  /** Wake-ups of threads waiting for more bytes. */
  readonly waiters = new Set<() => void>();

  constructor(
    bytes: Uint8Array,
    readonly name: string,
    private source: ByteSource | null = null,
  ) {
    this.buffer = bytes;
    this.bytes = bytes;
    this.complete = source === null;
  }

  static fromString(s: string): InputPort {
    return new InputPort(encodeUtf8(s), 'string');
  }

  /** close-input-port was called: reads raise. */
  closed = false;

  close(): void {
    this.closed = true;
  }

  /** A file or standard stream (file-stream-port?), and whether it is a terminal. */
  fileStream = false;
  /** port-file-identity's number (the file's device and inode), when the port knows its file. */
  fileIdentity: (() => bigint) | null = null;
  terminal = false;
  /** file-stream-buffer-mode's setting; null: the default. */
  bufferMode: string | null = null;
  /** port-read-handler when set (null: the default). */
  readHandler: Value | null = null;
  /** Line counting, once port-count-lines! enables it; counted lazily up to `countedTo`. */
  counter: LineCounter | null = null;
  private countedTo = 0;
  /** Set when a custom port's stream has an end-of-file or a special value here (after `bytes`); reading takes it. */
  mark: { special: Value } | 'eof' | null = null;

  startCounting(): void {
    if (this.counter !== null) return;
    this.counter = new LineCounter();
    this.countedTo = this.pos;
  }

  /** Brings the line counter up to the position. */
  private syncCount(): LineCounter | null {
    const c = this.counter;
    if (c === null) return null;
    if (this.pos > this.countedTo) c.countBytes(this.bytes, this.countedTo, this.pos);
    this.countedTo = this.pos;
    return c;
  }

  /** Line, column and position (1-based) of the next byte, as port-next-location reports them. */
  location(): [number | false, number | false, number] {
    const c = this.syncCount();
    return c === null ? [false, false, this.pos + 1] : [c.line, c.col, c.pos];
  }

  setLocation(line: number | false, col: number | false, pos: number | false): void {
    this.syncCount()?.set(line, col, pos);
  }

  /** The position file-position reports. */
  filePosition(): number {
    return this.pos;
  }

  /** file-position's setting: a string port moves within its bytes (no further than their end). */
  setFilePosition(to: number | 'eof'): void {
    this.pos = to === 'eof' ? this.bytes.length : Math.min(to, this.bytes.length);
  }

  /** Replaces the bytes, to be read from their start (a file port that moved reads afresh). */
  protected refill(bytes: Uint8Array): void {
    this.buffer = bytes;
    this.bytes = bytes;
    this.text = null;
    this.pos = 0;
    this.countedTo = 0;
  }

  /** A port whose bytes come from Racket procedures (make-input-port): reads wait by `fill`. */
  get custom(): boolean {
    return false;
  }

  /**
   * A custom port's next bytes (or end-of-file or special value), got by
   * running its procedures in thread `m`. Returns an event to wait for
   * before trying again, or null.
   */
  fill(_m: Machine, _want: number): Evt | null {
    return null;
  }

  /** Takes the end-of-file or special value at the position of a custom port. */
  takeMark(): void {
    if (this.mark === null || !this.atEnd) return;
    if (this.mark !== 'eof') this.syncCount()?.countSpecial();
    this.mark = null;
    this.complete = false;
  }

  /** Reads more bytes now, when the port can (a file port on a device); false when it cannot. */
  pull(): boolean {
    return false;
  }

  /** Starts the source, if it has not started, so that more bytes come. */
  demand(): void {
    const start = this.source;
    if (start === null) return;
    this.source = null;
    start(
      (chunk) => this.append(chunk),
      () => {
        this.complete = true;
        this.wake();
      },
    );
  }

  /** A pipe's input end: bytes come from its output end, until that is closed. */
  static pipe(name: string): InputPort {
    // A source that never starts anything: the port is fed by `feed` and ended by `finish`.
    return new InputPort(new Uint8Array(0), name, () => {});
  }

  /** More bytes, written to a pipe's output end. */
  feed(chunk: Uint8Array): void {
    this.append(chunk);
  }

  /** No more bytes will come (a pipe's output end was closed). */
  finish(): void {
    this.complete = true;
    this.wake();
  }

  protected append(chunk: Uint8Array): void {
    const len = this.bytes.length;
    if (len + chunk.length > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(len + chunk.length, this.buffer.length * 2, 256));
      bigger.set(this.bytes);
      this.buffer = bigger;
    }
    this.buffer.set(chunk, len);
    this.bytes = this.buffer.subarray(0, len + chunk.length);
    this.text = null;
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** Bytes available after the position. */
  get available(): number {
    return this.bytes.length - this.pos;
  }

  /** A whole character (or the end) can be read now. */
  canReadChar(): boolean {
    if (this.complete) return true;
    if (this.available === 0) return false;
    const c = this.bytes[this.pos];
    const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return this.available >= len;
  }

  /** `n` bytes (or as many as there will ever be) can be read now. */
  canReadBytes(n: number): boolean {
    return this.complete || this.available >= n;
  }

  /** `n` whole characters from `skip` bytes after the position (or the end) can be read now. */
  canReadChars(n: number, skip = 0): boolean {
    if (this.complete) return true;
    const b = this.bytes;
    let at = this.pos + skip;
    for (let i = 0; i < n; i++) {
      if (at >= b.length) return false;
      const c = b[at];
      const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (at + len > b.length) return false;
      at += len;
    }
    return true;
  }

  /** A line ending as `mode` sees it (or the end) is there. */
  canReadLine(mode: string): boolean {
    if (this.complete) return true;
    const b = this.bytes;
    for (let i = this.pos; i < b.length; i++) {
      if (b[i] === 10 && mode !== 'return') return true;
      if (b[i] === 13 && mode !== 'linefeed') {
        // After a return, a linefeed may belong to the same line ending.
        if (mode === 'return' || mode === 'any-one') return true;
        return i + 1 < b.length;
      }
    }
    return false;
  }

  /** The next character's code point and its length in bytes, or null at the end. */
  private charAt(pos: number): [number, number] | null {
    const b = this.bytes;
    if (pos >= b.length) return null;
    const c = b[pos];
    const len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    if (len === 1) return [c < 0x80 ? c : 0xfffd, 1];
    const s = decodeUtf8(b.subarray(pos, Math.min(b.length, pos + len)));
    return s === null ? [0xfffd, 1] : [s.codePointAt(0)!, len];
  }

  readChar(): number | null {
    const c = this.charAt(this.pos);
    if (c !== null) this.pos += c[1];
    return c === null ? null : c[0];
  }

  peekChar(): number | null {
    const c = this.charAt(this.pos);
    return c === null ? null : c[0];
  }

  /** The character `skip` bytes after the position, or null at the end. */
  peekCharAt(skip: number): number | null {
    const c = this.charAt(this.pos + skip);
    return c === null ? null : c[0];
  }

  /** Up to `n` bytes from `skip` bytes after the position, without reading them; null when there are none. */
  peekBytesAt(skip: number, n: number): Uint8Array | null {
    const from = this.pos + skip;
    if (from >= this.bytes.length && n > 0) return null;
    return this.bytes.slice(from, from + n);
  }

  /** Up to `n` characters from `skip` bytes after the position, without reading them; null at the end. */
  peekStringAt(skip: number, n: number): string | null {
    let at = this.pos + skip;
    if (at >= this.bytes.length && n > 0) return null;
    let out = '';
    for (let i = 0; i < n; i++) {
      const c = this.charAt(at);
      if (c === null) break;
      out += String.fromCodePoint(c[0]);
      at += c[1];
    }
    return out;
  }

  /** A line's bytes without its terminator (see readLine). */
  readBytesLine(mode: string): Uint8Array | null {
    if (this.atEnd) return null;
    const b = this.bytes;
    const start = this.pos;
    for (let i = start; i < b.length; i++) {
      const c = b[i];
      if (c === 10 && (mode === 'linefeed' || mode === 'any' || mode === 'any-one')) {
        this.pos = i + 1;
        return b.slice(start, i);
      }
      if (c === 13 && mode !== 'linefeed') {
        if (mode === 'return' || mode === 'any-one') {
          this.pos = i + 1;
          return b.slice(start, i);
        }
        if (b[i + 1] === 10) {
          this.pos = i + 2;
          return b.slice(start, i);
        }
        if (mode === 'any') {
          this.pos = i + 1;
          return b.slice(start, i);
        }
      }
    }
    this.pos = b.length;
    return b.slice(start);
  }

  readByte(): number | null {
    return this.pos < this.bytes.length ? this.bytes[this.pos++] : null;
  }

  peekByte(): number | null {
    return this.pos < this.bytes.length ? this.bytes[this.pos] : null;
  }

  readBytes(n: number): Uint8Array | null {
    if (this.atEnd && n > 0) return null;
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += out.length;
    return out;
  }

  readString(n: number): string | null {
    if (this.atEnd && n > 0) return null;
    let out = '';
    for (let i = 0; i < n; i++) {
      const c = this.readChar();
      if (c === null) break;
      out += String.fromCodePoint(c);
    }
    return out;
  }

  /** A line without its terminator; `mode` is Racket's linefeed, return, return-linefeed, any or any-one. */
  readLine(mode: string): string | null {
    if (this.atEnd) return null;
    let out = '';
    for (;;) {
      const c = this.readChar();
      if (c === null) return out;
      if (c === 10 && (mode === 'linefeed' || mode === 'any' || mode === 'any-one')) return out;
      if (c === 13) {
        if (mode === 'return' || mode === 'any-one') return out;
        if ((mode === 'return-linefeed' || mode === 'any') && this.peekChar() === 10) {
          this.pos++;
          return out;
        }
        if (mode === 'any') return out;
      }
      out += String.fromCodePoint(c);
    }
  }

  /** The text of all the bytes so far (decoded once until more arrive). */
  fullText(): string {
    if (this.text === null) this.text = decodeUtf8(this.bytes) ?? Array.from(this.bytes, (b) => String.fromCharCode(b)).join('');
    return this.text;
  }

  /** The whole text and the current position in characters (for the reader). */
  textAndOffset(): [string, number] {
    if (this.text === null) this.text = decodeUtf8(this.bytes) ?? Array.from(this.bytes, (b) => String.fromCharCode(b)).join('');
    if (this.pos === 0) return [this.text, 0];
    const before = decodeUtf8(this.bytes.subarray(0, this.pos));
    return [this.text, before === null ? this.pos : before.length];
  }

  /** Moves to a character offset of the text. */
  seekChar(offset: number): void {
    this.pos = encodeUtf8(this.textAndOffset()[0].slice(0, offset)).length;
  }

  [customPrint](): string {
    return `#<input-port:${this.name}>`;
  }
}
