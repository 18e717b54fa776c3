// One TCP connection and its two ports. The input port is a streaming port
// fed by the host connection once the program first reads; the output port
// buffers as Racket's does (out on flush-output, when 4096 bytes are
// waiting, or at close). Closing the output port shuts down the sending
// side, so the peer reads an end-of-file; the connection itself closes when
// both ports are closed. tcp-abandon-port closes a port without that
// shutdown.

import type { HostError, HostTcpConnection } from '../../host/host.js';
import { InputPort } from '../../io/input-port.js';
import { OutputPort } from '../../io/output-port.js';
import { encodeUtf8 } from '../../values/utf8.js';
import { illegalSeek, writeFailure } from './errors.js';

/** Racket's TCP output buffer: a port holding this many bytes writes them out. */
const OUTPUT_BUFFER = 4096;

export class TcpInputPort extends InputPort {
  /** Bytes read and dropped from the front of the buffer. */
  private dropped = 0;
  constructor(
    readonly conn: TcpConnection,
    name: string,
  ) {
    super(new Uint8Array(0), name, (onData, onEnd) => conn.host.read(onData, onEnd));
    // What arrives is taken in at once, as the system's buffer takes it, so that polls see it.
    this.demand();
  }
  /** A connection may carry any amount: what has been read is dropped when more arrives. */
  protected override append(chunk: Uint8Array): void {
    // A closed port reads nothing more: what arrives is dropped.
    if (this.closed) return;
    if (this.available === 0 && this.pos > 0) {
      this.location(); // brings a line counter up to the position before it moves
      this.dropped += this.pos;
      const reads = this.reads;
      this.refill(new Uint8Array(0));
      this.reads = reads; // dropping is not reading (progress events watch the count)
    }
    super.append(chunk);
  }
  override filePosition(): number {
    return this.dropped + this.pos;
  }
  override location(): [number | false, number | false, number] {
    const at = super.location();
    return this.counter === null ? [false, false, this.dropped + this.pos + 1] : at;
  }
  override close(): void {
    if (this.closed) return;
    super.close();
    this.conn.inputClosed();
  }
  /** A stream has no position to move to (file-position reports the OS's error). */
  override setFilePosition(): void {
    illegalSeek();
  }
}

export class TcpOutputPort extends OutputPort {
  /** Bytes (at least; a character may take more) written since the last flush. */
  private pending = 0;
  constructor(
    readonly conn: TcpConnection,
    name: string,
  ) {
    super(name, (data) => conn.send(typeof data === 'string' ? encodeUtf8(data) : data));
  }
  override write(s: string): void {
    super.write(s);
    this.pending += s.length;
    if (this.shouldFlush(s.includes('\n'))) this.flush();
  }
  override writeBytes(b: Uint8Array): void {
    super.writeBytes(b);
    this.pending += b.length;
    if (this.shouldFlush(b.includes(10))) this.flush();
  }
  /** file-stream-buffer-mode's 'none writes each write out, 'line each one with a newline, and 'block a full buffer. */
  private shouldFlush(newline: boolean): boolean {
    const mode = this.bufferMode;
    return this.pending >= OUTPUT_BUFFER || mode === 'none' || (mode === 'line' && newline);
  }
  /** A stream has no position to move to (file-position reports the OS's error). */
  setFilePosition(): void {
    this.flush();
    illegalSeek();
  }
  override flush(): void {
    this.pending = 0;
    super.flush();
  }
  override close(): void {
    this.shut(false);
  }
  /** Closes the port; `abandon`: without shutting down the sending side (tcp-abandon-port). */
  shut(abandon: boolean): void {
    if (this.closed) return;
    // What a failed connection cannot take is dropped, as the system drops it.
    if (this.conn.failure !== null) this.reset();
    this.flush();
    this.closed = true;
    this.conn.outputClosed(abandon);
  }
}

export function isTcpPort(v: unknown): v is TcpInputPort | TcpOutputPort {
  return v instanceof TcpInputPort || v instanceof TcpOutputPort;
}

export class TcpConnection {
  readonly input: TcpInputPort;
  readonly output: TcpOutputPort;
  /** Set when a write failed: later writes fail the same way. */
  failure: HostError | null = null;
  /** Called once both ports are closed (the custodian and the run let go of the connection). */
  onClosed: (() => void) | null = null;
  constructor(
    readonly host: HostTcpConnection,
    /** The ports' name: the host name given to tcp-connect, or "tcp-accepted". */
    name: string,
  ) {
    this.input = new TcpInputPort(this, name);
    this.output = new TcpOutputPort(this, name);
  }
  get closed(): boolean {
    return this.input.closed && this.output.closed;
  }
  send(data: Uint8Array): void {
    if (this.failure === null) {
      try {
        this.host.write(data);
        return;
      } catch (e) {
        this.failure = e as HostError;
      }
    }
    writeFailure(this.failure);
  }
  inputClosed(): void {
    if (this.output.closed) this.finish();
  }
  outputClosed(abandon: boolean): void {
    if (this.input.closed) this.finish();
    else if (!abandon) this.host.end();
  }
  /** Both ports are closed: so is the connection. */
  private finish(): void {
    this.host.close();
    this.onClosed?.();
    this.onClosed = null;
  }
  /** The end of the run: the system closes what is still open, sending what was flushed. */
  close(): void {
    this.markClosed();
    this.finish();
  }
  /** A custodian shutdown: both ports close at once, discarding what is buffered. */
  release(): void {
    this.output.reset();
    this.markClosed();
    this.host.destroy();
    this.onClosed?.();
    this.onClosed = null;
  }
  private markClosed(): void {
    if (!this.input.closed) InputPort.prototype.close.call(this.input);
    this.output.closed = true;
    for (const w of [...this.input.waiters]) w();
  }
}
