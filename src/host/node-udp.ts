// UDP over Node's dgram for the Node host.

import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns';
import { isIP } from 'node:net';
import type { HostError, HostUdp, HostUdpSocket } from './host.js';

/** errno numbers and texts for the errors UDP operations report (Linux values, as Racket shows them). */
const ERRORS: Record<string, [number, string]> = {
  EADDRINUSE: [98, 'Address already in use'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  EACCES: [13, 'Permission denied'],
  EINVAL: [22, 'Invalid argument'],
  EMSGSIZE: [90, 'Message too long'],
  ENETUNREACH: [101, 'Network is unreachable'],
  EHOSTUNREACH: [113, 'No route to host'],
  ECONNREFUSED: [111, 'Connection refused'],
  EAFNOSUPPORT: [97, 'Address family not supported by protocol'],
  ENOTFOUND: [-2, 'Name or service not known'],
  EAI_AGAIN: [-3, 'Temporary failure in name resolution'],
  ENODEV: [19, 'No such device'],
  // Node refuses to bind a socket that connecting bound; the system says EINVAL.
  ERR_SOCKET_ALREADY_BOUND: [22, 'Invalid argument'],
};

/** getaddrinfo's codes and texts for names that do not resolve (glibc values, as Racket shows them). */
const RESOLVE_ERRORS: Record<string, [number, string]> = {
  ENOTFOUND: [-2, 'Name or service not known'],
  EAI_NONAME: [-2, 'Name or service not known'],
  EAI_AGAIN: [-3, 'Temporary failure in name resolution'],
  EAI_FAIL: [-4, 'Non-recoverable failure in name resolution'],
  ENODATA: [-5, 'No address associated with hostname'],
  EAI_NODATA: [-5, 'No address associated with hostname'],
};

export function resolveError(code: string): HostError {
  const [errno, text] = RESOLVE_ERRORS[code] ?? RESOLVE_ERRORS.ENOTFOUND;
  return { code, errno, text, resolving: true };
}

const EAFNOSUPPORT: HostError = { code: 'EAFNOSUPPORT', errno: 97, text: 'Address family not supported by protocol' };

/** Resolves `name` to its first address; the empty name never resolves (Node would take it for localhost). */
export function lookupName(name: string, done: (err: HostError | null, address: string, family: 4 | 6) => void): void {
  const literal = isIP(name);
  if (literal !== 0) return done(null, name, literal as 4 | 6);
  if (name === '') return done(resolveError('ENOTFOUND'), '', 4);
  lookup(name, (err, address, family) => {
    if (err) done(resolveError(err.code ?? 'ENOTFOUND'), '', 4);
    else done(null, address, family === 6 ? 6 : 4);
  });
}

export function hostError(e: unknown): HostError {
  const err = e as { code?: string; errno?: number; message?: string };
  const code = err.code ?? 'EIO';
  const known = ERRORS[code];
  return { code, errno: known ? known[0] : Math.abs(err.errno ?? 5), text: known ? known[1] : (err.message ?? code) };
}

class NodeUdpSocket implements HostUdpSocket {
  private readonly sock: Socket;
  private isBound = false;
  constructor(
    private readonly family: 4 | 6,
    reuse: boolean,
    onMessage: (data: Uint8Array, address: string, port: number) => void,
    onBound: () => void,
  ) {
    this.sock = createSocket({ type: family === 6 ? 'udp6' : 'udp4', reuseAddr: reuse });
    this.sock.on('message', (msg, rinfo) => onMessage(msg, rinfo.address, rinfo.port));
    this.sock.on('listening', () => {
      this.isBound = true;
      onBound();
    });
    // Errors are reported through the callbacks of the operations that cause them.
    this.sock.on('error', () => {});
  }
  /**
   * The address to give the system for `name`, with Racket's family rules:
   * an IPv6 address for an IPv4 socket is EAFNOSUPPORT; an IPv4 address for
   * an IPv6 socket is sent to as IPv4-mapped, but bound as is (and the
   * system refuses it).
   */
  private target(name: string, forBind: boolean, done: (err: HostError | null, address: string) => void): void {
    lookupName(name, (err, address, family) => {
      if (err) return done(err, '');
      if (family === 6 && this.family === 4) return done(EAFNOSUPPORT, '');
      done(null, family === 4 && this.family === 6 && !forBind ? `::ffff:${address}` : address);
    });
  }
  bind(address: string | undefined, port: number, done: (err: HostError | null) => void): void {
    if (address === undefined) return this.bindAddress(undefined, port, done);
    this.target(address, true, (err, resolved) => (err ? done(err) : this.bindAddress(resolved, port, done)));
  }
  private bindAddress(address: string | undefined, port: number, done: (err: HostError | null) => void): void {
    const onError = (e: Error) => {
      this.sock.off('listening', onListening);
      done(hostError(e));
    };
    const onListening = () => {
      this.sock.off('error', onError);
      this.isBound = true;
      done(null);
    };
    this.sock.once('error', onError);
    this.sock.once('listening', onListening);
    try {
      this.sock.bind(port, address);
    } catch (e) {
      this.sock.off('error', onError);
      this.sock.off('listening', onListening);
      done(hostError(e));
    }
  }
  send(data: Uint8Array, address: string | undefined, port: number | undefined, done: (err: HostError | null) => void): void {
    const cb = (e: Error | null) => done(e ? hostError(e) : null);
    if (address === undefined || port === undefined) return this.attempt(() => this.sock.send(data, cb), done);
    this.target(address, false, (err, resolved) => (err ? done(err) : this.attempt(() => this.sock.send(data, port, resolved, cb), done)));
  }
  connect(address: string, port: number, done: (err: HostError | null, resolved?: string) => void): void {
    this.target(address, false, (err, resolved) => {
      if (err) return done(err);
      this.attempt(() => this.sock.connect(port, resolved, () => done(null, resolved)), done);
    });
  }
  /** Runs `f`, reporting what it throws through `done`. */
  private attempt(f: () => void, done: (err: HostError | null) => void): void {
    try {
      f();
    } catch (e) {
      done(hostError(e));
    }
  }
  disconnect(): void {
    try {
      this.sock.disconnect();
    } catch {
      // Not connected: nothing to undo.
    }
  }
  local(): { address: string; port: number } | null {
    if (!this.isBound) return null;
    try {
      const a = this.sock.address();
      return { address: a.address, port: a.port };
    } catch {
      return null;
    }
  }
  close(): void {
    try {
      this.sock.close();
    } catch {
      // Already closed.
    }
  }
  private option(f: () => void): void {
    try {
      f();
    } catch (e) {
      throw hostError(e);
    }
  }
  setTTL(ttl: number): void {
    this.option(() => this.sock.setTTL(ttl));
  }
  setMulticastTTL(ttl: number): void {
    this.option(() => this.sock.setMulticastTTL(ttl));
  }
  setMulticastLoopback(on: boolean): void {
    this.option(() => this.sock.setMulticastLoopback(on));
  }
  setMulticastInterface(address: string): void {
    this.option(() => this.sock.setMulticastInterface(address));
  }
  addMembership(group: string, iface: string | undefined): void {
    this.option(() => this.sock.addMembership(group, iface));
  }
  dropMembership(group: string, iface: string | undefined): void {
    this.option(() => this.sock.dropMembership(group, iface));
  }
  setRecvBufferSize(size: number): void {
    this.option(() => this.sock.setRecvBufferSize(size));
  }
}

export const nodeUdp: HostUdp = {
  create: (family, reuse, onMessage, onBound) => new NodeUdpSocket(family, reuse, onMessage, onBound),
  lookup: lookupName,
};
