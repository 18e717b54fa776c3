// The receive queue of a racket/udp socket is bounded, as the kernel's
// receive buffer is: datagrams that arrive while it is full are dropped
// (a scheme program cannot show this deterministically, since the kernel's
// own buffer drops first or not depending on timing).

import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVE_BUFFER, UdpSocket } from '../../src/prims/udp/socket.js';
import { evalCaptured } from '../support/run.js';

const datagram = (size: number, tag = 0) => ({ data: new Uint8Array(size).fill(tag), address: '127.0.0.1', port: 9 });

describe('the UDP receive queue', () => {
  it('keeps datagrams up to the receive-buffer size and drops the rest', () => {
    const s = new UdpSocket(4);
    s.setReceiveBufferSize(1000);
    for (let i = 0; i < 20; i++) s.deliver(datagram(100, i));
    expect(s.queue.length).toBe(10);
    // The first ten arrived; the later ones were dropped, not the earlier ones.
    expect(s.queue.map((d) => d.data[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('makes room again as datagrams are received', () => {
    const s = new UdpSocket(4);
    s.setReceiveBufferSize(300);
    for (let i = 0; i < 3; i++) s.deliver(datagram(100, i));
    s.deliver(datagram(100, 3));
    expect(s.queue.length).toBe(3);
    expect(s.take()?.data[0]).toBe(0);
    s.deliver(datagram(100, 4));
    expect(s.queue.map((d) => d.data[0])).toEqual([1, 2, 4]);
  });

  it('drops a datagram larger than the space left, but takes a smaller one after it', () => {
    const s = new UdpSocket(4);
    s.setReceiveBufferSize(250);
    s.deliver(datagram(200, 1));
    s.deliver(datagram(100, 2));
    s.deliver(datagram(50, 3));
    expect(s.queue.map((d) => d.data[0])).toEqual([1, 3]);
  });

  it('has the kernel default bound, and queues nothing once closed', () => {
    const s = new UdpSocket(4);
    expect(s.receiveBufferSize).toBe(DEFAULT_RECEIVE_BUFFER);
    let n = 0;
    while (n * 1000 <= DEFAULT_RECEIVE_BUFFER + 10_000) {
      s.deliver(datagram(1000));
      n++;
    }
    expect(s.queue.length).toBe(Math.floor(DEFAULT_RECEIVE_BUFFER / 1000));
    s.close();
    s.deliver(datagram(10));
    expect(s.queue.length).toBe(0);
  });

  it('bounds what a Racket program can receive after a burst into a small buffer', async () => {
    const r = await evalCaptured(`
      (require racket/udp)
      (define s (udp-open-socket "127.0.0.1" #f))
      (udp-bind! s "127.0.0.1" 0)
      (udp-set-receive-buffer-size! s 640)
      (define-values (a port b c) (udp-addresses s #t))
      (define c (udp-open-socket))
      (for ([i 50]) (udp-send-to c "127.0.0.1" port (make-bytes 64 i)))
      ;; Instead of a fixed wait for the burst to arrive: a marker sent after
      ;; it, to another socket. Loopback delivers in order, so by the time the
      ;; marker is received the burst has reached the socket (or been dropped).
      (define m (udp-open-socket "127.0.0.1" #f))
      (udp-bind! m "127.0.0.1" 0)
      (define-values (ma mport mb mc) (udp-addresses m #t))
      (udp-send-to c "127.0.0.1" mport #"marker")
      (unless (sync/timeout 10 (udp-receive-ready-evt m)) (error "no marker within 10 s"))
      (define buf (make-bytes 64))
      (let loop ([n 0])
        (define-values (k h p) (udp-receive!* s buf))
        (if k (loop (+ n 1)) (displayln n)))`);
    expect(r.stderr).toBe('');
    const received = Number(r.stdout.trim());
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(10);
  });
});

describe('a flood of empty datagrams', () => {
  it('fills the queue too: each datagram costs at least a little of the buffer', () => {
    const s = new UdpSocket(4);
    for (let i = 0; i < 1_000_000; i++) s.deliver(datagram(0));
    // The default buffer holds a bounded number of them, not a million.
    expect(s.queue.length).toBeLessThanOrEqual(DEFAULT_RECEIVE_BUFFER / 32);
    expect(s.queue.length).toBeGreaterThan(0);
    s.take();
    s.deliver(datagram(0));
    expect(s.queue.length).toBe(Math.floor(DEFAULT_RECEIVE_BUFFER / 32));
  });
});

describe('sends the system would refuse', () => {
  it('raise exn:fail:network for a datagram larger than IP carries (Racket 8.7 fails with a string-append error)', async () => {
    const r = await evalCaptured(`(require racket/udp)
(define s (udp-open-socket "127.0.0.1" #f))
(define (message thunk) (with-handlers ([exn:fail:network? exn-message]) (thunk)))
(message (lambda () (udp-send-to* s "127.0.0.1" 9 (make-bytes 65508))))
(message (lambda () (udp-send-to s "127.0.0.1" 9 (make-bytes 70000))))
(udp-send-to* s "127.0.0.1" 9 (make-bytes 65507))
(define s6 (udp-open-socket "::1" #f))
(message (lambda () (udp-send-to* s6 "::1" 9 (make-bytes 65528))))
(udp-send-to* s6 "::1" 9 (make-bytes 65527))`);
    expect(r.stdout).toBe(
      [
        '"udp-send-to*: send failed\\n  system error: Message too long; errno=90"',
        '"udp-send-to: send failed\\n  system error: Message too long; errno=90"',
        '#t',
        '"udp-send-to*: send failed\\n  system error: Message too long; errno=90"',
        '#t',
        '',
      ].join('\n'),
    );
  });
});
