// TCP over Node's net for the Node host. Sockets are made half-open capable
// (closing one direction leaves the other working, as a Racket TCP port pair
// does) and paused until the program first reads.

import { lookup } from 'node:dns';
import { createServer, connect as netConnect, isIP, type Socket } from 'node:net';
import type { HostEndpoint, HostError, HostTcp, HostTcpConnection, HostTcpListener, HostTcpLocal } from './host.js';
import { hostError, lookupName, resolveError } from './node-udp.js';

/** errno numbers and texts of the errors TCP adds to UDP's (Linux values, as Racket shows them). */
const TCP_ERRORS: Record<string, [number, string]> = {
  EPIPE: [32, 'Broken pipe'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ECONNABORTED: [103, 'Software caused connection abort'],
  ETIMEDOUT: [110, 'Connection timed out'],
  ENOTCONN: [107, 'Transport endpoint is not connected'],
};

function tcpError(e: unknown): HostError {
  const code = (e as { code?: string }).code ?? 'EIO';
  const known = TCP_ERRORS[code];
  return known ? { code, errno: known[0], text: known[1] } : hostError(e);
}

const EPIPE: HostError = { code: 'EPIPE', errno: 32, text: 'Broken pipe' };

/** An IPv4 address as an IPv6 socket reports it ("::ffff:127.0.0.1") reads as IPv4, as Racket reports it. */
function unmapped(address: string | undefined): string {
  if (address === undefined) return '0.0.0.0';
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

class NodeTcpConnection implements HostTcpConnection {
  private readonly localEnd: HostEndpoint;
  private readonly remoteEnd: HostEndpoint;
  private failed = false;
  private ended = false;
  private onEnd: (() => void) | null = null;
  constructor(private readonly sock: Socket) {
    this.localEnd = { address: unmapped(sock.localAddress), port: sock.localPort ?? 0 };
    this.remoteEnd = { address: unmapped(sock.remoteAddress), port: sock.remotePort ?? 0 };
    // A reset or a failed write ends the input, as the system's read would, and fails later writes.
    sock.on('error', () => {
      this.failed = true;
    });
    sock.on('end', () => this.finishInput());
    sock.on('close', () => this.finishInput());
  }
  private finishInput(): void {
    if (this.ended) return;
    this.ended = true;
    const f = this.onEnd;
    this.onEnd = null;
    f?.();
  }
  read(onData: (chunk: Uint8Array) => void, onEnd: () => void): void {
    if (this.ended) return onEnd();
    this.onEnd = onEnd;
    this.sock.on('data', (chunk: Uint8Array) => onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
    this.sock.resume();
  }
  write(data: Uint8Array): void {
    if (this.failed || this.sock.destroyed || this.sock.writableEnded) throw EPIPE;
    this.sock.write(data);
  }
  end(): void {
    if (!this.sock.destroyed) this.sock.end();
  }
  close(): void {
    if (this.sock.destroyed) return;
    if (this.sock.writableFinished) this.sock.destroy();
    else this.sock.end(() => this.sock.destroy());
    // Nothing more is read: what still arrives is the system's to refuse.
    this.sock.pause();
  }
  destroy(): void {
    this.sock.destroy();
  }
  local(): HostEndpoint {
    return this.localEnd;
  }
  remote(): HostEndpoint {
    return this.remoteEnd;
  }
}

/** Every address `name` resolves to, in the resolver's order. */
function lookupAll(name: string, done: (err: HostError | null, addresses: string[]) => void): void {
  if (isIP(name) !== 0) return done(null, [name]);
  if (name === '') return done(resolveError('ENOTFOUND'), []);
  lookup(name, { all: true }, (err, addresses) => {
    if (err) done(resolveError(err.code ?? 'ENOTFOUND'), []);
    else if (addresses.length === 0) done(resolveError('ENOTFOUND'), []);
    else
      done(
        null,
        addresses.map((a) => a.address),
      );
  });
}

function listen(
  address: string | undefined,
  port: number,
  backlog: number,
  onConnection: (c: HostTcpConnection) => void,
  done: (err: HostError | null, listener?: HostTcpListener) => void,
): void {
  const start = (host: string | undefined) => {
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, (sock) => onConnection(new NodeTcpConnection(sock)));
    const onError = (e: Error) => done(hostError(e));
    server.once('error', onError);
    server.listen({ host, port, backlog: Math.max(1, Math.min(backlog, 0x7fffffff)) }, () => {
      server.off('error', onError);
      // Errors after listening (none are expected) must not reach the process.
      server.on('error', () => {});
      const a = server.address();
      const local = typeof a === 'object' && a !== null ? { address: unmapped(a.address), port: a.port } : { address: '0.0.0.0', port };
      done(null, { local: () => local, close: () => void server.close() });
    });
  };
  if (address === undefined) return start(undefined);
  lookupName(address, (err, resolved) => (err ? done(err) : start(resolved)));
}

function connect(address: string, port: number, local: HostTcpLocal, done: (err: HostError | null, c?: HostTcpConnection) => void): void {
  lookupAll(address, (err, addresses) => {
    if (err) return done(err);
    let last: HostError | null = null;
    const attempt = (i: number) => {
      if (i >= addresses.length) return done(last);
      const sock = netConnect({ host: addresses[i], port, localAddress: local.address, localPort: local.port, allowHalfOpen: true });
      sock.pause();
      const onError = (e: Error) => {
        last = tcpError(e);
        sock.destroy();
        attempt(i + 1);
      };
      sock.once('error', onError);
      sock.once('connect', () => {
        sock.off('error', onError);
        done(null, new NodeTcpConnection(sock));
      });
    };
    attempt(0);
  });
}

export const nodeTcp: HostTcp = { listen, connect, lookup: lookupName };
