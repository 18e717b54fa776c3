// The host socket behind a racket/udp socket. It is made on first use, when
// the socket is bound, connected or sends; a socket its custodian released
// gets a stand-in that does nothing, successfully.

import type { Machine } from '../../eval/machine.js';
import type { HostUdpSocket } from '../../host/host.js';
import { noNetworkError } from './errors.js';
import type { UdpSocket } from './socket.js';

/** What a socket released by its custodian talks to: nothing, successfully. */
const RELEASED: HostUdpSocket = {
  bind: (_a, _p, done) => done(null),
  send: (_d, _a, _p, done) => done(null),
  connect: (_a, _p, done) => done(null),
  disconnect: () => {},
  local: () => null,
  close: () => {},
  setTTL: () => {},
  setMulticastTTL: () => {},
  setMulticastLoopback: () => {},
  setMulticastInterface: () => {},
  addMembership: () => {},
  dropMembership: () => {},
  setRecvBufferSize: () => {},
};

/** The socket's host socket, made on first use (`reuse`: bound with SO_REUSEADDR). */
export function hostSocket(m: Machine, sock: UdpSocket, reuse: boolean): HostUdpSocket {
  if (sock.released) return RELEASED;
  if (sock.host === null) {
    const udp = m.rt.host.udp;
    if (udp === undefined) noNetworkError();
    sock.host = udp.create(
      sock.family,
      reuse,
      (data, address, port) => sock.deliver({ data, address, port }),
      () => sock.applyOptions(),
    );
    m.rt.resources.add(sock);
  }
  return sock.host;
}
