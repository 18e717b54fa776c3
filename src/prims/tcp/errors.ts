// The errors racket/tcp raises, with Racket 8.7's messages: a closed
// listener or port (exn:fail:contract, as Racket raises them), and system
// errors with the host name and port they concern.

import type { HostError } from '../../host/host.js';
import { RacketThrow, exnFailNetworkErrnoT, exnFailNetworkT, exnFailT, makeExn } from '../../errors/exn.js';
import { argumentsError } from '../../errors/messages.js';
import { Pair, sym, type Value } from '../../values/types.js';

export function listenerClosed(who: string, listener: Value): never {
  return argumentsError(who, 'listener is closed', ['listener', listener]);
}

export function portClosed(who: string, port: Value): never {
  return argumentsError(who, 'port is closed', ['port', port]);
}

/** The current custodian was shut down: nothing new can be opened under it. */
export function custodianShutDown(who: string): never {
  throw new RacketThrow(makeExn(exnFailT, `${who}: the current custodian has been shut down`));
}

/** The embedder withheld the network (the host has no TCP). */
export function noNetwork(who: string): never {
  throw new RacketThrow(makeExn(exnFailNetworkT, `${who}: network access is not available in this runtime`));
}

/**
 * A failed operation, as exn:fail:network:errno: `who: what`, the host name
 * (when there is one) and port, then the system's error — getaddrinfo's
 * (`gai_err`) for a name that did not resolve, else the OS's (`errno`).
 */
export function failureExn(who: string, what: string, host: string | undefined, port: number | undefined, e: HostError): unknown {
  const hostLine = host === undefined ? '' : `\n  hostname: ${host}`;
  const portLine = port === undefined ? '' : `\n  port number: ${port}`;
  const code = e.resolving ? 'gai_err' : 'errno';
  return makeExn(
    exnFailNetworkErrnoT,
    `${who}: ${what}${hostLine}${portLine}\n  system error: ${e.text}; ${code}=${e.errno}`,
    new Pair(e.errno, sym(e.resolving ? 'gai' : 'posix')),
  );
}

/** A write to a connection that failed (the peer reset it, or is gone). */
export function writeFailure(e: HostError): never {
  throw new RacketThrow(
    makeExn(
      exnFailNetworkErrnoT,
      `error writing to stream port\n  system error: ${e.text}; errno=${e.errno}`,
      new Pair(e.errno, sym('posix')),
    ),
  );
}

/** file-position cannot move a stream's position; Racket 8.7 raises plain exn:fail. */
export function illegalSeek(): never {
  throw new RacketThrow(makeExn(exnFailT, 'file-position: error setting stream position\n  system error: Illegal seek; errno=29'));
}
