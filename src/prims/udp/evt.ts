// The events of racket/udp: the completion of a host operation, a receive
// or a send that happens when the event is chosen, and the ready events.
// The receive and send events take the attempt from receive.ts and send.ts,
// so a socket's state is checked in one place.

import { NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { RacketThrow } from '../../errors/exn.js';
import { VOID } from '../../values/types.js';
import { customPrint } from '../../values/printable.js';
import type { UdpSocket } from './socket.js';

/** A Racket exception raised while polling, turned into a raise in the syncing thread. */
function raisedInSync(e: unknown): SyncResult {
  if (e instanceof RacketThrow) return raiseOnSync(e.value);
  throw e;
}

/** Ready once the host reports that an operation finished. */
export class CompletionEvt implements Evt {
  private result: SyncResult | NotReady = NOT_READY;
  private readonly waiters = new Set<() => void>();
  complete(r: SyncResult): void {
    this.result = r;
    for (const w of [...this.waiters]) w();
  }
  fail(exn: unknown): void {
    this.complete(raiseOnSync(exn));
  }
  poll(): SyncResult | NotReady {
    return this.result;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

/**
 * Ready when `attempt` receives a datagram, or raises (the socket closed);
 * `attempt` returns NOT_READY while none is queued, and is tried again when
 * the socket changes.
 */
export class ReceiveEvt implements Evt {
  constructor(
    readonly sock: UdpSocket,
    private readonly attempt: () => SyncResult | NotReady,
  ) {}
  poll(): SyncResult | NotReady {
    try {
      return this.attempt();
    } catch (e) {
      return raisedInSync(e);
    }
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.sock.onChange(wake);
  }
  [customPrint](): string {
    return '#<udp-receive-evt>';
  }
}

/** Ready when a datagram is waiting (or the socket is closed); its result is itself. */
export class ReceiveReadyEvt implements Evt {
  constructor(readonly sock: UdpSocket) {}
  poll(): SyncResult | NotReady {
    return this.sock.closed || this.sock.queue.length > 0 ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.sock.onChange(wake);
  }
  [customPrint](): string {
    return '#<udp-receive-ready-evt>';
  }
}

/** A send is always possible: the host queues datagrams. Its result is itself. */
export class SendReadyEvt implements Evt {
  poll(): SyncResult {
    return this;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<udp-send-ready-evt>';
  }
}

/** Sends when chosen: `send` hands the datagram to the host at once. Its result is void. */
export class SendEvt implements Evt {
  constructor(private readonly send: (m: Machine) => void) {}
  poll(m: Machine): SyncResult {
    try {
      this.send(m);
      return VOID;
    } catch (e) {
      return raisedInSync(e);
    }
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<udp-send-evt>';
  }
}
