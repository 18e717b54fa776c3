// A TCP listener: the host's listening socket and the connections it has
// accepted that the program has not yet taken with tcp-accept (the
// system's backlog, as the program sees it).

import type { HostTcpConnection, HostTcpListener } from '../../host/host.js';
import { customPrint } from '../../values/printable.js';

export class TcpListener {
  closed = false;
  readonly waiting: HostTcpConnection[] = [];
  private readonly waiters = new Set<() => void>();
  host: HostTcpListener | null = null;
  /** Called when the listener closes (the custodian and the run let go of it). */
  onClosed: (() => void) | null = null;

  /** A connection arrived: it waits to be accepted, unless the listener is closed. */
  arrived(c: HostTcpConnection): void {
    if (this.closed) return c.destroy();
    this.waiting.push(c);
    this.wakeAll();
  }

  take(): HostTcpConnection | undefined {
    return this.waiting.shift();
  }

  /** Calls `wake` whenever a connection arrives or the listener closes, until the returned function is called. */
  onChange(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }

  /** tcp-close, a custodian shutdown or the end of the run: stops listening and refuses the connections not yet accepted. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host?.close();
    for (const c of this.waiting.splice(0)) c.destroy();
    this.wakeAll();
    this.onClosed?.();
    this.onClosed = null;
  }

  release(): void {
    this.close();
  }

  [customPrint](): string {
    return '#<tcp-listener>';
  }
}
