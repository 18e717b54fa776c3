// What every tcp- procedure that opens something shares: its argument
// checks, the host's TCP capability, the current custodian, and making a
// connection's ports owned by that custodian and the run.

import type { Machine } from '../../eval/machine.js';
import type { HostTcp, HostTcpConnection } from '../../host/host.js';
import { argError } from '../../errors/messages.js';
import type { Value } from '../../values/types.js';
import { type Custodian, currentCustodian } from '../../thread/custodian.js';
import { custodianShutDown, noNetwork } from './errors.js';
import { TcpConnection } from './connection.js';
import { TcpListener } from './listener.js';

export function checkListener(who: string, v: Value): TcpListener {
  return v instanceof TcpListener ? v : argError(who, 'tcp-listener?', v);
}

export function hostTcp(m: Machine, who: string): HostTcp {
  return m.rt.host.tcp ?? noNetwork(who);
}

/** The custodian what `who` opens belongs to. */
export function openingCustodian(m: Machine, who: string): Custodian {
  const c = m.paramValue(currentCustodian) as Custodian;
  if (c.shutDown) custodianShutDown(who);
  return c;
}

/** Something the custodian and the run hold until it is closed. */
export interface Held {
  close(): void;
  release(): void;
  readonly closed: boolean;
}

/** `r` belongs to `custodian` and to the run (closed when the run ends) until `forget` is called. */
export function hold(m: Machine, custodian: Custodian, r: Held): () => void {
  custodian.resources.add(r);
  m.rt.resources.add(r);
  return () => {
    custodian.resources.delete(r);
    m.rt.resources.delete(r);
  };
}

/** The two ports of a host connection, owned by `custodian`. */
export function openConnection(m: Machine, custodian: Custodian, host: HostTcpConnection, name: string): TcpConnection {
  const conn = new TcpConnection(host, name);
  conn.onClosed = hold(m, custodian, conn);
  return conn;
}
