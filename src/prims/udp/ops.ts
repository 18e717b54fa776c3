// racket/udp's procedures over the host's UDP sockets. Operations the host
// completes asynchronously (bind, send) block only the calling thread, on an
// event that the host's callback makes ready; receiving blocks on the
// socket's queue of arrived datagrams.

import { Block, NOT_READY, raiseOnSync, type Evt, type NotReady, type SyncResult } from '../../eval/block.js';
import type { Machine } from '../../eval/machine.js';
import { Primitive } from '../../eval/procedures.js';
import type { HostError, HostUdpSocket } from '../../host/host.js';
import { argError, argumentsError, RawText } from '../../errors/messages.js';
import { RacketThrow, exnFailNetworkT, makeExn } from '../../errors/exn.js';
import { MultipleValues, RBytes, RString, VOID, listFromArray, type Value } from '../../values/types.js';
import { customPrint } from '../../values/printable.js';
import type { PrimTable } from '../table.js';
import { checkByte, checkBytes } from '../check.js';
import { withBreaksEnabled } from '../breaks.js';
import { managingCustodian } from '../../thread/custodian.js';
import { alreadyBound, closedError, notBound, operationErrorExn, resolveErrorExn, systemErrorExn } from './errors.js';
import { UdpSocket } from './socket.js';

/** Raises its argument: the sync result of an operation that failed. */
/** Ready once the host reports that an operation finished. */
class CompletionEvt implements Evt {
  private result: SyncResult | NotReady = NOT_READY;
  private readonly waiters = new Set<() => void>();
  complete(r: SyncResult): void {
    this.result = r;
    for (const w of [...this.waiters]) w();
  }
  fail(exn: unknown): void {
    this.complete(raiseOnSync(exn));
  }
  poll(): SyncResult | NotReady {
    return this.result;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }
}

/**
 * Ready when a datagram can be received into `buf[start, end)` (or the
 * socket closed). Its result is the three values, or for udp-receive!-evt
 * a list of them.
 */
class ReceiveEvt implements Evt {
  constructor(
    readonly who: string,
    readonly sock: UdpSocket,
    readonly buf: RBytes,
    readonly start: number,
    readonly end: number,
    readonly asList = false,
  ) {}
  poll(): SyncResult | NotReady {
    if (this.sock.closed) return raiseOnSync(closedExn(this.who));
    if (!this.sock.bound) return raiseOnSync(makeExn(exnFailNetworkT, `${this.who}: udp socket is not bound\n  socket: #<udp>`));
    const d = this.sock.take();
    if (d === undefined) return NOT_READY;
    const r = fill(d, this.buf, this.start, this.end);
    return this.asList ? listFromArray(r.vals) : r;
  }
  [customPrint](): string {
    return '#<udp-receive-evt>';
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.sock.onChange(wake);
  }
}

/** Ready when a datagram is waiting (or the socket is closed); its result is itself. */
class ReceiveReadyEvt implements Evt {
  constructor(readonly sock: UdpSocket) {}
  poll(): SyncResult | NotReady {
    return this.sock.closed || this.sock.queue.length > 0 ? this : NOT_READY;
  }
  subscribe(_m: Machine, wake: () => void): () => void {
    return this.sock.onChange(wake);
  }
  [customPrint](): string {
    return '#<udp-receive-ready-evt>';
  }
}

/** A send is always possible: the host queues datagrams. Its result is itself. */
class SendReadyEvt implements Evt {
  poll(): SyncResult {
    return this;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<udp-send-ready-evt>';
  }
}

/** Sends when chosen (the host takes the datagram at once); its result is void. */
class SendEvt implements Evt {
  constructor(
    readonly who: string,
    readonly sock: UdpSocket,
    readonly host: string | undefined,
    readonly port: number | undefined,
    readonly data: Uint8Array,
  ) {}
  poll(m: Machine): SyncResult {
    try {
      this.sendNow(m);
      return VOID;
    } catch (e) {
      if (e instanceof RacketThrow) return raiseOnSync(e.value);
      throw e;
    }
  }
  /** Hands the datagram to the host (binding the socket if needed). */
  sendNow(m: Machine): void {
    checkSendable(this.who, this.sock, this.host);
    hostSocket(m, this.sock, false).send(this.data, this.host, this.port, () => {});
    this.sock.bound = true;
  }
  subscribe(): () => void {
    return () => {};
  }
  [customPrint](): string {
    return '#<udp-send-evt>';
  }
}

function closedExn(who: string): unknown {
  return makeExn(exnFailNetworkT, `${who}: udp socket is closed\n  socket: #<udp>`);
}

/** Copies a datagram into the buffer range, truncating what does not fit: (values length address port). */
function fill(d: { data: Uint8Array; address: string; port: number }, buf: RBytes, start: number, end: number): MultipleValues {
  const n = Math.min(d.data.length, end - start);
  buf.bytes.set(d.data.subarray(0, n), start);
  return new MultipleValues([n, new RString(d.address, false), d.port]);
}

function checkSocket(who: string, v: Value): UdpSocket {
  if (v instanceof UdpSocket) return v;
  return argError(who, 'udp?', v);
}

function checkHost(who: string, v: Value, allowFalse: boolean): string | undefined {
  if (v instanceof RString) return v.s;
  if (allowFalse && v === false) return undefined;
  return argError(who, allowFalse ? '(or/c string? #f)' : 'string?', v);
}

function checkPort(who: string, v: Value, allowZero: boolean, orFalse = false): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= (allowZero ? 0 : 1) && v <= 65535) return v;
  const expected = allowZero ? 'listen-port-number?' : 'port-number?';
  return argError(who, orFalse ? `(or/c ${expected} #f)` : expected, v);
}

/** The [start, end) range of a byte string argument, checked as Racket checks it. */
function checkRange(who: string, b: RBytes, start: Value, end: Value): [number, number] {
  const len = b.bytes.length;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) argError(who, 'exact-nonnegative-integer?', start);
  if (start > len) {
    argumentsError(who, 'starting index is out of range', ['starting index', start], ['valid range', new RawText(`[0, ${len}]`)], ['byte string', b]);
  }
  const e = end === undefined ? len : end;
  if (typeof e !== 'number' || !Number.isInteger(e) || e < 0) argError(who, 'exact-nonnegative-integer?', e);
  if (e > len || e < start) {
    argumentsError(who, 'ending index is out of range', ['ending index', e], ['valid range', new RawText(`[${start}, ${len}]`)], ['byte string', b]);
  }
  return [start, e];
}

/**
 * The family udp-open-socket's arguments imply: IPv6 for an address with
 * colons; IPv4 for other names; with no name but a port, the family of the
 * first wildcard address the resolver gives for it, which on a machine with
 * IPv6 is "::"; with neither, IPv4.
 */
function familyOf(host: string | undefined, port: number | undefined): 4 | 6 {
  if (host === undefined) return port === undefined ? 4 : 6;
  return host.includes(':') ? 6 : 4;
}

/** What a socket released by its custodian talks to: nothing, successfully. */
const RELEASED: HostUdpSocket = {
  bind: (_a, _p, done) => done(null),
  send: (_d, _a, _p, done) => done(null),
  connect: (_a, _p, done) => done(null),
  disconnect: () => {},
  local: () => null,
  close: () => {},
  setTTL: () => {},
  setMulticastTTL: () => {},
  setMulticastLoopback: () => {},
  setMulticastInterface: () => {},
  addMembership: () => {},
  dropMembership: () => {},
  setRecvBufferSize: () => {},
};

/** The socket's host socket, made on first use. */
function hostSocket(m: Machine, sock: UdpSocket, reuse: boolean): HostUdpSocket {
  if (sock.released) return RELEASED;
  if (sock.host === null) {
    const udp = m.rt.host.udp;
    if (udp === undefined) throw new RacketThrow(makeExn(exnFailNetworkT, 'udp: network access is not available in this runtime'));
    sock.host = udp.create(
      sock.family,
      reuse,
      (data, address, port) => sock.deliver({ data, address, port }),
      () => sock.applyOptions(),
    );
    m.rt.resources.add(sock);
  }
  return sock.host;
}

function sendError(who: string, host: string | undefined, port: number | undefined, e: HostError): unknown {
  return operationErrorExn(who, 'send failed', host, port, e);
}

/** A send on `sock` to `host` (undefined: to the connected peer) is allowed now. */
function checkSendable(who: string, sock: UdpSocket, host: string | undefined): void {
  if (sock.closed) closedError(who);
  if (host !== undefined && sock.connected !== null) {
    throw new RacketThrow(makeExn(exnFailNetworkT, `${who}: udp socket is connected\n  socket: #<udp>`));
  }
  if (host === undefined && sock.connected === null) {
    throw new RacketThrow(makeExn(exnFailNetworkT, `${who}: udp socket is not connected\n  socket: #<udp>`));
  }
}

/** The one worker behind udp-send-to and udp-send. */
function send(m: Machine, who: string, sock: UdpSocket, host: string | undefined, port: number | undefined, b: RBytes, start: Value, end: Value): Value {
  const [s, e] = checkRange(who, b, start, end);
  checkSendable(who, sock, host);
  const done = new CompletionEvt();
  const data = b.bytes.slice(s, e);
  hostSocket(m, sock, false).send(data, host, port, (err) => {
    if (err) done.fail(sendError(who, host, port, err));
    else {
      sock.bound = true; // sending binds an unbound socket to a random port
      done.complete(VOID);
    }
  });
  return new Block([done]);
}

/** The one worker behind udp-receive!, udp-receive!* and udp-receive!/enable-break. */
function receive(who: string, sock: UdpSocket, bv: Value, start: Value, end: Value, wait: boolean): Value {
  const b = checkBytes(who, bv);
  if (b.immutable) argError(who, '(and/c bytes? (not/c immutable?))', bv);
  const [s, e] = checkRange(who, b, start, end);
  if (sock.closed) closedError(who);
  if (!sock.bound) notBound(who);
  const d = sock.take();
  if (d !== undefined) return fill(d, b, s, e);
  if (!wait) return new MultipleValues([false, false, false]);
  return new Block([new ReceiveEvt(who, sock, b, s, e)]);
}

export function installUdpOps(t: PrimTable): void {
  t.blocking('udp-open-socket', 0, 2, function (this: Machine, host: Value = false, port: Value = false) {
    const who = 'udp-open-socket';
    const h = checkHost(who, host, true);
    if (port !== false && !(typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535)) {
      argError(who, '(or/c port-number? #f)', port);
    }
    // Owned by the current custodian (taken now: the lookup may finish in another thread's turn).
    const custodian = managingCustodian(this, who);
    const open = (family: 4 | 6) => {
      const sock = new UdpSocket(family);
      custodian.resources.add(sock);
      return sock;
    };
    const lookup = this.rt.host.udp?.lookup;
    if (h === undefined || lookup === undefined) return open(familyOf(h, port === false ? undefined : (port as number)));
    // The family is the family of the first address the name resolves to.
    const done = new CompletionEvt();
    lookup(h, (err, _address, family) => {
      if (err) done.fail(resolveErrorExn(who, h, undefined, err));
      else done.complete(open(family));
    });
    return new Block([done]);
  });
  t.fn('udp?', 1, 1, (v) => v instanceof UdpSocket);
  t.fn('udp-bound?', 1, 1, (v) => checkSocket('udp-bound?', v).bound);
  t.fn('udp-connected?', 1, 1, (v) => checkSocket('udp-connected?', v).connected !== null);

  t.blocking('udp-bind!', 3, 4, function (this: Machine, sv: Value, hv: Value, pv: Value, reuse: Value = false) {
    const who = 'udp-bind!';
    const sock = checkSocket(who, sv);
    const host = checkHost(who, hv, true);
    const port = checkPort(who, pv, true);
    if (sock.closed) closedError(who);
    if (sock.bound) alreadyBound(who);
    const done = new CompletionEvt();
    hostSocket(this, sock, reuse !== false).bind(host, port, (err) => {
      if (err) {
        done.fail(operationErrorExn(who, "can't bind", host, port, err));
      } else {
        sock.bound = true;
        done.complete(VOID);
      }
    });
    return new Block([done]);
  });

  t.blocking('udp-connect!', 3, 3, function (this: Machine, sv: Value, hv: Value, pv: Value) {
    const who = 'udp-connect!';
    const sock = checkSocket(who, sv);
    const host = checkHost(who, hv, true);
    const port = pv === false ? undefined : checkPort(who, pv, false, true);
    if ((host === undefined) !== (port === undefined)) {
      // Racket 8.7's wording, "last second" included.
      return argumentsError(who, 'last second and third arguments must be both #f or both non-#f', ['second argument', hv], ['third argument', pv]);
    }
    if (sock.closed) closedError(who);
    if (host === undefined || port === undefined) {
      if (sock.connected !== null) sock.host?.disconnect();
      sock.connected = null;
      return VOID;
    }
    if (sock.connected !== null) sock.host?.disconnect();
    const done = new CompletionEvt();
    hostSocket(this, sock, false).connect(host, port, (err, resolved) => {
      if (err) done.fail(operationErrorExn(who, "can't connect", host, port, err));
      else {
        sock.connected = { address: resolved ?? (host === 'localhost' ? '127.0.0.1' : host), port };
        done.complete(VOID);
      }
    });
    return new Block([done]);
  });

  // The /enable-break variants name themselves in their errors, so each gets its own worker.
  const sendToAs = (who: string) =>
    function (this: Machine, sv: Value, hv: Value, pv: Value, bv: Value, start: Value = 0, end?: Value): Value {
      const sock = checkSocket(who, sv);
      const host = checkHost(who, hv, false);
      const port = checkPort(who, pv, false);
      return send(this, who, sock, host, port, checkBytes(who, bv), start, end);
    };
  const sendAs = (who: string) =>
    function (this: Machine, sv: Value, bv: Value, start: Value = 0, end?: Value): Value {
      const sock = checkSocket(who, sv);
      return send(this, who, sock, undefined, undefined, checkBytes(who, bv), start, end);
    };
  const receiveAs = (who: string) => (sv: Value, bv: Value, start: Value = 0, end?: Value) =>
    receive(who, checkSocket(who, sv), bv, start, end, true);
  t.blocking('udp-send-to', 4, 6, sendToAs('udp-send-to'));
  t.blocking('udp-send', 2, 4, sendAs('udp-send'));
  t.blocking('udp-receive!', 2, 4, receiveAs('udp-receive!'));
  const unregistered = (who: string, min: number, max: number, f: (this: Machine, ...args: any[]) => Value) =>
    new Primitive(who, min, max, f, false);
  withBreaksEnabled(t, 'udp-receive!/enable-break', unregistered('udp-receive!/enable-break', 2, 4, receiveAs('udp-receive!/enable-break')));
  withBreaksEnabled(t, 'udp-send-to/enable-break', unregistered('udp-send-to/enable-break', 4, 6, sendToAs('udp-send-to/enable-break')));
  withBreaksEnabled(t, 'udp-send/enable-break', unregistered('udp-send/enable-break', 2, 4, sendAs('udp-send/enable-break')));
  t.fn('udp-receive!*', 2, 4, (sv: Value, bv: Value, start: Value = 0, end?: Value) =>
    receive('udp-receive!*', checkSocket('udp-receive!*', sv), bv, start, end, false),
  );

  t.fn('udp-receive!-evt', 2, 4, (sv: Value, bv: Value, start: Value = 0, end?: Value) => {
    const who = 'udp-receive!-evt';
    const sock = checkSocket(who, sv);
    const b = checkBytes(who, bv);
    const [s, e] = checkRange(who, b, start, end);
    return new ReceiveEvt(who, sock, b, s, e, true);
  });
  t.fn('udp-receive-ready-evt', 1, 1, (sv: Value) => new ReceiveReadyEvt(checkSocket('udp-receive-ready-evt', sv)));
  t.fn('udp-send-ready-evt', 1, 1, (sv: Value) => {
    checkSocket('udp-send-ready-evt', sv);
    return new SendReadyEvt();
  });
  t.fn('udp-send-to-evt', 4, 6, (sv: Value, hv: Value, pv: Value, bv: Value, start: Value = 0, end?: Value) => {
    const who = 'udp-send-to-evt';
    const sock = checkSocket(who, sv);
    const host = checkHost(who, hv, false);
    const port = checkPort(who, pv, false);
    const b = checkBytes(who, bv);
    const [s, e] = checkRange(who, b, start, end);
    return new SendEvt(who, sock, host, port, b.bytes.slice(s, e));
  });
  t.fn('udp-send-evt', 2, 4, (sv: Value, bv: Value, start: Value = 0, end?: Value) => {
    const who = 'udp-send-evt';
    const sock = checkSocket(who, sv);
    const b = checkBytes(who, bv);
    const [s, e] = checkRange(who, b, start, end);
    return new SendEvt(who, sock, undefined, undefined, b.bytes.slice(s, e));
  });

  // Non-blocking sends: the host takes the datagram at once, so they always succeed (#t).
  t.fn('udp-send-to*', 4, 6, function (this: Machine, sv: Value, hv: Value, pv: Value, bv: Value, start: Value = 0, end?: Value) {
    const who = 'udp-send-to*';
    const sock = checkSocket(who, sv);
    const host = checkHost(who, hv, false);
    const port = checkPort(who, pv, false);
    const b = checkBytes(who, bv);
    const [s, e] = checkRange(who, b, start, end);
    new SendEvt(who, sock, host, port, b.bytes.slice(s, e)).sendNow(this);
    return true;
  });
  t.fn('udp-send*', 2, 4, function (this: Machine, sv: Value, bv: Value, start: Value = 0, end?: Value) {
    const who = 'udp-send*';
    const sock = checkSocket(who, sv);
    const b = checkBytes(who, bv);
    const [s, e] = checkRange(who, b, start, end);
    new SendEvt(who, sock, undefined, undefined, b.bytes.slice(s, e)).sendNow(this);
    return true;
  });

  installOptions(t);

  t.fn('udp-close', 1, 1, (sv: Value) => {
    const sock = checkSocket('udp-close', sv);
    if (sock.closed) {
      throw new RacketThrow(makeExn(exnFailNetworkT, 'udp-close: udp socket was already closed\n  socket: #<udp>'));
    }
    sock.close();
    return VOID;
  });

  t.fn('udp-addresses', 1, 2, (sv: Value, portNumbers: Value = false) => {
    const who = 'udp-addresses';
    const sock = checkSocket(who, sv);
    // Racket 8.7 shares this check with tcp-addresses and names that procedure.
    if (sock.closed) closedError('tcp-addresses');
    const local = sock.host?.local() ?? { address: sock.anyAddress, port: 0 };
    // An unconnected socket's peer reads as IPv4's any address whatever its family.
    const remote = sock.connected ?? { address: '0.0.0.0', port: 0 };
    const la = new RString(local.address, false);
    const ra = new RString(remote.address, false);
    return portNumbers === false ? new MultipleValues([la, ra]) : new MultipleValues([la, local.port, ra, remote.port]);
  });
}

// ---------------------------------------------------------------- options

function setsockoptFailed(who: string, e: HostError): never {
  throw new RacketThrow(systemErrorExn(who, 'setsockopt failed', [], e));
}

/** Runs `f` on the host socket now if it is bound (reporting failures); otherwise it runs at bind time. */
function applyNow(who: string, sock: UdpSocket, f: (h: NonNullable<UdpSocket['host']>) => void): void {
  if (!sock.hostBound) return;
  try {
    f(sock.host!);
  } catch (e) {
    setsockoptFailed(who, e as HostError);
  }
}

/** The errors the kernel reports for group membership, as Linux numbers them. */
const SYSTEM_ERRORS = {
  EINVAL: { code: 'EINVAL', errno: 22, text: 'Invalid argument' },
  EADDRINUSE: { code: 'EADDRINUSE', errno: 98, text: 'Address already in use' },
  EADDRNOTAVAIL: { code: 'EADDRNOTAVAIL', errno: 99, text: 'Cannot assign requested address' },
} satisfies Record<string, HostError>;

/** "0.0.0.0" and #f both leave the interface to the kernel. */
function kernelChoice(iface: string | undefined): string | undefined {
  return iface === '0.0.0.0' ? undefined : iface;
}

function membershipKey(group: string, iface: string | undefined): string {
  return `${group}|${iface ?? ''}`;
}

function isIPv4Multicast(address: string): boolean {
  const m = /^(\d+)\.\d+\.\d+\.\d+$/.exec(address);
  return m !== null && Number(m[1]) >= 224 && Number(m[1]) <= 239;
}

function checkOpen(who: string, v: Value): UdpSocket {
  const sock = checkSocket(who, v);
  if (sock.closed) closedError(who);
  return sock;
}

function installOptions(t: PrimTable): void {
  t.fn('udp-ttl', 1, 1, (sv: Value) => checkOpen('udp-ttl', sv).ttl);
  t.fn('udp-set-ttl!', 2, 2, (sv: Value, v: Value) => {
    const sock = checkOpen('udp-set-ttl!', sv);
    const ttl = checkByte('udp-set-ttl!', v);
    applyNow('udp-set-ttl!', sock, (h) => h.setTTL(ttl));
    sock.ttl = ttl;
    return VOID;
  });
  t.fn('udp-multicast-ttl', 1, 1, (sv: Value) => checkOpen('udp-multicast-ttl', sv).multicastTtl);
  t.fn('udp-multicast-set-ttl!', 2, 2, (sv: Value, v: Value) => {
    const sock = checkOpen('udp-multicast-set-ttl!', sv);
    const ttl = checkByte('udp-multicast-set-ttl!', v);
    applyNow('udp-multicast-set-ttl!', sock, (h) => h.setMulticastTTL(ttl));
    sock.multicastTtl = ttl;
    return VOID;
  });
  t.fn('udp-multicast-loopback?', 1, 1, (sv: Value) => checkOpen('udp-multicast-loopback?', sv).multicastLoopback);
  t.fn('udp-multicast-set-loopback!', 2, 2, (sv: Value, v: Value) => {
    const sock = checkOpen('udp-multicast-set-loopback!', sv);
    const on = v !== false;
    applyNow('udp-multicast-set-loopback!', sock, (h) => h.setMulticastLoopback(on));
    sock.multicastLoopback = on;
    return VOID;
  });
  t.fn('udp-multicast-interface', 1, 1, (sv: Value) => new RString(checkOpen('udp-multicast-interface', sv).multicastInterface, false));
  t.fn('udp-multicast-set-interface!', 2, 2, (sv: Value, v: Value) => {
    const who = 'udp-multicast-set-interface!';
    const sock = checkOpen(who, sv);
    const iface = checkHost(who, v, true) ?? sock.anyAddress;
    applyNow(who, sock, (h) => h.setMulticastInterface(iface));
    sock.multicastInterface = iface;
    return VOID;
  });
  t.fn('udp-set-receive-buffer-size!', 2, 2, (sv: Value, v: Value) => {
    const who = 'udp-set-receive-buffer-size!';
    const sock = checkOpen(who, sv);
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) return argError(who, 'exact-positive-integer?', v);
    applyNow(who, sock, (h) => h.setRecvBufferSize(v));
    sock.setReceiveBufferSize(v);
    return VOID;
  });
  t.fn('udp-multicast-join-group!', 3, 3, (sv: Value, gv: Value, iv: Value) => {
    const who = 'udp-multicast-join-group!';
    const sock = checkOpen(who, sv);
    const group = checkHost(who, gv, false)!;
    const iface = kernelChoice(checkHost(who, iv, true));
    const key = membershipKey(group, iface);
    if (!sock.hostBound) {
      // No system socket yet: fail as the kernel would, and apply at bind time.
      if (!isIPv4Multicast(group)) setsockoptFailed(who, SYSTEM_ERRORS.EINVAL);
      if (sock.memberships.has(key)) setsockoptFailed(who, SYSTEM_ERRORS.EADDRINUSE);
    }
    applyNow(who, sock, (h) => h.addMembership(group, iface));
    sock.memberships.add(key);
    return VOID;
  });
  t.fn('udp-multicast-leave-group!', 3, 3, (sv: Value, gv: Value, iv: Value) => {
    const who = 'udp-multicast-leave-group!';
    const sock = checkOpen(who, sv);
    const group = checkHost(who, gv, false)!;
    const iface = kernelChoice(checkHost(who, iv, true));
    const key = membershipKey(group, iface);
    if (!sock.hostBound && !sock.memberships.has(key)) setsockoptFailed(who, SYSTEM_ERRORS.EADDRNOTAVAIL);
    applyNow(who, sock, (h) => h.dropMembership(group, iface));
    sock.memberships.delete(key);
    return VOID;
  });
}
