// Input ports over bytes (string and byte-string ports). Characters are read
// by decoding UTF-8, as Racket's ports do.

import { customPrint } from '../printer/protocol.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';

export class InputPort {
  pos = 0;
  private text: string | null = null;
  constructor(
    readonly bytes: Uint8Array,
    readonly name: string,
  ) {}

  static fromString(s: string): InputPort {
    return new InputPort(encodeUtf8(s), 'string');
  }

  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
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
