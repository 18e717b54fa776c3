// The state of one racket/udp socket: its host socket (made when the family
// is known), whether it is bound, connected or closed, and the datagrams that
// arrived and wait to be received — bounded, as the kernel's buffer is.

import type { HostUdpSocket } from '../../host/host.js';
import { customPrint } from '../../values/printable.js';

export interface Datagram {
  data: Uint8Array;
  address: string;
  port: number;
}

/** Racket's default receive buffer is the kernel's; this is the bound we keep queued datagrams under (bytes). */
export const DEFAULT_RECEIVE_BUFFER = 212_992;

export class UdpSocket {
  host: HostUdpSocket | null = null;
  bound = false;
  closed = false;
  connected: { address: string; port: number } | null = null;
  readonly queue: Datagram[] = [];
  private queuedBytes = 0;
  receiveBufferSize = DEFAULT_RECEIVE_BUFFER;
  /** Wake callbacks of threads waiting for a datagram or for the socket to close. */
  private readonly waiters = new Set<() => void>();

  // Socket options, as Racket reports them. The host can set them only on a
  // bound socket, so they are kept here and applied when it becomes bound.
  ttl = 64;
  multicastTtl = 1;
  multicastLoopback = true;
  multicastInterface: string;
  /** Joined multicast groups, as "group|interface". */
  readonly memberships = new Set<string>();
  private receiveBufferSet = false;

  constructor(
    /** 4 or 6. */
    readonly family: 4 | 6,
  ) {
    this.multicastInterface = this.anyAddress;
  }

  /** The family's wildcard address: an unbound socket's local address, and the default multicast interface. */
  get anyAddress(): string {
    return this.family === 6 ? '::' : '0.0.0.0';
  }

  get hostBound(): boolean {
    return this.host !== null && this.host.local() !== null;
  }

  /** Applies options set before the host socket was bound. */
  applyOptions(): void {
    const h = this.host;
    if (h === null) return;
    const attempt = (f: () => void) => {
      try {
        f();
      } catch {
        // Reported when set on a bound socket; a deferred failure has no caller left to tell.
      }
    };
    if (this.ttl !== 64) attempt(() => h.setTTL(this.ttl));
    if (this.multicastTtl !== 1) attempt(() => h.setMulticastTTL(this.multicastTtl));
    if (!this.multicastLoopback) attempt(() => h.setMulticastLoopback(false));
    if (this.multicastInterface !== '0.0.0.0' && this.multicastInterface !== '::')
      attempt(() => h.setMulticastInterface(this.multicastInterface));
    if (this.receiveBufferSet) attempt(() => h.setRecvBufferSize(this.receiveBufferSize));
    for (const m of this.memberships) {
      const [group, iface] = m.split('|');
      attempt(() => h.addMembership(group, iface === '' ? undefined : iface));
    }
  }

  setReceiveBufferSize(size: number): void {
    this.receiveBufferSize = size;
    this.receiveBufferSet = true;
  }

  /** A datagram arrived: queue it unless the buffer is full (then it is dropped, as the kernel would). */
  deliver(d: Datagram): void {
    if (this.closed || this.released) return;
    if (this.connected !== null && (d.port !== this.connected.port || d.address !== this.connected.address)) return;
    const charge = chargeOf(d);
    if (this.queuedBytes + charge > this.receiveBufferSize) return;
    this.queue.push(d);
    this.queuedBytes += charge;
    this.wakeAll();
  }

  take(): Datagram | undefined {
    const d = this.queue.shift();
    if (d !== undefined) this.queuedBytes -= chargeOf(d);
    return d;
  }

  /** Calls `wake` whenever a datagram arrives or the socket closes, until the returned function is called. */
  onChange(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Set when the socket's custodian was shut down: the OS socket is gone, but the socket is not "closed". */
  released = false;

  /**
   * Custodian shutdown, as Racket does it: the system socket is released, so
   * nothing arrives and sends go nowhere, but operations do not raise
   * "closed" errors.
   */
  release(): void {
    this.released = true;
    this.dropHost();
  }

  close(): void {
    this.closed = true;
    this.dropHost();
  }

  /** Discards queued datagrams and the host socket, and wakes waiting threads to see why. */
  private dropHost(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.host?.close();
    this.host = null;
    this.wakeAll();
  }

  [customPrint](): string {
    return '#<udp>';
  }
}

/**
 * What a queued datagram costs of the receive buffer: its bytes, but at
 * least MIN_DATAGRAM_CHARGE, as the kernel charges each datagram its
 * bookkeeping too; so a flood of empty datagrams fills the queue as well.
 */
const MIN_DATAGRAM_CHARGE = 32;
function chargeOf(d: Datagram): number {
  return Math.max(d.data.length, MIN_DATAGRAM_CHARGE);
}
