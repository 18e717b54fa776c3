// The benchmark suite: each program under this runtime (bin/rkt), under
// BiwaScheme 0.8.3, and under Racket when `racket` is on PATH. Prints one
// table of whole-process median wall times and the ratios.
//
//   npm run bench                 all programs
//   npm run bench -- fib tak      some of them (`udp`: the UDP ping-pong and one-way burst; `channel`: the channel ping-pong;
//                                 `expand`: expanding and running a 2,000-line module of macro uses)
//   RUNS=5 npm run bench          runs per measurement (default 3)

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const programsDir = join(here, 'programs');
const runs = Number(process.env.RUNS ?? 3);
const only = process.argv.slice(2);
const rkt = join(root, 'bin', 'rkt');
const biwas = join(root, 'node_modules', 'biwascheme', 'bin', 'biwas');
const hasRacket = spawnSync('racket', ['--version']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'rkt-bench-'));

/** Median wall time (ms) of running `cmd args` `runs` times; checks the output. */
function time(cmd, args, expected) {
  const times = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    times.push(performance.now() - t0);
    if (r.status !== 0) return { ms: NaN, error: (r.stderr || r.stdout).split('\n')[0] };
    out = r.stdout;
  }
  if (expected !== undefined && out !== expected) return { ms: NaN, error: `wrong output: ${JSON.stringify(out.slice(0, 60))}` };
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], out };
}

/** The BiwaScheme version of a program: NAME.biwa.scm, or the .rkt without #lang and with () for []. */
function biwaSource(name) {
  const own = join(programsDir, `${name}.biwa.scm`);
  if (existsSync(own)) return own;
  const text = readFileSync(join(programsDir, `${name}.rkt`), 'utf8')
    .replace(/^#lang.*\n/, '')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')');
  const file = join(scratch, `${name}.scm`);
  writeFileSync(file, text);
  return file;
}

const names = readdirSync(programsDir)
  .filter((f) => f.endsWith('.rkt'))
  .map((f) => f.slice(0, -4))
  .filter((n) => only.length === 0 || only.includes(n));
// `npm run bench -- udp` runs only the UDP part.

const fmt = (ms) => (Number.isNaN(ms) ? 'error' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '-' : `${(a / b).toFixed(1)}x`);

const rows = [];
const notes = [];
for (const name of names) {
  const file = join(programsDir, `${name}.rkt`);
  const ours = time(process.execPath, [rkt, file]);
  const expected = ours.out;
  const racket = hasRacket ? time('racket', [file]) : { ms: NaN };
  if (hasRacket && racket.out !== undefined && racket.out !== expected) notes.push(`${name}: rkt and racket disagree`);
  const biwa = time(process.execPath, [biwas, biwaSource(name)], expected);
  for (const [who, r] of [
    ['rkt', ours],
    ['biwascheme', biwa],
    ['racket', racket],
  ])
    if (r.error) notes.push(`${name} (${who}): ${r.error}`);
  rows.push([
    name,
    fmt(ours.ms),
    fmt(biwa.ms),
    hasRacket ? fmt(racket.ms) : 'n/a',
    ratio(biwa.ms, ours.ms),
    hasRacket ? ratio(ours.ms, racket.ms) : 'n/a',
  ]);
}

const startup = time(process.execPath, [rkt, '-e', '(display 1)'], '1');

// Expansion: read, expand, compile and run a generated 2,000-line module of macro uses (Racket compiles it afresh each run).
let expandRow = null;
if (only.length === 0 || only.includes('expand')) {
  const file = join(scratch, 'expand.rkt');
  spawnSync(process.execPath, [join(here, 'expand', 'generate.mjs'), file]);
  const lines = readFileSync(file, 'utf8').split('\n').length;
  const ours = time(process.execPath, [rkt, file]);
  const racket = hasRacket ? time('racket', [file], ours.out) : { ms: NaN };
  if (ours.error) notes.push(`expand (rkt): ${ours.error}`);
  if (racket.error) notes.push(`expand (racket): ${racket.error}`);
  expandRow = `\nexpansion, a ${lines}-line module of macro uses: rkt ${fmt(ours.ms)}  Racket 8.7 ${hasRacket ? fmt(racket.ms) : 'n/a'}  (rkt/Racket ${hasRacket ? ratio(ours.ms, racket.ms) : 'n/a'})`;
}

// UDP ping-pong: round trips per second (the program prints its own figure).
const udpDir = join(here, 'udp');
const trips = process.env.UDP_TRIPS ?? '20000';
function rate(cmd, args, unit = 'round trips/s') {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  const m = new RegExp(`([\\d.]+) ${unit.replace('/', '\\/')}`).exec(r.stdout ?? '');
  return m ? Math.round(Number(m[1])) : NaN;
}
const udpRows = [];
if (only.length === 0 || only.includes('udp')) {
  const ours = rate(process.execPath, [rkt, join(udpDir, 'pingpong.rkt'), trips]);
  const node = rate(process.execPath, [join(udpDir, 'pingpong-node.mjs'), trips]);
  const racket = hasRacket ? rate('racket', [join(udpDir, 'pingpong.rkt'), trips]) : NaN;
  udpRows.push([
    '64-byte ping-pong',
    String(ours),
    hasRacket ? String(racket) : 'n/a',
    String(node),
    hasRacket ? `${(ours / racket).toFixed(1)}x` : 'n/a',
  ]);
}
// UDP one-way burst: datagrams received per second, and how many were lost.
const burstCount = process.env.UDP_BURST ?? '20000';
function burst(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  const m = /([\d.]+) datagrams\/s, (\d+) lost/.exec(r.stdout ?? '');
  return m ? { rate: Math.round(Number(m[1])), lost: m[2] } : { rate: NaN, lost: '?' };
}
const burstRows = [];
if (only.length === 0 || only.includes('udp')) {
  const cell = (b) => (Number.isNaN(b.rate) ? 'error' : `${b.rate} (${b.lost} lost)`);
  const ours = burst(process.execPath, [rkt, join(udpDir, 'burst.rkt'), burstCount]);
  const racket = hasRacket ? burst('racket', [join(udpDir, 'burst.rkt'), burstCount]) : null;
  const node = burst(process.execPath, [join(udpDir, 'burst-node.mjs'), burstCount]);
  burstRows.push([
    '64-byte one-way burst',
    cell(ours),
    racket ? cell(racket) : 'n/a',
    cell(node),
    racket ? `${(ours.rate / racket.rate).toFixed(1)}x` : 'n/a',
  ]);
}
const header = ['program', 'rkt', 'BiwaScheme', 'Racket 8.7', 'BiwaScheme/rkt', 'rkt/Racket'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
if (rows.length > 0) {
  console.log(`whole-process median wall time of ${runs} runs; node ${process.version}`);
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}
console.log(`\nstartup: rkt -e '(display 1)': ${fmt(startup.ms)}`);
if (expandRow !== null) console.log(expandRow);
// Channel ping-pong between two threads: messages per second.
const messages = process.env.CHANNEL_ROUND_TRIPS ?? '200000';
let channelRow = null;
if (only.length === 0 || only.includes('channel')) {
  const file = join(here, 'threads', 'channel-pingpong.rkt');
  const ours = rate(process.execPath, [rkt, file, messages], 'messages/s');
  const racket = hasRacket ? rate('racket', [file, messages], 'messages/s') : NaN;
  channelRow = [String(ours), hasRacket ? String(racket) : 'n/a', hasRacket ? `${(ours / racket).toFixed(2)}x` : 'n/a'];
}
if (channelRow !== null) {
  console.log(
    `\nchannel ping-pong, ${messages} round trips: messages/s  rkt ${channelRow[0]}  Racket 8.7 ${channelRow[1]}  (rkt/Racket ${channelRow[2]})`,
  );
}
if (udpRows.length > 0) {
  const h = ['UDP (round trips/s)', 'rkt', 'Racket 8.7', 'Node dgram', 'rkt/Racket'];
  const w = h.map((x, i) => Math.max(x.length, ...udpRows.map((r) => r[i].length)));
  const ln = (cells) => '| ' + cells.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
  console.log(`\n${trips} round trips on loopback`);
  console.log(ln(h));
  console.log('|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|');
  for (const r of udpRows) console.log(ln(r));
}
if (burstRows.length > 0) {
  const h = ['UDP (datagrams/s received)', 'rkt', 'Racket 8.7', 'Node dgram', 'rkt/Racket'];
  const w = h.map((x, i) => Math.max(x.length, ...burstRows.map((r) => r[i].length)));
  const ln = (cells) => '| ' + cells.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
  console.log(`\n${burstCount} datagrams sent one way on loopback`);
  console.log(ln(h));
  console.log('|' + w.map((x) => '-'.repeat(x + 2)).join('|') + '|');
  for (const r of burstRows) console.log(ln(r));
}
for (const n of notes) console.log(`note: ${n}`);
