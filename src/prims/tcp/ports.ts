// What racket/tcp says about ports and listeners: tcp-addresses,
// tcp-abandon-port, tcp-port?, and the port-number predicates.

import { argError } from '../../errors/messages.js';
import type { HostEndpoint } from '../../host/host.js';
import { MultipleValues, RString, VOID, type Value } from '../../values/types.js';
import type { Definer } from '../udp/define.js';
import { listenerClosed, portClosed } from './errors.js';
import { TcpInputPort, TcpOutputPort, isTcpPort } from './connection.js';
import { TcpListener } from './listener.js';

function isPortNumber(v: Value, lowest: 0 | 1): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lowest && v <= 65535;
}

/** A listener's peer reads as IPv4's any address. */
const NO_PEER: HostEndpoint = { address: '0.0.0.0', port: 0 };

export function installPorts(def: Definer): void {
  def.values('tcp-addresses', 1, 2, (who) => (v: Value, portNumbers: Value = false) => {
    let local: HostEndpoint;
    let remote: HostEndpoint;
    if (v instanceof TcpListener) {
      if (v.closed || v.host === null) listenerClosed(who, v);
      local = v.host.local();
      remote = NO_PEER;
    } else if (isTcpPort(v)) {
      if (v.closed) portClosed(who, v);
      local = v.conn.host.local();
      remote = v.conn.host.remote();
    } else return argError(who, '(or/c tcp-port? tcp-listener?)', v);
    const la = new RString(local.address, false);
    const ra = new RString(remote.address, false);
    return portNumbers === false ? new MultipleValues([la, ra]) : new MultipleValues([la, local.port, ra, remote.port]);
  });

  // Racket 8.7 takes any value and leaves what is not a TCP port alone.
  def.simple('tcp-abandon-port', 1, 1, () => (v: Value) => {
    if (v instanceof TcpOutputPort) v.shut(true);
    else if (v instanceof TcpInputPort) v.close();
    return VOID;
  });

  def.simple('tcp-port?', 1, 1, () => (v: Value) => isTcpPort(v));
  def.simple('port-number?', 1, 1, () => (v: Value) => isPortNumber(v, 1));
  def.simple('listen-port-number?', 1, 1, () => (v: Value) => isPortNumber(v, 0));
}
