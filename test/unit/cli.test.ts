// The `rkt` command as a user runs it: files, -e, arguments, exit codes,
// errors on stderr, and the REPL. Uses the built bin/rkt (npm test builds first).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rkt-cli-'));

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [rkt, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('rkt FILE', () => {
  it('runs places: a worker running the bundle again, its output through the creator', () => {
    const f = file(
      'places.rkt',
      `#lang racket/base
(require racket/place)
(define (adder) (place ch (place-channel-put ch (apply + (place-channel-get ch))) (displayln "from the place")))
(define (failing) (place ch (error 'inside "failed")))
(module+ main
  (define p (adder))
  (define sum (place-channel-put/get p '(1 2 3)))
  ;; A place's exit is reported once its output has come.
  (writeln (place-wait p))
  (writeln sum)
  (writeln (place-wait (failing))))
`,
    );
    expect(run([f])).toEqual({ stdout: 'from the place\n0\n6\n1\n', stderr: 'inside: failed\n', code: 0 });
  });

  it('runs a module and prints its module-level results', () => {
    const f = file('hello.rkt', '#lang racket/base\n(displayln "hello")\n(+ 1 2)\n(void)\n"s"\n');
    expect(run([f])).toEqual({ stdout: 'hello\n3\n"s"\n', stderr: '', code: 0 });
  });

  it('passes arguments to current-command-line-arguments', () => {
    const f = file('args.rkt', '#lang racket/base\n(current-command-line-arguments)\n');
    expect(run([f, 'a', 'b c']).stdout).toBe('\'#("a" "b c")\n');
  });

  it('reports an uncaught exception on stderr and exits 1', () => {
    const f = file('fail.rkt', '#lang racket/base\n(displayln "before")\n(car 1)\n(displayln "after")\n');
    const r = run([f]);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(`car: contract violation\n  expected: pair?\n  given: 1\n  context...:\n   body of "${join(dir, 'fail.rkt')}"\n`);
    expect(r.code).toBe(1);
  });

  it('gives command-line the program as named, its flags and their errors', () => {
    const f = file(
      'tool.rkt',
      '#lang racket\n(define n (make-parameter 1))\n(command-line #:once-each [("-n") k "Count" (n (string->number k))] #:args (host) (printf "~a ~a\\n" host (n)))\n',
    );
    expect(run([f, '-n', '3', 'example'])).toEqual({ stdout: 'example 3\n', stderr: '', code: 0 });
    const help = run([f, '--help']);
    expect(help.stdout.split('\n').slice(0, 4)).toEqual(['usage: tool.rkt [ <option> ... ] <host>', '', '<option> is one of', '']);
    expect(help.code).toBe(0);
    expect(run([f, '--nope'])).toEqual({ stdout: '', stderr: 'tool.rkt: unknown switch: --nope\n', code: 1 });
  });

  it('exits with the code given to exit', () => {
    const f = file('exit.rkt', '#lang racket/base\n(displayln "x")\n(exit 3)\n(displayln "never")\n');
    expect(run([f])).toEqual({ stdout: 'x\n', stderr: '', code: 3 });
  });

  it('reports a read error with its location, as racket does', () => {
    const f = file('bad.rkt', '#lang racket/base\n(define (f x)\n  (+ x 1]\n');
    const r = run([f]);
    expect(r.stderr.split('\n')[0]).toBe('bad.rkt:3:8: read-syntax: expected `)` to close preceding `(`, found instead `]`');
    expect(r.code).toBe(1);
  });

  it('reports a missing file without a JS stack trace', () => {
    const r = run(['no-such-file.rkt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot open module file');
    expect(r.stderr).not.toMatch(/\bat .*\.(js|cjs|ts):\d+/);
  });
});

describe('standard input', () => {
  const program = `#lang racket/base
(define first (read-line))
(printf "first: ~s\n" first)
(printf "datum: ~s\n" (read))
(printf "char: ~s\n" (read-char))
(for ([line (in-lines)]) (printf "line: ~s\n" line))
(printf "eof: ~s\n" (read-line))
`;
  it('reads lines, data and characters from piped input, then eof (output checked against Racket 8.7)', () => {
    const f = file('stdin.rkt', program);
    expect(run([f], 'hello world\n(1 2 "three")\nrest 1\nrest 2\n').stdout).toBe(
      'first: "hello world"\ndatum: (1 2 "three")\nchar: #\\newline\nline: "rest 1"\nline: "rest 2"\neof: #<eof>\n',
    );
    expect(run([f], '').stdout).toBe('first: #<eof>\ndatum: #<eof>\nchar: #<eof>\neof: #<eof>\n');
  });

  it('blocks only the reading thread while input is slow to come', async () => {
    // The ticking thread says when it has ticked 5 times, and the input is
    // sent only then: the ticker ran while the main thread waited in
    // read-line for input that had not come yet. Waiting for the ticks
    // instead of a fixed delay keeps the test independent of how fast the
    // machine starts and runs the program.
    const f = file(
      'stdin-slow.rkt',
      '#lang racket/base\n(define ticks 0)\n(void (thread (lambda () (let loop () (set! ticks (add1 ticks)) (when (= ticks 5) (displayln "ticked 5") (flush-output)) (sleep 0.01) (loop)))))\n(define line (read-line))\n(printf "~a ~a\\n" line (>= ticks 5))\n',
    );
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [rkt, f], { cwd: dir });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const closed = new Promise((res) => child.on('close', res));
    // Resolves once the ticks are reported, or when the program ends or 20 s pass without them.
    const ticked = new Promise<void>((res) => {
      const giveUp = setTimeout(res, 20_000);
      child.on('close', res);
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('ticked 5\n')) {
          clearTimeout(giveUp);
          res();
        }
      });
    });
    await ticked;
    if (!out.includes('ticked 5\n')) child.kill();
    expect(out, `no ticks while read-line waited; stderr: ${err}`).toBe('ticked 5\n');
    child.stdin.end('late\n');
    const code = await closed;
    expect(code).toBe(0);
    expect(out).toBe('ticked 5\nlate #t\n');
  });
});

describe('rkt -e', () => {
  it('evaluates expressions in the racket namespace and prints results', () => {
    expect(run(['-e', '(define x 5) (first (list x 2)) (values 1 2)'])).toEqual({ stdout: '5\n1\n2\n', stderr: '', code: 0 });
  });

  it('prints results with pretty-print, as racket/init sets current-print', () => {
    // Recorded from racket -e with Racket 8.7: a long list wraps at 79 columns; a program's current-print sees every result.
    const numbers = Array.from({ length: 12 }, (_, i) => String(i * 1000000));
    const r = run([
      '-e',
      '(build-list 12 (lambda (i) (* i 1000000)))',
      '-e',
      '(current-print (lambda (v) (printf "<~a>~n" v)))',
      '-e',
      "'(1 2)",
    ]);
    expect(r.stdout).toBe(`'(${numbers.join('\n  ')})\n<#<void>>\n<(1 2)>\n`);
    expect(r.code).toBe(0);
  });

  it('reports a reference to an undefined top-level variable as racket does', () => {
    const r = run(['-e', 'y']);
    expect(r.stderr).toBe(
      'y: undefined;\n cannot reference an identifier before its definition\n  in module: top-level\n  context...:\n   body of top-level\n',
    );
    expect(r.code).toBe(1);
  });
});

describe('rkt (REPL)', () => {
  it('prints what Racket 8.7 prints for the same input', () => {
    // Recorded from `racket -i < input` with Racket 8.7 (the banner names rkt).
    const input = '(+ 1 2)\n(define x 5)\nx\n(values 1 2)\n(car 1)\n"s"\n(define (f)\n  1)\n(f)\n';
    const r = run([], input);
    // Racket's banner, "Welcome to Racket v8.7 [cs].", names rkt first.
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(r.stdout).toBe(`Welcome to rkt ${version} (Racket v8.7 [cs]).\n> 3\n> > 5\n> 1\n2\n> > "s"\n> > 1\n> \n`);
    expect(r.stderr).toBe('; car: contract violation\n;   expected: pair?\n;   given: 1\n; [,bt for context]\n');
    expect(r.code).toBe(0);
  });
});

describe('examples', () => {
  const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
  for (const name of ['echo', 'request-retry', 'multicast']) {
    it(`examples/${name}.rkt prints what it prints under Racket 8.7`, () => {
      const r = spawnSync(process.execPath, [rkt, `${name}.rkt`], { cwd: examples, encoding: 'utf8', timeout: 20_000 });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(readFileSync(join(examples, `${name}.expected`), 'utf8'));
      expect(r.status).toBe(0);
    });
  }
});

describe('a run whose threads are all blocked', () => {
  it('keeps blocking, as racket does, when nothing can wake it', async () => {
    // The main thread waits on a channel no thread will ever use: Racket
    // blocks forever; rkt must not end the run (with exit code 0) instead.
    const f = file(
      'deadlock.rkt',
      '#lang racket/base\n(define c (make-channel))\n(void (thread (lambda () (sync (make-semaphore)))))\n(displayln "blocked")\n(flush-output)\n(sync c)\n(displayln "woke")\n',
    );
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [rkt, f], { cwd: dir });
    let out = '';
    const closed = new Promise<void>((res) => child.on('close', () => res()));
    const printed = new Promise<void>((res) => {
      const giveUp = setTimeout(res, 20_000);
      child.on('close', () => res());
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('blocked\n')) {
          clearTimeout(giveUp);
          res();
        }
      });
    });
    await printed;
    // Once blocked, an ended run would exit at once; after a while it must still be running.
    await new Promise((res) => setTimeout(res, 1500));
    const stillRunning = child.exitCode === null && child.signalCode === null;
    child.kill();
    await closed;
    expect(out).toBe('blocked\n');
    expect(stillRunning).toBe(true);
  });
});
