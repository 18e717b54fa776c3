// The errors racket/udp raises, with Racket 8.7's messages.

import type { HostError } from '../../host/host.js';
import { RacketThrow, exnFailNetworkErrnoT, exnFailNetworkT, makeExn } from '../../runtime/exn.js';
import { Pair, sym } from '../../values/types.js';

export function networkError(who: string, problem: string): never {
  throw new RacketThrow(makeExn(exnFailNetworkT, `${who}: ${problem}\n  socket: #<udp>`));
}

export function alreadyBound(who: string): never {
  networkError(who, 'udp socket is already bound');
}

export function closedError(who: string): never {
  networkError(who, 'udp socket is closed');
}

export function notBound(who: string): never {
  networkError(who, 'udp socket is not bound');
}

/** A system error, as `exn:fail:network:errno` with Racket's message layout. */
export function systemErrorExn(who: string, what: string, details: [string, string][], e: HostError): unknown {
  const lines = details.map(([k, v]) => `\n  ${k}: ${v}`).join('');
  return makeExn(
    exnFailNetworkErrnoT,
    `${who}: ${what}${lines}\n  system error: ${e.text}; errno=${e.errno}`,
    new Pair(e.errno, sym('posix')),
  );
}
