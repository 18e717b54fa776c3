// The network capability an embedding application grants: all of UDP and
// TCP, none (the host has no `udp` or `tcp`, so every udp- and tcp- call that
// would touch the network raises exn:fail:network), or an allow-list of the addresses and ports
// Racket code may send to, connect to, or join as a multicast group.
// Binding reaches no one, so it is always allowed.

import type { HostError, HostTcp, HostUdp, HostUdpSocket } from '../host/host.js';

/** One allowed destination: an address (or `localhost`), and a port (any port when omitted). */
export interface AddressRule {
  host: string;
  port?: number;
}

export type NetworkPolicy = 'allow' | 'deny' | { allow: AddressRule[] };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

function sameHost(a: string, b: string): boolean {
  return a === b || (LOOPBACK.has(a) && LOOPBACK.has(b) && (a === 'localhost' || b === 'localhost'));
}

function denied(address: string, port: number | undefined): HostError {
  const where = port === undefined ? address : `${address} port ${port}`;
  return { code: 'EACCES', errno: 13, text: `Permission denied; the embedding application does not allow ${where}` };
}

/** `udp` restricted to the destinations in `rules`. */
export function allowListUdp(udp: HostUdp, rules: AddressRule[]): HostUdp {
  const allowed = (address: string, port: number | undefined) =>
    rules.some((r) => sameHost(r.host, address) && (r.port === undefined || r.port === port));
  return {
    create(family, reuse, onMessage, onBound) {
      const inner = udp.create(family, reuse, onMessage, onBound);
      let peer: { address: string; port: number } | null = null;
      const socket: HostUdpSocket = {
        bind: (address, port, done) => inner.bind(address, port, done),
        send(data, address, port, done) {
          const to = address === undefined ? peer : { address, port: port! };
          if (to !== null && !allowed(to.address, to.port)) return done(denied(to.address, to.port));
          inner.send(data, address, port, done);
        },
        connect(address, port, done) {
          if (!allowed(address, port)) return done(denied(address, port));
          inner.connect(address, port, (err) => {
            if (err === null) peer = { address, port };
            done(err);
          });
        },
        disconnect() {
          peer = null;
          inner.disconnect();
        },
        addMembership(group, iface) {
          if (!rules.some((r) => sameHost(r.host, group))) throw denied(group, undefined);
          inner.addMembership(group, iface);
        },
        local: () => inner.local(),
        close: () => inner.close(),
        setTTL: (ttl) => inner.setTTL(ttl),
        setMulticastTTL: (ttl) => inner.setMulticastTTL(ttl),
        setMulticastLoopback: (on) => inner.setMulticastLoopback(on),
        setMulticastInterface: (address) => inner.setMulticastInterface(address),
        dropMembership: (group, iface) => inner.dropMembership(group, iface),
        setRecvBufferSize: (size) => inner.setRecvBufferSize(size),
      };
      return socket;
    },
  };
}

/** `tcp` restricted to connecting to the destinations in `rules`; listening, like binding, is always allowed. */
export function allowListTcp(tcp: HostTcp, rules: AddressRule[]): HostTcp {
  return {
    listen: (address, port, backlog, onConnection, done) => tcp.listen(address, port, backlog, onConnection, done),
    connect(address, port, local, done) {
      if (!rules.some((r) => sameHost(r.host, address) && (r.port === undefined || r.port === port))) return done(denied(address, port));
      tcp.connect(address, port, local, done);
    },
    lookup: (name, done) => tcp.lookup(name, done),
  };
}
