// Memory per parked thread: runs bench/threads/memory.rkt in this process and
// compares the heap before and while 10,000 threads are blocked on a channel.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const file = fileURLToPath(new URL('./memory.rkt', import.meta.url));
const { Runtime, nodeHost } = require('../../dist/lib.cjs');

global.gc?.();
const before = process.memoryUsage().heapUsed;
let during = 0;
const host = {
  ...nodeHost(),
  writeStdout(s) {
    if (s.includes('parked')) {
      global.gc?.();
      during = process.memoryUsage().heapUsed;
    }
    process.stdout.write(s);
  },
};
const code = await new Runtime({ host }).runFile(file);
console.log(
  `exit ${code}; heap while 10,000 threads are parked: +${((during - before) / 1024 / 1024).toFixed(1)} MiB, ${Math.round((during - before) / 10000)} bytes per thread`,
);
