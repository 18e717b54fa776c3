// Receiving: udp-receive!, udp-receive!*, udp-receive!/enable-break and
// udp-receive!-evt, all over one worker, and udp-receive-ready-evt. A
// receive takes a datagram from the socket's queue of arrived ones; while
// the queue is empty, a blocking receive waits on the socket.

import { Block, NOT_READY } from '../../eval/block.js';
import { MultipleValues, RString, listFromArray, type RBytes, type Value } from '../../values/types.js';
import { checkBytes } from '../check.js';
import { checkBufferRange, checkReceiveBuffer, checkSocket } from './check.js';
import type { Body, Definer } from './define.js';
import { closedError, notBound } from './errors.js';
import { ReceiveEvt, ReceiveReadyEvt } from './evt.js';
import type { Datagram, UdpSocket } from './socket.js';

/**
 * What a receive does when no datagram is queued: wait for one, return
 * (values #f #f #f) now, or (for the evt, which is made at once) stay not
 * ready until one comes.
 */
type ReceiveMode = 'wait' | 'poll' | 'evt';

/** Copies a datagram into the buffer range, truncating what does not fit: (values length address port). */
function fill(d: Datagram, buf: RBytes, start: number, end: number): MultipleValues {
  const n = Math.min(d.data.length, end - start);
  buf.bytes.set(d.data.subarray(0, n), start);
  return new MultipleValues([n, new RString(d.address, false), d.port]);
}

/** Takes the next queued datagram into `buf[start, end)`; undefined when none is queued. */
function receiveNow(who: string, sock: UdpSocket, buf: RBytes, start: number, end: number): MultipleValues | undefined {
  if (sock.closed) closedError(who);
  if (!sock.bound) notBound(who);
  const d = sock.take();
  return d === undefined ? undefined : fill(d, buf, start, end);
}

// The events' attempts are closures over the receive's arguments. They are
// made in functions of their own so that the worker captures nothing: V8
// keeps a function's captured variables in a context it allocates on every
// call, which made udp-receive!* measurably slower.

/** udp-receive!-evt's event: its result is a list of the three values. */
function receiveEvt(who: string, sock: UdpSocket, buf: RBytes, start: number, end: number): ReceiveEvt {
  return new ReceiveEvt(sock, () => {
    const got = receiveNow(who, sock, buf, start, end);
    return got === undefined ? NOT_READY : listFromArray(got.vals);
  });
}

/** Blocks the calling thread until a datagram is received (or the socket fails). */
function receiveLater(who: string, sock: UdpSocket, buf: RBytes, start: number, end: number): Block {
  return new Block([new ReceiveEvt(sock, () => receiveNow(who, sock, buf, start, end) ?? NOT_READY)]);
}

/** The one worker: checks the arguments, then receives as `mode` says. */
function receive(who: string, mode: ReceiveMode, sv: Value, bv: Value, start: Value, end: Value | undefined): Value {
  const sock = checkSocket(who, sv);
  // The evt takes an immutable byte string and the others do not (Racket 8.7 takes one in all four).
  const buf = mode === 'evt' ? checkBytes(who, bv) : checkReceiveBuffer(who, bv);
  const [s, e] = checkBufferRange(who, buf, start, end);
  if (mode === 'evt') return receiveEvt(who, sock, buf, s, e);
  const got = receiveNow(who, sock, buf, s, e);
  if (got !== undefined) return got;
  if (mode === 'poll') return new MultipleValues([false, false, false]);
  return receiveLater(who, sock, buf, s, e);
}

const receiving =
  (mode: ReceiveMode): Body =>
  (who) =>
  (sv: Value, bv: Value, start: Value = 0, end?: Value) =>
    receive(who, mode, sv, bv, start, end);

export function installReceive(def: Definer): void {
  def.blocking('udp-receive!', 2, 4, receiving('wait'));
  def.enableBreak('udp-receive!/enable-break', 2, 4, receiving('wait'));
  def.values('udp-receive!*', 2, 4, receiving('poll'));
  def.simple('udp-receive!-evt', 2, 4, receiving('evt'));
  def.simple('udp-receive-ready-evt', 1, 1, (who) => (sv: Value) => new ReceiveReadyEvt(checkSocket(who, sv)));
}
