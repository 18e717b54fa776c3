// File ports over an open descriptor. The OS file offset is what Racket's
// file-position reports, adjusted by what a port buffers; Node cannot seek a
// descriptor, so the offset is kept here and every read and write names it.
// The two ports of open-input-output-file share one descriptor, and so one
// offset, as they share one in Racket. An input port reads everything from
// the offset to the end of the file when it opens or moves (its read-ahead
// moves the offset once it is read from, as Racket's buffer fills on the
// first read); an output port writes its buffer at the offset when it
// flushes.

import type { HostError, HostFiles } from '../host/host.js';
import { RacketThrow, exnFailFilesystemErrnoT, makeExn } from '../errors/exn.js';
import { Pair, sym } from '../values/types.js';
import { encodeUtf8 } from '../values/utf8.js';
import { InputPort } from './input-port.js';
import { OutputPort } from './output-port.js';

/** Racket's error for a failed system call on an open port: `who: what` (just `what` without a who), then the OS's error. */
export function portSystemError(who: string | null, what: string, e: unknown): never {
  const err = e as HostError;
  if (typeof err?.errno !== 'number') throw e;
  const head = who === null ? what : `${who}: ${what}`;
  throw new RacketThrow(
    makeExn(exnFailFilesystemErrnoT, `${head}\n  system error: ${err.text}; errno=${err.errno}`, new Pair(err.errno, sym('posix'))),
  );
}

/** An open file, shared by the ports on it; closed when the last of them closes. */
export class FileDescriptor {
  /** The file offset the OS would keep for the descriptor. */
  offset = 0;
  /**
   * An input port on the descriptor that has read ahead from `offset` where
   * Racket's would not have yet: nothing has been read from it since. Its
   * read-ahead does not count in `offset` until something is.
   */
  reader: FileInputPort | null = null;
  constructor(
    readonly files: HostFiles,
    readonly fd: number,
    /** Opened to append: every write goes to the end of the file. */
    readonly append: boolean,
    /** How many ports use it. */
    private users: number,
  ) {}

  /** Brings `offset` up to date: once the reader has been read from, its read-ahead was taken from the file. */
  settle(): void {
    const r = this.reader;
    if (r === null || !r.readFrom) return;
    this.offset = r.filledAt + r.bytes.length;
    this.reader = null;
  }

  /** The offset moved (a write, a new position): a reader that was not read from reads afresh from there. */
  moved(): void {
    this.reader?.readAhead();
  }

  /** The file's size now. */
  size(): number {
    return Number(this.files.statDescriptor(this.fd).size);
  }

  /** Everything from `from` to the end of the file. */
  readFrom(from: number): Uint8Array {
    let buf = new Uint8Array(Math.max(4096, this.size() - from + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        const bigger = new Uint8Array(buf.length * 2);
        bigger.set(buf);
        buf = bigger;
      }
      const got = this.files.readDescriptor(this.fd, buf, n, buf.length - n, from + n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  }

  write(data: Uint8Array): void {
    this.settle();
    if (this.append) {
      this.files.writeDescriptor(this.fd, data, null);
      this.offset = this.size();
    } else {
      this.files.writeDescriptor(this.fd, data, this.offset);
      this.offset += data.length;
    }
    this.moved();
  }

  /** Sets the offset (past the end of the file is allowed: a later write fills the gap with zeros). */
  seek(to: number | 'eof'): void {
    this.settle();
    this.offset = to === 'eof' ? this.size() : to;
    this.moved();
  }

  /** One port is done with the descriptor. */
  release(): void {
    if (--this.users > 0) return;
    try {
      this.files.closeDescriptor(this.fd);
    } catch {
      // close(2) failing leaves nothing to do: the descriptor is gone either way.
    }
  }
}

/**
 * A file input port: its bytes are what the file held from the descriptor's
 * offset to its end when the port opened or last moved (or, while nothing has
 * been read from it, when another port on the descriptor last wrote).
 */
export class FileInputPort extends InputPort {
  /** Called once, when the port is closed or its custodian shuts down. */
  onClose: (() => void) | null = null;
  /** The file offset of the port's first byte. */
  filledAt = 0;
  private readsAtFill = 0;
  constructor(
    readonly descriptor: FileDescriptor,
    name: string,
    /** A device or pipe (not a regular file): its bytes are read a chunk at a time as reads need them, and it has no position to set. */
    readonly device = false,
  ) {
    super(new Uint8Array(0), name);
    this.fileStream = true;
    if (device) this.complete = false;
    else this.readAhead();
  }

  /** A device's next chunk, read now (the whole runtime waits for it, as for a regular file's bytes). */
  override pull(): boolean {
    if (!this.device || this.complete || this.closed) return false;
    const d = this.descriptor;
    const chunk = new Uint8Array(65536);
    let n = 0;
    try {
      n = d.files.readDescriptor(d.fd, chunk, 0, chunk.length, null);
    } catch (e) {
      portSystemError(null, 'error reading from stream port', e);
    }
    if (n === 0) this.finish();
    else this.feed(chunk.subarray(0, n));
    return true;
  }

  /** Set by a peek: Racket's buffer fills on a peek too. */
  private peeked = false;

  /** Something was read or peeked at since the port last filled. */
  get readFrom(): boolean {
    return this.peeked || this.reads > this.readsAtFill;
  }

  override peekByte(): number | null {
    this.peeked = true;
    return super.peekByte();
  }
  override peekChar(): number | null {
    this.peeked = true;
    return super.peekChar();
  }
  override peekCharAt(skip: number): number | null {
    this.peeked = true;
    return super.peekCharAt(skip);
  }
  override peekBytesAt(skip: number, n: number): Uint8Array | null {
    this.peeked = true;
    return super.peekBytesAt(skip, n);
  }
  override peekStringAt(skip: number, n: number): string | null {
    this.peeked = true;
    return super.peekStringAt(skip, n);
  }

  /** Reads from the descriptor's offset to the end of the file. */
  readAhead(): void {
    const d = this.descriptor;
    this.filledAt = d.offset;
    this.refill(d.readFrom(d.offset));
    this.readsAtFill = this.reads;
    this.peeked = false;
    d.reader = this;
  }

  /** Racket's position: the descriptor's offset less what is read ahead and not yet taken. */
  override filePosition(): number {
    if (this.device) return this.pos;
    const d = this.descriptor;
    d.settle();
    return d.reader === this ? d.offset : d.offset - this.available;
  }

  override setFilePosition(to: number | 'eof'): void {
    if (this.device) portSystemError('file-position', 'error setting stream position', { code: 'ESPIPE', errno: 29, text: 'Illegal seek' });
    const d = this.descriptor;
    d.reader = null;
    d.seek(to);
    this.readAhead();
  }

  override close(): void {
    if (this.closed) return;
    super.close();
    const d = this.descriptor;
    d.settle();
    if (d.reader === this) d.reader = null;
    d.release();
    this.onClose?.();
  }

  /** A custodian shutdown: closes the port. */
  release(): void {
    this.close();
  }
}

/** A file output port: flushing writes the buffer at the descriptor's offset. */
export class FileOutputPort extends OutputPort {
  constructor(
    readonly descriptor: FileDescriptor,
    name: string,
  ) {
    super(name, (data) => {
      try {
        descriptor.write(typeof data === 'string' ? encodeUtf8(data) : data);
      } catch (e) {
        portSystemError(null, 'error writing to stream port', e);
      }
    });
    this.fileStream = true;
  }

  /** Racket's position: the descriptor's offset plus what is buffered. */
  override position(): number {
    this.descriptor.settle();
    return this.descriptor.offset + this.buffered();
  }

  /** Flushes, then moves the descriptor's offset. */
  setFilePosition(to: number | 'eof'): void {
    this.flush();
    this.descriptor.seek(to);
  }

  /** Flushes, then sets the file's size. */
  truncate(size: number): void {
    this.flush();
    this.descriptor.files.truncateDescriptor(this.descriptor.fd, size);
  }

  override close(): void {
    if (this.closed) return;
    super.close();
    this.descriptor.release();
  }

  /** A custodian shutdown: closes the port without flushing it, as Racket's does. */
  release(): void {
    if (this.closed) return;
    this.reset();
    this.close();
  }
}
