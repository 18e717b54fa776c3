// What Racket programs cannot compare with Racket's outputs: rkt's futures
// never run in parallel, and futures-enabled? says so (Racket CS says #t).

import { describe, expect, it } from 'vitest';
import { evalCaptured } from '../support/run.js';

describe('racket/future', () => {
  it('futures-enabled? is #f and processor-count is the host count', async () => {
    const r = await evalCaptured('(require racket/future) (list (futures-enabled?) (exact-positive-integer? (processor-count)))');
    expect(r.stdout).toBe("'(#f #t)\n");
  });

  it('a future that is never touched never runs', async () => {
    const r = await evalCaptured('(require racket/future) (define ran #f) (define f (future (lambda () (set! ran #t)))) (sleep 0.01) ran');
    expect(r.stdout).toBe('#f\n');
  });
});
