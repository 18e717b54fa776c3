// The runtime as a whole: isolation between runtimes, threads that spin or
// sleep next to Node's own event loop, and the timing of sleep.

import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

function capture() {
  const out = { text: '', err: '' };
  const host = { ...nodeHost(), writeStdout: (s: string) => void (out.text += s), writeStderr: (s: string) => void (out.err += s) };
  return { rt: new Runtime({ host }), out };
}

describe('runtime', () => {
  it('keeps two runtimes in one process apart', async () => {
    const a = capture();
    const b = capture();
    await a.rt.runTopLevel('(define shared 1) (define p (make-parameter 1)) (p 2)');
    await b.rt.runTopLevel('(define p (make-parameter 1)) (p)');
    await b.rt.runTopLevel('shared');
    expect(b.out.text).toBe('1\n');
    expect(b.out.err).toContain('shared: undefined');
    expect(a.out.err).toBe('');
  });

  it('lets Node timers fire while a Racket thread spins', async () => {
    const { rt, out } = capture();
    const scheduled = performance.now();
    let firedAfter = -1;
    setTimeout(() => (firedAfter = performance.now() - scheduled), 20);
    // Spin for 400 ms of wall time in a Racket loop, then report.
    await rt.runTopLevel(
      '(define end (+ (current-inexact-milliseconds) 400)) (let loop () (when (< (current-inexact-milliseconds) end) (loop))) (display "spun")',
    );
    expect(out.text).toBe('spun');
    expect(firedAfter).toBeGreaterThanOrEqual(19);
    expect(firedAfter).toBeLessThan(150);
  });

  it('runs a sleeping thread on time while another spins', async () => {
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define start (current-inexact-milliseconds))
      (define woke #f)
      (define sleeper (thread (lambda () (sleep 0.05) (set! woke (- (current-inexact-milliseconds) start)))))
      (define spinner (thread (lambda () (let loop () (loop)))))
      (thread-wait sleeper)
      (kill-thread spinner)
      (display (and (>= woke 49) (< woke 150)))`);
    expect(out.text).toBe('#t');
  });

  it('sleeps about as long as asked', async () => {
    const { rt, out } = capture();
    const t0 = performance.now();
    await rt.runTopLevel('(sleep 0.1) (display "done")');
    const elapsed = performance.now() - t0;
    expect(out.text).toBe('done');
    expect(elapsed).toBeGreaterThanOrEqual(99);
    expect(elapsed).toBeLessThan(300);
  });

  it('creates, blocks and joins many threads', async () => {
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define n 10000)
      (define count 0)
      (define ts (build-list n (lambda (i) (thread (lambda () (sleep 0.01) (set! count (+ count 1)))))))
      (for-each thread-wait ts)
      (display count)`);
    expect(out.text).toBe('10000');
  });

  it('returns from sync/timeout 0.05 within a few milliseconds of 50 ms', async () => {
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define t0 (current-inexact-milliseconds))
      (define r (sync/timeout 0.05 never-evt))
      (define dt (- (current-inexact-milliseconds) t0))
      (display (list r (>= dt 49) (< dt 70)))`);
    expect(out.text).toBe('(#f #t #t)');
  });

  it('delivers a datagram to a blocked receiver while another thread spins', async () => {
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (require racket/udp)
      (define r (udp-open-socket "127.0.0.1" #f))
      (udp-bind! r "127.0.0.1" 0)
      (define-values (h port _h _p) (udp-addresses r #t))
      (define latency #f)
      (define sent-at #f)
      (define receiver
        (thread (lambda ()
                  (udp-receive! r (make-bytes 10))
                  (set! latency (- (current-inexact-milliseconds) sent-at)))))
      (define spinner (thread (lambda () (let loop () (loop)))))
      (sleep 0.02)
      (define s (udp-open-socket "127.0.0.1" #f))
      (set! sent-at (current-inexact-milliseconds))
      (udp-send-to s "127.0.0.1" port #"ping")
      (thread-wait receiver)
      (kill-thread spinner)
      (display (< latency 30))`);
    expect(out.text).toBe('#t');
  });
});
