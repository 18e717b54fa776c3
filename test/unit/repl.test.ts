// The REPL with input from a pipe (`rkt < input`, as tests of `-i` run it):
// what it prints, recorded from `racket -i < input` with Racket 8.7 (xrepl
// loaded, as racket/interactive loads it), the banner naming rkt. Uses the
// built bin/rkt (npm test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRepl } from '../../src/cli/repl.js';
import { wrapped } from '../../src/cli/repl-commands.js';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { indentation } from '../../src/cli/repl-indent.js';
import { historyEntry, HistoryFile } from '../../src/cli/repl-history.js';
import { replBacktrace, replErrorDisplay } from '../../src/runtime/repl-errors.js';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const banner = `Welcome to rkt ${version} (Racket v8.7 [cs]).\n`;
const dir = mkdtempSync(join(tmpdir(), 'rkt-repl-'));

function repl(input: string) {
  const r = spawnSync(process.execPath, [rkt], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('the REPL on piped input', () => {
  it('prompts before each form and keeps the rest of a line after an error', () => {
    const r = repl(
      '(define x 1) (car 5) (+ x 1)\n(display "abc")\n(lambda (x) x)\n(let ([g (lambda () 1)]) g)\n(build-list 30 (lambda (i) (* i 1000)))\n  (+ 1\n',
    );
    const numbers = Array.from({ length: 30 }, (_, i) => String(i * 1000));
    expect(r.stdout).toBe(`${banner}> > > 2\n> abc\n> #<procedure>\n> #<procedure:g>\n> '(${numbers.join('\n  ')})\n> > \n`);
    expect(r.stderr).toBe(
      '; car: contract violation\n;   expected: pair?\n;   given: 5\n; [,bt for context]\n' +
        '; stdin:6:2: read-syntax: expected a `)` to close `(` [,bt for context]\n',
    );
    expect(r.code).toBe(0);
  });

  it('runs the comma commands as xrepl does', () => {
    const r = repl(
      '(define (f x) (car x))\n(f 2)\n,bt\n(lambda)\n,bt\n,exn\n,time (values 1 2)\n(define y 2)\n,describe y first\n,foo\n,help exit\n,exit 4\n(+ 1 2)\n',
    );
    const lines = r.stdout.split('\n');
    // ,time's line: the times vary.
    const timed = lines.findIndex((l) => l.startsWith('> ; cpu time: '));
    expect(lines[timed]).toMatch(/^> ; cpu time: \d+ms = \d+ms \+ \d+ms gc; real time: \d+ms$/);
    lines[timed] = '> ; cpu time';
    expect(lines.join('\n')).toBe(
      // ,bt shows the context (Racket CS inlines f, so its block has only the top level and its REPL's own frames).
      `${banner}> > > ; car: contract violation\n;   expected: pair?\n;   given: 2\n;   context...:\n;    stdin:1:0: f\n;    body of top-level\n` +
        '> > ; stdin:4:0: lambda: bad syntax\n;   in: (lambda)\n;   location...:\n;    stdin:4:0\n' +
        '> ; #(struct:exn:fail:syntax "stdin:4:0: lambda: bad syntax\\n  in: (lambda)" #<continuation-mark-set> (#<syntax:stdin:4:0 (lambda)>))\n' +
        '> ; cpu time\n1\n2\n' +
        "> > ; `y' is a toplevel (or unbound) identifier\n; `first' is a bound identifier,\n" +
        ';   defined in <collects>/racket/list.rkt\n;   required through "<collects>/racket/init.rkt"\n' +
        '> > ; exit (quit ex): exit rkt\n;   usage: ,exit [<exit-code>]\n; An argument gives the exit code.\n> ',
    );
    expect(r.stderr).toBe(
      '; car: contract violation\n;   expected: pair?\n;   given: 2\n; [,bt for context]\n' +
        '; stdin:4:0: lambda: bad syntax\n;   in: (lambda)\n; [,bt for context]\n' +
        "; Unknown command: 'foo [,bt for context]\n",
    );
    expect(r.code).toBe(4);
  });

  it('goes into a module with enter! and ,enter, and back with ,top', () => {
    writeFileSync(join(dir, 'm.rkt'), '#lang racket/base\n(define secret 42)\n(define (g) (* 2 secret))\n(displayln "loading m")\n');
    const r = repl('(enter! "m.rkt")\nsecret\n(g)\n(enter! #f)\nsecret\n,enter m.rkt\nsecret\n,top\n(enter! 5)\n');
    expect(r.stdout).toBe(`${banner}> loading m\n"m.rkt"> 42\n"m.rkt"> 84\n"m.rkt"> > > "m.rkt"> 42\n"m.rkt"> > > \n`);
    expect(r.stderr).toBe(
      '; secret: undefined;\n;  cannot reference an identifier before its definition\n;   in module: top-level\n; [,bt for context]\n' +
        '; stdin:9:8: enter!: not a module path or #f\n;   at: 5\n;   in: (enter! 5)\n; [,bt for context]\n',
    );
  });

  it('names procedures and threads as Racket does for code typed at the REPL', () => {
    const r = repl(
      '(thread (lambda () 1))\n(define (w) 1)\n(thread w)\n(eval (read-syntax (quote src) (open-input-string "(lambda () 1)")))\n',
    );
    expect(r.stdout).toBe(`${banner}> #<thread>\n> > #<thread:w>\n> #<procedure>\n> \n`);
  });

  it('describes what an entered module defines', () => {
    writeFileSync(join(dir, 'n.rkt'), '#lang racket/base\n(define (h) 1)\n');
    const r = repl(',en n.rkt\n,desc h\n');
    expect(r.stdout).toBe(
      `${banner}> "n.rkt"> ; \`h' is a bound identifier,\n;   defined in ${join(dir, 'n.rkt')}\n;   required directly\n"n.rkt"> \n`,
    );
  });

  it('times several runs with ,time COUNT, as xrepl does', () => {
    const r = repl(',time 7 (values 1 2)\n,time 0 1\n');
    const out = r.stdout.replace(/cpu time: \d+ms = \d+ms \+ \d+ms gc; real time: \d+ms/, 'cpu time');
    const runs = [1, 2, 3, 4, 5, 6, 7].map((i) => `; run #${i}... -> 1, 2\n`).join('');
    expect(out).toBe(`${banner}> ${runs}; 7 runs, 2 best/worst removed, 3 left for average:\n; cpu time\n1\n2\n> > \n`);
    expect(r.stderr).toBe('; time: bad count: 0 [,bt for context]\n');
  });

  it('looks for bindings with ,apropos, wrapping as xrepl wraps', () => {
    const r = repl(',apropos string-pre\n,ap list- rx\n,ap hash-ref\n');
    expect(r.stdout).toBe(
      `${banner}> ; Matches: string-prefix?.\n> ; No matches found.\n> ; Matches: hash-ref, hash-ref!, hash-ref-key.\n> \n`,
    );
    const words = Array.from({ length: 12 }, (_, i) => `name-number-${i},`);
    expect(wrapped(words, '; Matches: ')).toBe(
      '; Matches: name-number-0, name-number-1, name-number-2, name-number-3,\n' +
        ';   name-number-4, name-number-5, name-number-6, name-number-7, name-number-8,\n' +
        ';   name-number-9, name-number-10, name-number-11,\n',
    );
  });

  it('lists its commands with ,help', () => {
    const r = repl(',help\n');
    expect(r.stdout).toContain('; General commands:\n;   help (h ?): display available commands\n');
    for (const name of ['exit', 'cd', 'pwd', 'describe', 'require', 'enter', 'toplevel', 'load', 'backtrace (bt)', 'exn', 'time'])
      expect(r.stdout).toContain(`;   ${name}`);
  });
});

describe('the REPL on piped input, interrupted', () => {
  it('takes SIGINT as a break of the evaluation, keeping definitions', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [rkt], { cwd: dir });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const closed = new Promise((res) => child.on('close', res));
    const deadline = Date.now() + 60_000;
    const until = async (done: () => boolean, each: () => void) => {
      while (!done() && Date.now() < deadline && child.exitCode === null) {
        each();
        await new Promise((res) => setTimeout(res, 300));
      }
    };
    // Signals only once the REPL is up (before, SIGINT ends node).
    await until(
      () => out.includes('> '),
      () => {},
    );
    child.stdin.write('(define x 41)\n(let loop () (loop))\n(+ x 1)\n');
    // SIGINT until the loop is broken and the next form has run (one sent before the loop starts breaks the wait for input).
    await until(
      () => out.includes('42\n'),
      () => child.kill('SIGINT'),
    );
    child.stdin.end();
    const code = await closed;
    expect(out).toContain('> 42\n');
    expect(err).toContain('; user break [,bt for context]\n');
    expect(code).toBe(0);
  });
});

describe('runRepl', () => {
  it('goes on in the runtime and namespace earlier steps used (as `rkt -e ... -i` will)', async () => {
    let out = '';
    let err = '';
    const host = {
      ...nodeHost(),
      writeStdout: (t: string) => {
        out += t;
      },
      writeStdoutBytes: undefined,
      writeStderr: (t: string) => {
        err += t;
      },
      writeStderrBytes: undefined,
      readStdin: undefined,
    };
    const rt = new Runtime({ host });
    expect(await rt.runTopLevel('(define x 41) (define (f) (car 1))')).toBe(0);
    const output = new PassThrough();
    output.on('data', (d) => {
      out += d;
    });
    const code = await runRepl(rt, { input: Readable.from(['(+ x 1)\n', '(f)\n', ',exit 5\n']), output, banner: false, historyFile: null });
    expect(out).toBe('> 42\n> > ');
    expect(err).toBe('; car: contract violation\n;   expected: pair?\n;   given: 1\n; [,bt for context]\n');
    expect(rt.lastReplError?.message).toBe('car: contract violation\n  expected: pair?\n  given: 1');
    expect(code).toBe(5);
  });
});

describe('REPL parts', () => {
  it('shows an error as xrepl does: its ...: blocks left to ,bt', () => {
    const full = 'car: contract violation\n  expected: pair?\n  given: 2\n  context...:\n   body of top-level\n   x.rkt:1:0';
    expect(replErrorDisplay(full)).toBe('; car: contract violation\n;   expected: pair?\n;   given: 2\n; [,bt for context]\n');
    expect(replErrorDisplay('user break')).toBe('; user break [,bt for context]\n');
    expect(replBacktrace({ full, message: 'car: contract violation\n  expected: pair?\n  given: 2', value: null })).toBe(
      '; car: contract violation\n;   expected: pair?\n;   given: 2\n;   context...:\n;    body of top-level\n;    x.rkt:1:0\n',
    );
    expect(replBacktrace(null)).toBe('; (no backtrace)\n');
  });

  it('indents a continuation line under its open bracket', () => {
    expect(indentation('(+ 1\n')).toBe('  ');
    expect(indentation('(define (f x)\n  (let ([y 1]\n')).toBe('        ');
    expect(indentation('(let (\n')).toBe('       ');
    expect(indentation('(list "(" #\\( ; (\n')).toBe('  ');
    expect(indentation('(a) #| ( |#\n')).toBe('');
  });

  it('keeps history entries one per line in its file, newest last, and skips damaged lines', () => {
    const path = join(dir, 'history');
    const h = new HistoryFile(path);
    h.append('(+ 1\n  2)');
    h.append('x');
    writeFileSync(path, `${readFileSync(path, 'utf8')}not json\n`);
    expect(new HistoryFile(path).load()).toEqual(['x', '(+ 1\n  2)']);
    expect(historyEntry('  (f)  \n')).toBe('  (f)');
    expect(historyEntry(' \n ')).toBe(null);
    expect(historyEntry('\n  \n  (g\n 1)')).toBe('  (g\n 1)');
    expect(new HistoryFile(null).load()).toEqual([]);
  });
});
