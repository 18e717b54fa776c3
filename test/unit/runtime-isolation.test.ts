// Two runtimes in one process share nothing mutable that a script can see:
// eq-hash-code's numbers, which once came from one process-wide counter (so
// a script could count another runtime's allocations), and environment
// variables, which putenv once wrote into process.env.

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

describe('environment variables of embedded runtimes', () => {
  it("are a private copy by default: putenv changes neither process.env nor another runtime's", async () => {
    process.env.RKT_ISOLATION_SEEN = 'from the host';
    const a = new Racket();
    const b = new Racket();
    try {
      expect(await a.eval('(getenv "RKT_ISOLATION_SEEN")')).toBe('from the host');
      expect(await a.eval('(putenv "RKT_ISOLATION_SET" "by a") (getenv "RKT_ISOLATION_SET")')).toBe('by a');
      expect(process.env.RKT_ISOLATION_SET).toBeUndefined();
      expect(await b.eval('(getenv "RKT_ISOLATION_SET")')).toBe(false);
    } finally {
      delete process.env.RKT_ISOLATION_SEEN;
      await a.close();
      await b.close();
    }
  });

  it("are none under env: 'deny' (putenv refuses), and only the names listed under a list", async () => {
    process.env.RKT_ISOLATION_LISTED = 'listed';
    process.env.RKT_ISOLATION_UNLISTED = 'unlisted';
    const denied = new Racket({ env: 'deny' });
    const listed = new Racket({ env: ['RKT_ISOLATION_LISTED'] });
    try {
      expect(await denied.eval('(list (getenv "RKT_ISOLATION_LISTED") (putenv "X" "1") (getenv "X"))')).toEqual([false, false, false]);
      expect(await listed.eval('(list (getenv "RKT_ISOLATION_LISTED") (getenv "RKT_ISOLATION_UNLISTED"))')).toEqual(['listed', false]);
      expect(await listed.eval('(environment-variables-names (current-environment-variables))')).toHaveLength(1);
    } finally {
      delete process.env.RKT_ISOLATION_LISTED;
      delete process.env.RKT_ISOLATION_UNLISTED;
      await denied.close();
      await listed.close();
    }
  });
});
