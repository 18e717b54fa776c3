// tcp-listen, tcp-close and tcp-listener?. Listening finishes in the host's
// callback, so tcp-listen blocks only the calling thread.

import { Block } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { argError } from '../../errors/messages.js';
import { VOID, type Value } from '../../values/types.js';
import { checkNetworkAccess } from '../security-guards.js';
import { checkHostOrFalse, checkListenPort } from '../udp/check.js';
import type { Definer } from '../udp/define.js';
import { CompletionEvt } from '../udp/evt.js';
import { failureExn, listenerClosed } from './errors.js';
import { TcpListener } from './listener.js';
import { checkListener, hold, hostTcp, openingCustodian } from './open.js';

/** Racket's default max-allow-wait: the backlog of connections not yet accepted. */
const DEFAULT_BACKLOG = 4;

function checkBacklog(who: string, v: Value): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  // A bignum is as good as the largest backlog the system takes.
  if (typeof v === 'bigint' && v >= 0n) return 0x7fffffff;
  return argError(who, 'exact-nonnegative-integer?', v);
}

export function installListen(def: Definer): void {
  def.blocking(
    'tcp-listen',
    1,
    4,
    (who) =>
      function (this: Machine, pv: Value, wv: Value = DEFAULT_BACKLOG, _reuse: Value = false, hv: Value = false) {
        const port = checkListenPort(who, pv);
        const backlog = checkBacklog(who, wv);
        const host = checkHostOrFalse(who, hv);
        checkNetworkAccess(this, who, host ?? null, port, 'server');
        const custodian = openingCustodian(this, who);
        const tcp = hostTcp(this, who);
        const listener = new TcpListener();
        const done = new CompletionEvt();
        // The host always sets SO_REUSEADDR on a listening socket, so `reuse?` changes nothing.
        tcp.listen(
          host,
          port,
          backlog,
          (c) => listener.arrived(c),
          (err, h) => {
            if (err !== null || h === undefined) {
              const what = err?.resolving ? 'address-resolution error' : 'listen failed';
              done.fail(failureExn(who, what, host, port, err!));
              return;
            }
            listener.host = h;
            listener.onClosed = hold(this, custodian, listener);
            done.complete(listener);
          },
        );
        return new Block([done]);
      },
  );

  def.simple('tcp-close', 1, 1, (who) => (lv: Value) => {
    const listener = checkListener(who, lv);
    if (listener.closed) listenerClosed(who, listener);
    listener.close();
    return VOID;
  });

  def.simple('tcp-listener?', 1, 1, () => (v: Value) => v instanceof TcpListener);
}
