// Host names in racket/udp's procedures that act at once (udp-send-to*,
// udp-send-to-evt, the multicast options): Racket resolves the name before
// it returns, so these block the calling thread while the host's lookup
// runs, and raise its failure there. An address literal needs no lookup.

import { Block } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { RacketThrow } from '../../errors/exn.js';
import { VOID, type Value } from '../../values/types.js';
import { noNetworkError, resolveErrorExn } from './errors.js';
import { CompletionEvt } from './evt.js';

/** The family of an IPv4 or IPv6 address literal, or null for a name to look up. */
export function literalFamily(host: string): 4 | 6 | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  return host.includes(':') ? 6 : null;
}

/**
 * `then(address, family)` for `host`: at once for an address literal,
 * otherwise once the lookup answers, the thread blocking meanwhile. A
 * failed lookup raises Racket's "can't resolve address" (with `port`, when
 * the operation has one), and so does whatever `then` raises.
 */
export function withAddress(
  m: Machine,
  who: string,
  host: string,
  port: number | undefined,
  then: (address: string, family: 4 | 6) => Value,
): Value {
  return withAddresses(m, who, [host], port, ([resolved]) => then(resolved.address as string, resolved.family));
}

/**
 * As withAddress, for several hosts (an undefined one stays undefined),
 * looked up one after the other; `whats` words each one's failure
 * ("can't resolve multicast address").
 */
export function withAddresses(
  m: Machine,
  who: string,
  hosts: (string | undefined)[],
  port: number | undefined,
  then: (resolved: { address: string | undefined; family: 4 | 6 }[]) => Value,
  whats: string[] = [],
): Value {
  const udp = m.rt.host.udp;
  if (udp === undefined) noNetworkError();
  const lookup = udp.lookup?.bind(udp);
  const resolved: { address: string | undefined; family: 4 | 6 }[] = [];
  let done: CompletionEvt | null = null;
  const finish = (): Value => {
    if (done === null) return then(resolved);
    try {
      done.complete(then(resolved));
    } catch (e) {
      if (!(e instanceof RacketThrow)) throw e;
      done.fail(e.value);
    }
    return VOID;
  };
  const next = (): Value => {
    while (resolved.length < hosts.length) {
      const host = hosts[resolved.length];
      const family = host === undefined ? 4 : literalFamily(host);
      // A host that cannot look names up is given the name itself.
      if (host === undefined || family !== null || lookup === undefined) {
        resolved.push({ address: host, family: family ?? 4 });
        continue;
      }
      done ??= new CompletionEvt();
      const waiting = done;
      lookup(host, (err, address, found) => {
        if (err) return waiting.fail(resolveErrorExn(who, host, port, err, whats[resolved.length]));
        resolved.push({ address, family: found });
        next();
      });
      return new Block([waiting]);
    }
    return finish();
  };
  return next();
}
