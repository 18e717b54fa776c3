// tcp-connect and tcp-connect/enable-break: resolving the local address
// when one is given, then connecting, both finishing in the host's
// callbacks, so only the calling thread waits.

import { Block } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { argumentsError } from '../../errors/messages.js';
import type { HostTcpLocal } from '../../host/host.js';
import { MultipleValues, str, type Value } from '../../values/types.js';
import { checkNetworkAccess } from '../security-guards.js';
import { checkHost, checkHostOrFalse, checkPort, checkPortOrFalse } from '../udp/check.js';
import type { Body, Definer } from '../udp/define.js';
import { CompletionEvt } from '../udp/evt.js';
import { failureExn } from './errors.js';
import { hostTcp, openConnection, openingCustodian } from './open.js';

const connecting: Body = (who) =>
  function (this: Machine, hv: Value, pv: Value, lhv: Value = false, lpv: Value = false): Value {
    const host = checkHost(who, hv);
    const port = checkPort(who, pv);
    const localHost = checkHostOrFalse(who, lhv);
    const localPort = checkPortOrFalse(who, lpv);
    if (localHost !== undefined && localPort === undefined) {
      argumentsError(who, 'no local port number supplied when local hostname was supplied', ['hostname', str(localHost)]);
    }
    checkNetworkAccess(this, who, host, port, 'client');
    const custodian = openingCustodian(this, who);
    const tcp = hostTcp(this, who);
    const done = new CompletionEvt();
    const connect = (local: HostTcpLocal) =>
      tcp.connect(host, port, local, (err, c) => {
        if (err !== null || c === undefined) {
          const what = err?.resolving ? 'host not found' : 'connection failed';
          done.fail(failureExn(who, what, host, port, err!));
          return;
        }
        const conn = openConnection(this, custodian, c, host);
        done.complete(new MultipleValues([conn.input, conn.output]));
      });
    if (localHost === undefined) connect({ port: localPort });
    else {
      tcp.lookup(localHost, (err, address) => {
        if (err !== null) done.fail(failureExn(who, 'local host not found', localHost, localPort, err));
        else connect({ address, port: localPort });
      });
    }
    return new Block([done]);
  };

export function installConnect(def: Definer): void {
  def.blocking('tcp-connect', 2, 4, connecting);
  def.enableBreak('tcp-connect/enable-break', 2, 4, connecting);
}
