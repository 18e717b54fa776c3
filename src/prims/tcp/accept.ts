// Accepting: tcp-accept, tcp-accept/enable-break, tcp-accept-ready? and
// tcp-accept-evt, over one attempt that takes the next waiting connection;
// while none waits, tcp-accept blocks its thread on the listener.

import { Block, NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { RacketThrow } from '../../errors/exn.js';
import { MultipleValues, listFromArray, type Value } from '../../values/types.js';
import { customPrint } from '../../values/printable.js';
import type { Body, Definer } from '../udp/define.js';
import { listenerClosed } from './errors.js';
import type { TcpListener } from './listener.js';
import { checkListener, openConnection, openingCustodian } from './open.js';

/** The next waiting connection's ports, owned by `m`'s custodian; undefined when none waits. */
function acceptNow(m: Machine, who: string, listener: TcpListener): [Value, Value] | undefined {
  if (listener.closed) listenerClosed(who, listener);
  if (listener.waiting.length === 0) return undefined;
  const custodian = openingCustodian(m, who);
  const conn = openConnection(m, custodian, listener.take()!, 'tcp-accepted');
  return [conn.input, conn.output];
}

/** Ready when a connection is accepted (or the listener is closed, which raises in the syncing thread). */
class AcceptEvt implements Evt {
  constructor(
    readonly listener: TcpListener,
    private readonly who: string,
    /** tcp-accept-evt's result is a list of the two ports; tcp-accept's, the two values. */
    private readonly asList: boolean,
  ) {}
  poll(m: Machine): SyncResult | NotReady {
    try {
      const ports = acceptNow(m, this.who, this.listener);
      if (ports === undefined) return NOT_READY;
      return this.asList ? listFromArray(ports) : new MultipleValues(ports);
    } catch (e) {
      if (e instanceof RacketThrow) return raiseOnSync(e.value);
      throw e;
    }
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.listener.onChange(wake);
  }
  [customPrint](): string {
    return '#<tcp-accept-evt>';
  }
}

const accepting: Body = (who) =>
  function (this: Machine, lv: Value): Value {
    const listener = checkListener(who, lv);
    const ports = acceptNow(this, who, listener);
    if (ports !== undefined) return new MultipleValues(ports);
    return new Block([new AcceptEvt(listener, who, false)]);
  };

export function installAccept(def: Definer): void {
  def.blocking('tcp-accept', 1, 1, accepting);
  def.enableBreak('tcp-accept/enable-break', 1, 1, accepting);
  def.simple('tcp-accept-ready?', 1, 1, (who) => (lv: Value) => {
    const listener = checkListener(who, lv);
    if (listener.closed) listenerClosed(who, listener);
    return listener.waiting.length > 0;
  });
  def.simple('tcp-accept-evt', 1, 1, (who) => (lv: Value) => new AcceptEvt(checkListener(who, lv), who, true));
}
