// Output ports are byte sinks. A port buffers what is written — text as the
// printer produces it, and raw bytes — and hands it to its sink on flush:
// one string when only text was written (encoded once, by the sink), else
// one byte array (the text UTF-8 encoded). String ports keep everything for
// get-output-bytes; get-output-string decodes it as Racket does, one U+FFFD
// per byte that is not part of a well-formed sequence.

import { customPrint, printNamed } from '../values/printable.js';
import { decodeUtf8Chars } from '../values/utf8-lenient.js';
import { decodeUtf8, encodeUtf8 } from '../values/utf8.js';
import type { LineCounter } from './location.js';
import type { RBytes, Value } from '../values/types.js';
import { evtOf, type Evt, type SyncResult } from '../eval/block.js';

/** An output port as an event: ready at once (writes never wait); its result is the port. */
class PortWritableEvt implements Evt {
  constructor(readonly port: OutputPort) {}
  poll(): SyncResult {
    return this.port;
  }
  subscribe(): () => void {
    return () => {};
  }
}

/** Where a port's flushed output goes: text, or bytes when raw bytes were written. */
export type OutputSink = (data: string | Uint8Array) => void;

/** The UTF-8 encoding of what `parts` hold, concatenated. */
function concatParts(parts: (string | Uint8Array)[]): Uint8Array {
  const encoded = parts.map((p) => (typeof p === 'string' ? encodeUtf8(p) : p));
  let n = 0;
  for (const e of encoded) n += e.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const e of encoded) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** The length of the UTF-8 encoding of `s` (whose surrogates are all paired, as Racket strings' are). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 1 : 2;
  }
  return n;
}

/** Bytes decoded as Racket's string ports decode them (U+FFFD for each bad byte). */
export function decodeLeniently(b: Uint8Array): string {
  const ok = decodeUtf8(b);
  if (ok !== null) return ok;
  let out = '';
  for (const c of decodeUtf8Chars(b)) out += c.code < 0 ? '\ufffd' : String.fromCodePoint(c.code);
  return out;
}

export class OutputPort {
  /** The name object-name returns when it is not the symbol of `name` (a custom port's name as given). */
  nameValue: Value | undefined = undefined;
  [evtOf](): Evt {
    return new PortWritableEvt(this);
  }

  private parts: (string | Uint8Array)[] = [];
  private size = 0;
  /** Only strings in `parts`. */
  private textOnly = true;
  closed = false;
  /** Called when the port is closed (a pipe's output end ends its input end). */
  onClose: (() => void) | null = null;
  /** A file or standard stream (file-stream-port?), and whether it is a terminal. */
  fileStream = false;
  /** port-file-identity's number (the file's device and inode), when the port knows its file. */
  fileIdentity: (() => bigint) | null = null;
  terminal = false;
  /** file-stream-buffer-mode's setting; null: the default. 'none writes each write out at once, 'line each one with a newline. */
  bufferMode: string | null = null;
  /** port-display-handler, port-write-handler and port-print-handler when set (null: the default). */
  displayHandler: Value | null = null;
  writeHandler: Value | null = null;
  printHandler: Value | null = null;
  /** Line and column counting, once port-count-lines! enables it. */
  counter: LineCounter | null = null;
  /** Bytes handed to the sink so far (the position of a non-string port). */
  flushedBytes = 0;
  constructor(
    readonly name: string,
    /** Where flushed output goes; null for a string port. */
    private readonly sink: OutputSink | null,
    /** Hands each write to the sink at once (a pipe), instead of buffering. */
    private readonly immediate = false,
  ) {}

  /** Writes text (its UTF-8 encoding). */
  write(s: string): void {
    if (this.counter !== null) this.counter.countText(s);
    if (this.immediate && this.sink !== null) {
      this.sink(s);
      return;
    }
    this.parts.push(s);
    this.size += s.length;
    if (
      this.sink !== null &&
      (this.size > 1 << 16 || (this.bufferMode !== null && this.bufferMode !== 'block' && (this.bufferMode === 'none' || s.includes('\n'))))
    ) {
      this.flush();
    }
  }

  /** Writes bytes; the port keeps `b`, so the caller must not change it afterwards. */
  writeBytes(b: Uint8Array): void {
    if (this.counter !== null) this.counter.countBytes(b, 0, b.length);
    if (this.immediate && this.sink !== null) {
      this.sink(b);
      return;
    }
    this.parts.push(b);
    this.textOnly = false;
    this.size += b.length;
    if (
      this.sink !== null &&
      (this.size > 1 << 16 || (this.bufferMode !== null && this.bufferMode !== 'block' && (this.bufferMode === 'none' || b.includes(10))))
    ) {
      this.flush();
    }
  }

  /** Writes bytes[start, end) of a byte string (a custom port hands the byte string itself to its procedure). */
  writeRBytes(b: RBytes, start: number, end: number): void {
    if (end > start) this.writeBytes(b.bytes.slice(start, end));
  }

  /** Hands bytes straight to the sink, past what is buffered: another writer of the same file (a subprocess) wrote them. */
  writeThrough(b: Uint8Array): void {
    if (this.sink === null || b.length === 0) return;
    this.flushedBytes += b.length;
    this.sink(b);
  }

  close(): void {
    this.flush();
    this.closed = true;
    this.onClose?.();
  }

  /** What is buffered, as one string (text only) or one byte array. */
  private joined(): string | Uint8Array {
    if (this.parts.length === 1) return this.parts[0];
    return this.textOnly ? (this.parts as string[]).join('') : concatParts(this.parts);
  }

  flush(): void {
    if (this.sink === null || this.parts.length === 0) return;
    const data = this.joined();
    this.parts = [];
    this.size = 0;
    this.textOnly = true;
    this.flushedBytes += typeof data === 'string' ? utf8Length(data) : data.length;
    this.sink(data);
  }

  /** Everything a string port holds, as bytes. */
  contentsBytes(): Uint8Array {
    const data = this.joined();
    const bytes = typeof data === 'string' ? encodeUtf8(data) : data;
    this.parts = bytes.length === 0 ? [] : [bytes];
    this.textOnly = bytes.length === 0;
    return bytes;
  }

  /** Everything a string port holds, decoded. */
  contents(): string {
    if (this.textOnly) {
      const text = (this.parts as string[]).join('');
      this.parts = text === '' ? [] : [text];
      return text;
    }
    return decodeLeniently(this.contentsBytes());
  }

  /** Bytes written so far: flushed and buffered (file-position). */
  position(): number {
    return this.flushedBytes + this.buffered();
  }

  /** The number of bytes written but not yet flushed. */
  buffered(): number {
    if (this.parts.length === 0) return 0;
    const data = this.joined();
    return typeof data === 'string' ? utf8Length(data) : data.length;
  }

  /** Discards what a string port holds. */
  reset(): void {
    this.parts = [];
    this.size = 0;
    this.textOnly = true;
  }

  [customPrint](): string {
    return printNamed('output-port', this.name);
  }

  get isStringPort(): boolean {
    return this.sink === null;
  }
}
