// UDP over Node's dgram for the Node host.

import { createSocket, type Socket } from 'node:dgram';
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
};

export function hostError(e: unknown): HostError {
  const err = e as { code?: string; errno?: number; message?: string };
  const code = err.code ?? 'EIO';
  const known = ERRORS[code];
  return { code, errno: known ? known[0] : Math.abs(err.errno ?? 5), text: known ? known[1] : (err.message ?? code) };
}

class NodeUdpSocket implements HostUdpSocket {
  private readonly sock: Socket;
  private isBound = false;
  constructor(family: 4 | 6, reuse: boolean, onMessage: (data: Uint8Array, address: string, port: number) => void, onBound: () => void) {
    this.sock = createSocket({ type: family === 6 ? 'udp6' : 'udp4', reuseAddr: reuse });
    this.sock.on('message', (msg, rinfo) => onMessage(msg, rinfo.address, rinfo.port));
    this.sock.on('listening', () => {
      this.isBound = true;
      onBound();
    });
    // Errors are reported through the callbacks of the operations that cause them.
    this.sock.on('error', () => {});
  }
  bind(address: string | undefined, port: number, done: (err: HostError | null) => void): void {
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
    try {
      const cb = (e: Error | null) => done(e ? hostError(e) : null);
      if (port === undefined) this.sock.send(data, cb);
      else this.sock.send(data, port, address, cb);
    } catch (e) {
      done(hostError(e));
    }
  }
  connect(address: string, port: number, done: (err: HostError | null) => void): void {
    try {
      this.sock.connect(port, address, () => done(null));
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
};
