// Input ports over bytes: string and byte-string ports, whose bytes are all
// there from the start, and streaming ports (standard input), whose bytes
// arrive over time from a source until it ends. Characters are read by
// decoding UTF-8, as Racket's ports do. A read on a streaming port first asks
// whether the bytes it needs are there (`canRead...`); the read primitives
// block the Racket thread until they are (see prims/io.ts).

import { customPrint } from '../values/printable.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';

/** Where a streaming port's bytes come from: `start` is called once, when the bytes are first needed. */
export type ByteSource = (onData: (chunk: Uint8Array) => void, onEnd: () => void) => void;

export class InputPort {
  pos = 0;
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

  private append(chunk: Uint8Array): void {
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
