// Argument checks of racket/udp's procedures, with Racket's contract
// messages: the socket, host names, port numbers, and the byte string and
// [start, end) range of a datagram.

import { RawText, argError, argumentsError } from '../../errors/messages.js';
import { RString, type RBytes, type Value } from '../../values/types.js';
import { checkBytes, rangeText } from '../check.js';
import { closedError } from './errors.js';
import { UdpSocket } from './socket.js';

export function checkSocket(who: string, v: Value): UdpSocket {
  if (v instanceof UdpSocket) return v;
  return argError(who, 'udp?', v);
}

/** A socket that is not closed (what the socket options need). */
export function checkOpenSocket(who: string, v: Value): UdpSocket {
  const sock = checkSocket(who, v);
  if (sock.closed) closedError(who);
  return sock;
}

export function checkHost(who: string, v: Value): string {
  if (v instanceof RString) return v.s;
  return argError(who, 'string?', v);
}

/** A host name, or #f (undefined): any address, or no peer. */
export function checkHostOrFalse(who: string, v: Value): string | undefined {
  if (v instanceof RString) return v.s;
  if (v === false) return undefined;
  return argError(who, '(or/c string? #f)', v);
}

/** A port number from `lowest` to 65535, or undefined. */
function portNumber(v: Value, lowest: 0 | 1): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= lowest && v <= 65535 ? v : undefined;
}

export function checkPort(who: string, v: Value): number {
  return portNumber(v, 1) ?? argError(who, 'port-number?', v);
}

export function checkPortOrFalse(who: string, v: Value): number | undefined {
  if (v === false) return undefined;
  return portNumber(v, 1) ?? argError(who, '(or/c port-number? #f)', v);
}

/** A port to bind to: 0 asks for any free one. */
export function checkListenPort(who: string, v: Value): number {
  return portNumber(v, 0) ?? argError(who, 'listen-port-number?', v);
}

/** A byte string a blocking or polling receive writes into. */
export function checkReceiveBuffer(who: string, v: Value): RBytes {
  const b = checkBytes(who, v);
  if (b.immutable) argError(who, '(and/c bytes? (not/c immutable?))', v);
  return b;
}

/** An exact nonnegative integer; a bignum is one too, and is out of range of any byte string. */
function isIndex(v: Value): v is number | bigint {
  return (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n);
}

/**
 * The [start, end) range of a datagram's byte string, checked as Racket's
 * network layer checks it, which is not the sequence procedures' rule of
 * ../check.ts checkRange: an end below the start is "out of range" with the
 * valid range [start, length], and the start is range-checked before the
 * end's type is.
 */
export function checkBufferRange(who: string, b: RBytes, start: Value, end: Value | undefined): [number, number] {
  const length = b.bytes.length;
  if (!isIndex(start)) return argError(who, 'exact-nonnegative-integer?', start);
  if (start > length) {
    argumentsError(
      who,
      'starting index is out of range',
      ['starting index', start],
      ['valid range', rangeText(length)],
      ['byte string', b],
    );
  }
  const e = end === undefined ? length : end;
  if (!isIndex(e)) return argError(who, 'exact-nonnegative-integer?', e);
  if (e > length || e < start) {
    argumentsError(
      who,
      'ending index is out of range',
      ['ending index', e],
      ['valid range', new RawText(`[${start}, ${length}]`)],
      ['byte string', b],
    );
  }
  return [Number(start), Number(e)];
}
