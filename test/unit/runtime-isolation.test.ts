// Two runtimes in one process share nothing mutable that a script can see:
// here, eq-hash-code's numbers, which once came from one process-wide
// counter (so a script could count another runtime's allocations).

import { describe, expect, it } from 'vitest';
import { Racket } from '../../src/embed/index.js';

const codes = '(map eq-hash-code (list (box 1) (box 2) (box 3)))';
const churn = '(for ([i 1000]) (eq-hash-code (box i)))';

describe('runtimes in one process', () => {
  it("give eq-hash-code numbers that another runtime's work does not change", async () => {
    const quiet = [new Racket(), new Racket()];
    const busy = [new Racket(), new Racket()];
    try {
      // The same script in two runtimes, once alone and once with another runtime hashing in between.
      const alone = [await quiet[0].eval(codes), await quiet[0].eval(codes)];
      const first = await busy[0].eval(codes);
      await busy[1].eval(churn);
      const second = await busy[0].eval(codes);
      expect([first, second]).toEqual(alone);
    } finally {
      for (const r of [...quiet, ...busy]) await r.close();
    }
  });
});
