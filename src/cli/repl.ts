// The read-eval-print loop: prompts with `> `, reads complete expressions
// (continuing on the next line while one is unfinished), evaluates each in
// the top-level namespace and prints its results as Racket's REPL does.

import { createInterface } from 'node:readline';
import { ReadError, readOne } from '../reader/index.js';
import type { Runtime } from '../runtime/runtime.js';

export async function runRepl(rt: Runtime): Promise<number> {
  process.stdout.write('> ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  let pending = '';
  for await (const line of rl) {
    pending += line + '\n';
    for (;;) {
      let complete: boolean;
      try {
        let off = 0;
        for (;;) {
          const r = readOne(pending, off, 'stdin');
          if (r.datum === null) break;
          off = r.end;
        }
        complete = true;
      } catch (e) {
        if (e instanceof ReadError && e.incomplete) {
          complete = false;
        } else {
          complete = true;
        }
      }
      if (!complete) break;
      const text = pending;
      pending = '';
      if (text.trim() !== '') {
        const code = await rt.evalInteractive(text);
        if (code !== null) {
          rl.close();
          return code;
        }
      }
      process.stdout.write('> ');
      break;
    }
  }
  process.stdout.write('\n');
  return 0;
}
