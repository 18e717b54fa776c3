// The runtime as a whole: isolation between runtimes, threads that spin or
// sleep next to Node's own event loop, and the timing of sleep.

import { describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

function capture(overrides: Partial<Host> = {}) {
  const out = { text: '', err: '' };
  const host = {
    ...nodeHost(),
    writeStdout: (s: string) => void (out.text += s),
    writeStderr: (s: string) => void (out.err += s),
    ...overrides,
  };
  return { rt: new Runtime({ host }), out };
}

// A loaded CI machine can hold a process back for tens or hundreds of
// milliseconds, so the upper bounds on waits below are generous: they catch a
// scheduler that keeps a thread or Node waiting for good (or a wait in the
// wrong unit), not one that is a few milliseconds late. A wait never ends
// early, so the lower bounds stay exact.
const LATE_MS = 1000;

describe('runtime', () => {
  it('keeps two runtimes in one process apart', async () => {
    const a = capture();
    const b = capture();
    await a.rt.runTopLevel('(define only-in-a 1) (define p (make-parameter 1)) (p 2)');
    await b.rt.runTopLevel('(define p (make-parameter 1)) (p)');
    await b.rt.runTopLevel('only-in-a');
    expect(b.out.text).toBe('1\n');
    expect(b.out.err).toContain('only-in-a: undefined');
    expect(a.out.err).toBe('');
  });

  it('lets Node timers fire while a Racket thread spins', async () => {
    // The host's getenv is the handshake: the program's first call schedules
    // a 20 ms Node timer, then the program spins, never blocking, until
    // getenv reports that the timer fired (giving up after 10 s). So the
    // timer fired while the thread spun, however slow the machine.
    let scheduled = -1;
    let firedAfter = -1;
    const getenv = (name: string) => {
      if (name === 'START_TIMER') {
        scheduled = performance.now();
        setTimeout(() => (firedAfter = performance.now() - scheduled), 20);
        return 'started';
      }
      return name === 'TIMER_FIRED' && firedAfter >= 0 ? 'fired' : undefined;
    };
    const { rt, out } = capture({ getenv });
    await rt.runTopLevel(`
      (void (getenv "START_TIMER"))
      (define give-up (+ (current-inexact-milliseconds) 10000))
      (let loop ()
        (cond [(getenv "TIMER_FIRED") (display "fired while spinning")]
              [(< (current-inexact-milliseconds) give-up) (loop)]
              [else (display "spun 10 s without the timer firing")]))`);
    expect(out.text).toBe('fired while spinning');
    expect(firedAfter).toBeGreaterThanOrEqual(19);
    expect(firedAfter).toBeLessThan(LATE_MS);
  });

  it('runs a sleeping thread, not before its time, while another spins', async () => {
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define start (current-inexact-milliseconds))
      (define woke #f)
      (define sleeper (thread (lambda () (sleep 0.05) (set! woke (- (current-inexact-milliseconds) start)))))
      (define spinner (thread (lambda () (let loop () (loop)))))
      (void (sync/timeout 10 sleeper))
      (kill-thread spinner)
      (display woke)`);
    expect(out.text, 'the sleeper did not wake within 10 s').not.toBe('#f');
    const woke = Number(out.text);
    expect(woke).toBeGreaterThanOrEqual(49);
    expect(woke).toBeLessThan(LATE_MS);
  });

  it('sleeps at least as long as asked, and not ten times as long', async () => {
    // Timed inside the program, so that the runtime's start-up does not count.
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define t0 (current-inexact-monotonic-milliseconds))
      (sleep 0.1)
      (display (- (current-inexact-monotonic-milliseconds) t0))`);
    const elapsed = Number(out.text);
    expect(elapsed).toBeGreaterThanOrEqual(99);
    expect(elapsed).toBeLessThan(LATE_MS);
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

  it('returns from sync/timeout 0.05 after 50 ms, before a sleep that ends 50 ms later', async () => {
    // The sleeper starts its 100 ms sleep after the sync/timeout has started
    // (it first runs when the main thread blocks), so its sleep ends at least
    // 50 ms after the timeout: the timeout is on time compared with a sleep,
    // which a loaded machine delays just as much.
    const { rt, out } = capture();
    await rt.runTopLevel(`
      (define slept #f)
      (define t0 (current-inexact-milliseconds))
      (define sleeper (thread (lambda () (sleep 0.1) (set! slept #t))))
      (define r (sync/timeout 0.05 never-evt))
      (define dt (- (current-inexact-milliseconds) t0))
      (printf "~a ~a ~a" r slept dt)`);
    const [r, slept, dt] = out.text.split(' ');
    expect(r).toBe('#f');
    expect(slept).toBe('#f');
    expect(Number(dt)).toBeGreaterThanOrEqual(49);
    expect(Number(dt)).toBeLessThan(LATE_MS);
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
      (void (sync/timeout 10 receiver))
      (kill-thread spinner)
      (display latency)`);
    expect(out.text, 'the datagram was not received within 10 s').not.toBe('#f');
    expect(Number(out.text)).toBeLessThan(LATE_MS);
  });
});
