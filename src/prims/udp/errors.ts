// The errors racket/udp raises, with Racket 8.7's messages. A message about
// a socket's state ends with the socket, as Racket's
// raise-network-arguments-error prints it; socketMessage alone writes that.

import type { HostError } from '../../host/host.js';
import { RacketThrow, exnFailContractT, exnFailNetworkErrnoT, exnFailNetworkT, makeExn } from '../../errors/exn.js';
import { Pair, sym } from '../../values/types.js';

/** `who: problem`, then the socket line. */
function socketMessage(who: string, problem: string): string {
  return `${who}: ${problem}\n  socket: #<udp>`;
}

/** A socket in the wrong state for the operation, as `exn:fail:network`. */
export function networkError(who: string, problem: string): never {
  throw new RacketThrow(makeExn(exnFailNetworkT, socketMessage(who, problem)));
}

/** Racket 8.7 raises exn:fail:contract here, although the reference says exn:fail:network. */
export function alreadyBound(who: string): never {
  throw new RacketThrow(makeExn(exnFailContractT, socketMessage(who, 'udp socket is already bound')));
}

export function closedError(who: string): never {
  networkError(who, 'udp socket is closed');
}

export function notBound(who: string): never {
  networkError(who, 'udp socket is not bound');
}

/** The embedder withheld the network (the host has no UDP). */
export function noNetworkError(): never {
  throw new RacketThrow(makeExn(exnFailNetworkT, 'udp: network access is not available in this runtime'));
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

/** A socket option the host would not set. */
export function setsockoptFailed(who: string, e: HostError): never {
  throw new RacketThrow(systemErrorExn(who, 'setsockopt failed', [], e));
}

/** A host name that did not resolve: Racket's message, with getaddrinfo's code as `(code . gai)`. */
export function resolveErrorExn(
  who: string,
  host: string,
  port: number | undefined,
  e: HostError,
  what = "can't resolve address",
): unknown {
  const portLine = port === undefined ? '' : `\n  port number: ${port}`;
  return makeExn(
    exnFailNetworkErrnoT,
    `${who}: ${what}\n  address: ${host}${portLine}\n  system error: ${e.text}; gai_err=${e.errno}`,
    new Pair(e.errno, sym('gai')),
  );
}

/**
 * A failed operation on `host`:`port`: a resolution error, or the system
 * error `what` ("can't bind", ...) with the address and port, or for a send
 * ("send failed") without them.
 */
export function operationErrorExn(who: string, what: string, host: string | undefined, port: number | undefined, e: HostError): unknown {
  if (e.resolving && host !== undefined) return resolveErrorExn(who, host, port, e);
  const details: [string, string][] =
    what === 'send failed'
      ? []
      : [
          ['address', host ?? '#f'],
          ['port number', String(port)],
        ];
  return systemErrorExn(who, what, details, e);
}

/** A datagram the host could not send. */
export function sendFailedExn(who: string, host: string | undefined, port: number | undefined, e: HostError): unknown {
  return operationErrorExn(who, 'send failed', host, port, e);
}
