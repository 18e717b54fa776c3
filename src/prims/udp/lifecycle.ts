// A socket's life and addresses: udp-open-socket, udp?, udp-bound?,
// udp-connected?, udp-bind!, udp-connect!, udp-close and udp-addresses.
// Binding and connecting finish in the host's callback, so they block only
// the calling thread, on a CompletionEvt.

import { checkNetworkAccess } from '../security-guards.js';
import { Block } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { argumentsError } from '../../errors/messages.js';
import { MultipleValues, RString, VOID, type Value } from '../../values/types.js';
import { managingCustodian } from '../../thread/custodian.js';
import { checkHostOrFalse, checkListenPort, checkPortOrFalse, checkSocket } from './check.js';
import type { Definer } from './define.js';
import { alreadyBound, closedError, networkError, operationErrorExn, resolveErrorExn } from './errors.js';
import { CompletionEvt } from './evt.js';
import { hostSocket } from './host-socket.js';
import { UdpSocket } from './socket.js';

/**
 * The family udp-open-socket's arguments imply: IPv6 for an address with
 * colons; IPv4 for other names; with no name but a port, the family of the
 * first wildcard address the resolver gives for it, which on a machine with
 * IPv6 is "::"; with neither, IPv4.
 */
function familyOf(host: string | undefined, port: number | undefined): 4 | 6 {
  if (host === undefined) return port === undefined ? 4 : 6;
  return host.includes(':') ? 6 : 4;
}

export function installLifecycle(def: Definer): void {
  def.blocking(
    'udp-open-socket',
    0,
    2,
    (who) =>
      function (this: Machine, hv: Value = false, pv: Value = false) {
        const host = checkHostOrFalse(who, hv);
        const port = checkPortOrFalse(who, pv);
        checkNetworkAccess(this, who, host ?? null, port ?? null, 'server');
        // Owned by the current custodian (taken now: the lookup may finish in another thread's turn).
        const custodian = managingCustodian(this, who);
        const open = (family: 4 | 6) => {
          const sock = new UdpSocket(family);
          custodian.resources.add(sock);
          return sock;
        };
        const lookup = this.rt.host.udp?.lookup;
        if (host === undefined || lookup === undefined) return open(familyOf(host, port));
        // The family is the family of the first address the name resolves to.
        const done = new CompletionEvt();
        lookup(host, (err, _address, family) => {
          if (err) done.fail(resolveErrorExn(who, host, undefined, err));
          else done.complete(open(family));
        });
        return new Block([done]);
      },
  );

  def.simple('udp?', 1, 1, () => (v: Value) => v instanceof UdpSocket);
  def.simple('udp-bound?', 1, 1, (who) => (sv: Value) => checkSocket(who, sv).bound);
  def.simple('udp-connected?', 1, 1, (who) => (sv: Value) => checkSocket(who, sv).connected !== null);

  def.blocking(
    'udp-bind!',
    3,
    4,
    (who) =>
      function (this: Machine, sv: Value, hv: Value, pv: Value, reuse: Value = false) {
        const sock = checkSocket(who, sv);
        const host = checkHostOrFalse(who, hv);
        const port = checkListenPort(who, pv);
        checkNetworkAccess(this, who, host ?? null, port, 'server');
        if (sock.closed) closedError(who);
        if (sock.bound) alreadyBound(who);
        const done = new CompletionEvt();
        hostSocket(this, sock, reuse !== false).bind(host, port, (err) => {
          if (err) {
            done.fail(operationErrorExn(who, "can't bind", host, port, err));
          } else {
            sock.bound = true;
            done.complete(VOID);
          }
        });
        return new Block([done]);
      },
  );

  def.blocking(
    'udp-connect!',
    3,
    3,
    (who) =>
      function (this: Machine, sv: Value, hv: Value, pv: Value) {
        const sock = checkSocket(who, sv);
        const host = checkHostOrFalse(who, hv);
        const port = checkPortOrFalse(who, pv);
        if ((host === undefined) !== (port === undefined)) {
          // Racket 8.7's wording, "last second" included.
          return argumentsError(
            who,
            'last second and third arguments must be both #f or both non-#f',
            ['second argument', hv],
            ['third argument', pv],
          );
        }
        if (sock.closed) closedError(who);
        if (host === undefined || port === undefined) {
          if (sock.connected !== null) sock.host?.disconnect();
          sock.connected = null;
          return VOID;
        }
        checkNetworkAccess(this, who, host, port, 'client');
        if (sock.connected !== null) sock.host?.disconnect();
        const done = new CompletionEvt();
        hostSocket(this, sock, false).connect(host, port, (err, resolved) => {
          if (err) done.fail(operationErrorExn(who, "can't connect", host, port, err));
          else {
            sock.connected = { address: resolved ?? (host === 'localhost' ? '127.0.0.1' : host), port };
            done.complete(VOID);
          }
        });
        return new Block([done]);
      },
  );

  def.simple('udp-close', 1, 1, (who) => (sv: Value) => {
    const sock = checkSocket(who, sv);
    if (sock.closed) networkError(who, 'udp socket was already closed');
    sock.close();
    return VOID;
  });

  def.values('udp-addresses', 1, 2, (who) => (sv: Value, portNumbers: Value = false) => {
    const sock = checkSocket(who, sv);
    // Racket 8.7 shares this check with tcp-addresses and names that procedure.
    if (sock.closed) closedError('tcp-addresses');
    const local = sock.host?.local() ?? { address: sock.anyAddress, port: 0 };
    // An unconnected socket's peer reads as IPv4's any address whatever its family.
    const remote = sock.connected ?? { address: '0.0.0.0', port: 0 };
    const la = new RString(local.address, false);
    const ra = new RString(remote.address, false);
    return portNumbers === false ? new MultipleValues([la, ra]) : new MultipleValues([la, local.port, ra, remote.port]);
  });
}
