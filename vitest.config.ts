import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A timeout is there to catch a hang, not to measure speed: the heaviest
    // tests (a million-deep recursion, printing million-element lists) take
    // a few seconds on an idle machine and several times that on a busy CI
    // machine whose cores are shared.
    testTimeout: 120_000,
    pool: 'threads',
  },
});
