// Socket options: udp-ttl, udp-set-ttl! and udp-set-receive-buffer-size!,
// and setOption, which the multicast options use too. The host can set an
// option only on a bound socket, so the socket keeps every option and
// applies those set earlier when it becomes bound (UdpSocket.applyOptions).

import type { HostError, HostUdpSocket } from '../../host/host.js';
import { argError } from '../../errors/messages.js';
import { isFixnum } from '../../values/numbers.js';
import { RacketThrow, exnFailNetworkT, makeExn } from '../../errors/exn.js';
import { VOID, type Value } from '../../values/types.js';
import { checkByte } from '../check.js';
import { checkOpenSocket } from './check.js';
import type { Definer } from './define.js';
import { setsockoptFailed } from './errors.js';
import type { UdpSocket } from './socket.js';

/** Applies an option to the host socket now if it is bound (reporting a failure); otherwise it is applied at bind time. */
export function setOption(who: string, sock: UdpSocket, apply: (h: HostUdpSocket) => void): void {
  if (!sock.hostBound) return;
  try {
    apply(sock.host!);
  } catch (e) {
    setsockoptFailed(who, e as HostError);
  }
}

/** The largest size setsockopt takes (a C int). */
const MAX_SOCKET_INT = 2 ** 31 - 1;

export function installOptions(def: Definer): void {
  def.simple('udp-ttl', 1, 1, (who) => (sv: Value) => checkOpenSocket(who, sv).ttl);
  def.simple('udp-set-ttl!', 2, 2, (who) => (sv: Value, v: Value) => {
    const sock = checkOpenSocket(who, sv);
    const ttl = checkByte(who, v);
    setOption(who, sock, (h) => h.setTTL(ttl));
    sock.ttl = ttl;
    return VOID;
  });

  def.simple('udp-set-receive-buffer-size!', 2, 2, (who) => (sv: Value, v: Value) => {
    const sock = checkOpenSocket(who, sv);
    const positive = (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'bigint' && v > 0n);
    if (!positive) return argError(who, 'exact-positive-integer?', v);
    // Racket takes any fixnum; the kernel caps the size at its maximum (net.core.rmem_max) anyway.
    if (!isFixnum(v)) {
      throw new RacketThrow(makeExn(exnFailNetworkT, `${who}: given size is too large\n  given size: ${v}`));
    }
    const size = Math.min(Number(v), MAX_SOCKET_INT);
    setOption(who, sock, (h) => h.setRecvBufferSize(size));
    sock.setReceiveBufferSize(size);
    return VOID;
  });
}
