// Embedding overhead: calls crossing the JS/Racket boundary per second.
//   node bench/embed/calls.mjs [N]
// Prints one line per direction. Uses the built package (dist/index.mjs).

import { Racket } from '../../dist/index.mjs';

const n = Number(process.argv[2] ?? 20000);
const racket = new Racket({ procedures: { inc: (x) => x + 1, 'inc-later': async (x) => x + 1 } });

// JS calling a Racket procedure, one call at a time (each is a Racket thread and a Promise).
const add1 = await racket.eval('(lambda (x) (+ x 1))');
let t = performance.now();
for (let i = 0; i < n; i++) await add1(i);
const jsToRacket = n / ((performance.now() - t) / 1000);

// Racket calling a synchronous host procedure in a loop.
t = performance.now();
await racket.eval(`(for ([i (in-range ${n * 10})]) (inc i))`);
const racketToJs = (n * 10) / ((performance.now() - t) / 1000);

// Racket calling a host procedure that returns a Promise (the thread waits each time).
t = performance.now();
await racket.eval(`(for ([i (in-range ${n})]) (inc-later i))`);
const racketToAsync = n / ((performance.now() - t) / 1000);

await racket.close();
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log(`JS -> Racket procedure (await each):        ${fmt(jsToRacket)} calls/s`);
console.log(`Racket -> JS host procedure (synchronous):   ${fmt(racketToJs)} calls/s`);
console.log(`Racket -> JS host procedure (Promise):       ${fmt(racketToAsync)} calls/s`);
