// Multicast: the multicast TTL, loopback and interface options, and joining
// and leaving groups. Before the socket is bound there is no system socket
// to ask, so a group change is checked here as the kernel would check it,
// and applied at bind time.

import type { HostError } from '../../host/host.js';
import { RString, VOID, type Value } from '../../values/types.js';
import { checkByte } from '../check.js';
import { checkHost, checkHostOrFalse, checkOpenSocket } from './check.js';
import type { Body, Definer } from './define.js';
import { setsockoptFailed } from './errors.js';
import { setOption } from './options.js';
import { withAddress, withAddresses } from './resolve.js';
import type { UdpSocket } from './socket.js';
import type { Machine } from '../../eval/machine.js';

/** The errors the kernel reports for group membership, as Linux numbers them. */
const SYSTEM_ERRORS = {
  EINVAL: { code: 'EINVAL', errno: 22, text: 'Invalid argument' },
  EADDRINUSE: { code: 'EADDRINUSE', errno: 98, text: 'Address already in use' },
  EADDRNOTAVAIL: { code: 'EADDRNOTAVAIL', errno: 99, text: 'Cannot assign requested address' },
} satisfies Record<string, HostError>;

/** "0.0.0.0" and #f both leave the interface to the kernel. */
function kernelChoice(iface: string | undefined): string | undefined {
  return iface === '0.0.0.0' ? undefined : iface;
}

function membershipKey(group: string, iface: string | undefined): string {
  return `${group}|${iface ?? ''}`;
}

function isIPv4Multicast(address: string): boolean {
  const m = /^(\d+)\.\d+\.\d+\.\d+$/.exec(address);
  return m !== null && Number(m[1]) >= 224 && Number(m[1]) <= 239;
}

/** The one worker behind udp-multicast-join-group! and udp-multicast-leave-group!. */
const changingGroup =
  (change: 'join' | 'leave'): Body =>
  (who) =>
    function (this: Machine, sv: Value, gv: Value, iv: Value) {
      const sock = checkOpenSocket(who, sv);
      const names = [checkHost(who, gv), kernelChoice(checkHostOrFalse(who, iv))];
      return withAddresses(this, who, names, undefined, ([g, i]) => changeGroup(who, change, sock, g.address as string, i.address), [
        "can't resolve multicast address",
        "can't resolve interface address",
      ]);
    };

function changeGroup(who: string, change: 'join' | 'leave', sock: UdpSocket, group: string, iface: string | undefined): Value {
  const key = membershipKey(group, iface);
  if (change === 'join') {
    if (!sock.hostBound) {
      // No system socket to ask yet: fail as the kernel would.
      if (!isIPv4Multicast(group)) setsockoptFailed(who, SYSTEM_ERRORS.EINVAL);
      if (sock.memberships.has(key)) setsockoptFailed(who, SYSTEM_ERRORS.EADDRINUSE);
    }
    setOption(who, sock, (h) => h.addMembership(group, iface));
    sock.memberships.add(key);
  } else {
    if (!sock.hostBound && !sock.memberships.has(key)) setsockoptFailed(who, SYSTEM_ERRORS.EADDRNOTAVAIL);
    setOption(who, sock, (h) => h.dropMembership(group, iface));
    sock.memberships.delete(key);
  }
  return VOID;
}

export function installMulticast(def: Definer): void {
  def.simple('udp-multicast-ttl', 1, 1, (who) => (sv: Value) => checkOpenSocket(who, sv).multicastTtl);
  def.simple('udp-multicast-set-ttl!', 2, 2, (who) => (sv: Value, v: Value) => {
    const sock = checkOpenSocket(who, sv);
    const ttl = checkByte(who, v);
    setOption(who, sock, (h) => h.setMulticastTTL(ttl));
    sock.multicastTtl = ttl;
    return VOID;
  });

  def.simple('udp-multicast-loopback?', 1, 1, (who) => (sv: Value) => checkOpenSocket(who, sv).multicastLoopback);
  def.simple('udp-multicast-set-loopback!', 2, 2, (who) => (sv: Value, v: Value) => {
    const sock = checkOpenSocket(who, sv);
    const on = v !== false;
    setOption(who, sock, (h) => h.setMulticastLoopback(on));
    sock.multicastLoopback = on;
    return VOID;
  });

  def.simple('udp-multicast-interface', 1, 1, (who) => (sv: Value) => new RString(checkOpenSocket(who, sv).multicastInterface, false));
  // These three block only while a host name ("localhost") resolves.
  def.blocking(
    'udp-multicast-set-interface!',
    2,
    2,
    (who) =>
      function (this: Machine, sv: Value, v: Value) {
        const sock = checkOpenSocket(who, sv);
        return withAddress(this, who, checkHostOrFalse(who, v) ?? sock.anyAddress, undefined, (iface) => {
          setOption(who, sock, (h) => h.setMulticastInterface(iface));
          sock.multicastInterface = iface;
          return VOID;
        });
      },
  );

  def.blocking('udp-multicast-join-group!', 3, 3, changingGroup('join'));
  def.blocking('udp-multicast-leave-group!', 3, 3, changingGroup('leave'));
}
