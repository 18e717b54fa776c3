// Sending: udp-send-to and udp-send with their * and /enable-break variants
// and their evts, all over one worker, and udp-send-ready-evt. The host
// queues every datagram at once, so a send never waits for room: the
// blocking sends wait only to hear that the host sent it.

import { checkNetworkAccess } from '../security-guards.js';
import { Block } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { VOID, type Value } from '../../values/types.js';
import { RacketThrow } from '../../errors/exn.js';
import type { HostError } from '../../host/host.js';
import { withAddress } from './resolve.js';
import { checkBytes } from '../check.js';
import { checkBufferRange, checkHost, checkPort, checkSocket } from './check.js';
import type { Body, Definer } from './define.js';
import { closedError, networkError, sendFailedExn } from './errors.js';
import { CompletionEvt, SendEvt, SendReadyEvt } from './evt.js';
import { hostSocket } from './host-socket.js';
import type { UdpSocket } from './socket.js';

/**
 * What a send does: wait for the host to report the send (result void),
 * hand the datagram over now (result #t), or make an evt that sends when
 * chosen.
 */
type SendMode = 'wait' | 'now' | 'evt';

/** A send on `sock` to `host` (undefined: to the connected peer) is allowed now. */
function checkSendable(who: string, sock: UdpSocket, host: string | undefined): void {
  if (sock.closed) closedError(who);
  if (host !== undefined && sock.connected !== null) networkError(who, 'udp socket is connected');
  if (host === undefined && sock.connected === null) networkError(who, 'udp socket is not connected');
}

function ignoreOutcome(): void {}

/** Hands the datagram to the host, not waiting to hear how the send went. */
function sendNow(m: Machine, who: string, sock: UdpSocket, host: string | undefined, port: number | undefined, data: Uint8Array): void {
  checkSendable(who, sock, host);
  hostSocket(m, sock, false).send(data, host, port, ignoreOutcome);
  sock.bound = true; // sending binds an unbound socket to a random port
}

/** Hands the datagram to the host; the calling thread blocks until the host reports the send. */
function sendAndWait(
  m: Machine,
  who: string,
  sock: UdpSocket,
  host: string | undefined,
  port: number | undefined,
  data: Uint8Array,
): Block {
  checkSendable(who, sock, host);
  const done = new CompletionEvt();
  hostSocket(m, sock, false).send(data, host, port, (err) => {
    if (err) done.fail(sendFailedExn(who, host, port, err));
    else {
      sock.bound = true; // sending binds an unbound socket to a random port
      done.complete(VOID);
    }
  });
  return new Block([done]);
}

/** The send evts' event; made here so that the worker below captures nothing (see receive.ts). */
function sendEvt(who: string, sock: UdpSocket, host: string | undefined, port: number | undefined, data: Uint8Array): SendEvt {
  return new SendEvt((syncing) => sendNow(syncing, who, sock, host, port, data));
}

/** The one worker: checks the datagram's byte string and range, then sends `bytes[start, end)` as `mode` says. */
function send(
  m: Machine,
  who: string,
  mode: SendMode,
  sock: UdpSocket,
  host: string | undefined,
  port: number | undefined,
  bv: Value,
  start: Value,
  end: Value | undefined,
): Value {
  const bytes = checkBytes(who, bv);
  const [s, e] = checkBufferRange(who, bytes, start, end);
  const data = bytes.bytes.slice(s, e);
  // No IP datagram carries more (Racket 8.7 fails here with a string-append error; its documentation says exn:fail:network).
  if (data.length > (sock.family === 6 ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD))
    throw new RacketThrow(sendFailedExn(who, host, port, EMSGSIZE));
  if (mode === 'wait') return sendAndWait(m, who, sock, host, port, data);
  if (host === undefined) {
    if (mode === 'evt') return sendEvt(who, sock, host, port, data);
    sendNow(m, who, sock, host, port, data);
    return true;
  }
  // The others resolve the name before they return, and report what the system would refuse at once.
  return withAddress(m, who, host, port, (address, family) => {
    if (family === 6 && sock.family === 4) throw new RacketThrow(sendFailedExn(who, host, port, EAFNOSUPPORT));
    if (mode === 'evt') return sendEvt(who, sock, address, port, data);
    sendNow(m, who, sock, address, port, data);
    return true;
  });
}

/** The largest UDP payloads: 65535 bytes less the IP and UDP headers. */
const MAX_IPV4_PAYLOAD = 65507;
const MAX_IPV6_PAYLOAD = 65527;
const EMSGSIZE: HostError = { code: 'EMSGSIZE', errno: 90, text: 'Message too long' };
const EAFNOSUPPORT: HostError = { code: 'EAFNOSUPPORT', errno: 97, text: 'Address family not supported by protocol' };

/** udp-send-to and its variants: socket, host name, port, then the datagram. */
const sendingTo =
  (mode: SendMode): Body =>
  (who) =>
    function (this: Machine, sv: Value, hv: Value, pv: Value, bv: Value, start: Value = 0, end?: Value): Value {
      const sock = checkSocket(who, sv);
      const host = checkHost(who, hv);
      const port = checkPort(who, pv);
      checkNetworkAccess(this, who, host, port, 'client');
      return send(this, who, mode, sock, host, port, bv, start, end);
    };

/** udp-send and its variants: socket, then the datagram for the connected peer. */
const sendingToPeer =
  (mode: SendMode): Body =>
  (who) =>
    function (this: Machine, sv: Value, bv: Value, start: Value = 0, end?: Value): Value {
      return send(this, who, mode, checkSocket(who, sv), undefined, undefined, bv, start, end);
    };

export function installSend(def: Definer): void {
  def.blocking('udp-send-to', 4, 6, sendingTo('wait'));
  def.enableBreak('udp-send-to/enable-break', 4, 6, sendingTo('wait'));
  // Blocking only while a host name resolves.
  def.blocking('udp-send-to*', 4, 6, sendingTo('now'));
  def.blocking('udp-send-to-evt', 4, 6, sendingTo('evt'));

  def.blocking('udp-send', 2, 4, sendingToPeer('wait'));
  def.enableBreak('udp-send/enable-break', 2, 4, sendingToPeer('wait'));
  def.simple('udp-send*', 2, 4, sendingToPeer('now'));
  def.simple('udp-send-evt', 2, 4, sendingToPeer('evt'));

  def.simple('udp-send-ready-evt', 1, 1, (who) => (sv: Value) => {
    checkSocket(who, sv);
    return new SendReadyEvt();
  });
}
