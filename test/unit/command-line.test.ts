// racket's command line under rkt: each switch and their combinations,
// racket's defaults, its refusals, signals as breaks, and terminal output.
// The expected outputs were recorded from Racket 8.7 (`racket` in place of
// `rkt`, whose banner and "rkt:" prefix name it instead). Uses the built
// bin/rkt (npm test builds first).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/command-line.js';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rkt-command-line-'));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const banner = `Welcome to rkt ${version} (Racket v8.7 [cs]).\n`;

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [rkt, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

writeFileSync(
  join(dir, 'm.rkt'),
  '#lang racket/base\n(provide x)\n(define x 41)\n(displayln "m ran")\n(module+ main (displayln (list "main" (current-command-line-arguments))))\n',
);
writeFileSync(join(dir, 'mm.rkt'), '#lang racket/base\n(provide main)\n(define (main . a) (displayln a) (values 1 2))\n');
writeFileSync(join(dir, 'f.rktl'), '(define y 5)\n(displayln (list "loaded" y))\n(current-command-line-arguments)\n');

describe('parsing the command line as racket does', () => {
  it('adds -i when only configuration switches are given, -u before a first argument, -n before a first require', () => {
    expect(parseCommandLine([])).toMatchObject({ repl: true, version: true, initLib: 'racket/init', steps: [] });
    expect(parseCommandLine(['-N', 'x'])).toMatchObject({ repl: true, runFile: 'x' });
    expect(parseCommandLine(['f.rkt', '-e', 'x'])).toMatchObject({
      repl: false,
      initLib: null,
      steps: [{ kind: 'require-file', file: 'f.rkt' }],
      args: ['-e', 'x'],
      runFile: 'f.rkt',
    });
    expect(parseCommandLine(['-t', 'a.rkt', '-e', '1'])).toMatchObject({ initLib: null });
    expect(parseCommandLine(['-e', '1', '-t', 'a.rkt'])).toMatchObject({ initLib: 'racket/init' });
    expect(parseCommandLine(['-I', 'racket/base', '-e', '1'])).toMatchObject({ initLib: 'racket/base' });
  });

  it('expands collapsed switches, their arguments following in order', () => {
    const cl = parseCommandLine(['-ifve', 'file', 'expr', 'rest']);
    expect(cl).toMatchObject({ repl: true, version: true, args: ['rest'] });
    expect(cl.steps).toEqual([
      { kind: 'load', file: 'file' },
      { kind: 'eval', text: 'expr' },
    ]);
  });

  it('ends the switches at --, and after -r or -u with their file', () => {
    expect(parseCommandLine(['--', '-e'])).toMatchObject({ steps: [{ kind: 'require-file', file: '-e' }], args: [] });
    expect(parseCommandLine(['-u', 'm.rkt', '-m', 'x'])).toMatchObject({
      steps: [{ kind: 'require-file', file: 'm.rkt' }],
      args: ['-m', 'x'],
    });
    expect(parseCommandLine(['-r', 'f.rktl', '-e', 'x'])).toMatchObject({
      steps: [{ kind: 'load', file: 'f.rktl' }],
      args: ['-e', 'x'],
      runFile: 'f.rktl',
    });
  });

  it("refuses what racket refuses, with racket's messages", () => {
    expect(() => parseCommandLine(['--foo'])).toThrow('bad switch: --foo');
    expect(() => parseCommandLine(['-ix'])).toThrow('bad switch: -x within: -ix');
    expect(() => parseCommandLine(['-e'])).toThrow('missing expression after -e switch');
    expect(() => parseCommandLine(['-ex'])).toThrow('missing expression after -ex switch');
    expect(() => parseCommandLine(['--name'])).toThrow('missing name after --name switch');
    expect(() => parseCommandLine(['-l'])).toThrow('missing library name after -l switch');
  });
});

describe('rkt with racket switches', () => {
  it('-e evaluates in racket/init and prints; -n leaves the namespace empty', () => {
    expect(run(['-e', '(+ 1 2)', '-e', '(values "a" (list 1))'])).toEqual({ stdout: '3\n"a"\n\'(1)\n', stderr: '', code: 0 });
    const empty = run(['-n', '-e', '(+ 1 2)']);
    expect(empty.stderr).toBe(
      '#%top-interaction: unbound identifier;\n also, no #%app syntax transformer is bound\n  at: #%top-interaction\n  in: (#%top-interaction + 1 2)\n',
    );
    expect(empty.code).toBe(1);
  });

  it('-e reads each expression only after the one before it ran, and stops at the first error', () => {
    const r = run(['-e', '(display 1) (car', '-e', '(display 2)']);
    expect(r).toEqual({ stdout: '1', stderr: 'string::13: read: expected a `)` to close `(`\n', code: 1 });
    expect(run(['-e', '(car 1)', '-e', '(display 2)'])).toMatchObject({ stdout: '', code: 1 });
    expect(run(['-e', '(immutable? "abc")']).stdout).toBe('#t\n');
  });

  it('-t and -u require a file and its main submodule; a first file argument means -u', () => {
    const main = 'm ran\n(main #())\n';
    expect(run(['-t', 'm.rkt'])).toEqual({ stdout: main, stderr: '', code: 0 });
    expect(run(['-u', 'm.rkt', 'a', 'b']).stdout).toBe('m ran\n(main #(a b))\n');
    expect(run(['m.rkt', 'a', 'b']).stdout).toBe('m ran\n(main #(a b))\n');
    // A module is instantiated once, however often it is required.
    expect(run(['-t', 'm.rkt', '-t', 'm.rkt']).stdout).toBe(main);
    // -e before -t: racket/init is there, and so are the file's exports.
    expect(run(['-e', '(+ 1 2)', '-t', 'm.rkt', '-e', '(+ x 1)']).stdout).toBe(`3\n${main}42\n`);
  });

  it('-t before -e leaves out racket/init (-n), as racket does', () => {
    const r = run(['-t', 'm.rkt', '-e', '(+ x 1)']);
    expect(r.stdout).toBe('m ran\n(main #())\n');
    expect(r.stderr).toContain('#%top-interaction: unbound identifier;');
    expect(r.code).toBe(1);
  });

  it('-l and -I name libraries', () => {
    expect(run(['-l', 'racket/base', '-l', 'racket/list', '-e', '(first (list 7))']).stdout).toBe('7\n');
    expect(run(['-I', 'racket/base', '-e', '(+ 1 2)']).stdout).toBe('3\n');
  });

  it('-f loads a file without printing its results; -r also names it and takes the rest as arguments', () => {
    expect(run(['-f', 'f.rktl', '-e', 'y'])).toEqual({ stdout: '(loaded 5)\n5\n', stderr: '', code: 0 });
    expect(run(['-r', 'f.rktl', 'a', 'b', '-e', 'y'])).toEqual({ stdout: '(loaded 5)\n', stderr: '', code: 0 });
    expect(run(['-r', 'f.rktl', 'a', '-e', 'x'])).toMatchObject({ code: 0 });
    expect(run(['-f', 'nosuch.rktl'])).toEqual({
      stdout: '',
      stderr: `open-input-file: cannot open input file\n  path: ${join(dir, 'nosuch.rktl')}\n  system error: No such file or directory; errno=2\n`,
      code: 1,
    });
  });

  it('-m calls main with the arguments and prints its results; in order, so before -u it finds none', () => {
    expect(run(['-t', 'mm.rkt', '-m', 'x', 'y'])).toEqual({ stdout: '(x y)\n1\n2\n', stderr: '', code: 0 });
    expect(run(['-m', '-u', 'mm.rkt', 'x'])).toEqual({
      stdout: '',
      stderr: 'main: not defined or required into the top-level environment\n',
      code: 1,
    });
  });

  it('takes an argument that starts with "-" as the switch\'s argument, as racket does', () => {
    expect(run(['-e', '-5', '-N', '-x', '-e', "(find-system-path 'run-file)"]).stdout).toBe('-5\n#<path:-x>\n');
  });

  it('-N names the run file; arguments after the switches are the command-line arguments', () => {
    expect(run(['-N', 'foo', '-e', "(find-system-path 'run-file)"]).stdout).toBe('#<path:foo>\n');
    expect(run(['-e', '(current-command-line-arguments)', 'a', 'b']).stdout).toBe('\'#("a" "b")\n');
  });

  it('-i runs a REPL after the steps, in the same namespace, even after an error; (exit) in a step ends all', () => {
    const r = run(['-e', '(define z 9)', '-e', '(car 1)', '-i'], '(+ z 1)\n');
    expect(r.stdout).toBe(`${banner}> 10\n> \n`);
    expect(r.stderr).toBe('car: contract violation\n  expected: pair?\n  given: 1\n  context...:\n   body of top-level\n');
    expect(r.code).toBe(0);
    expect(run(['-e', '(exit 4)', '-i'], '(+ 1 2)\n')).toEqual({ stdout: banner, stderr: '', code: 4 });
    expect(run(['-e', '(exit 3)'])).toMatchObject({ code: 3 });
  });

  it("-v prints rkt's banner, naming the Racket version it follows, once; (version) stays Racket's", () => {
    expect(run(['-v'])).toEqual({ stdout: banner, stderr: '', code: 0 });
    expect(run(['--version'])).toEqual({ stdout: banner, stderr: '', code: 0 });
    expect(run(['-v', '-e', '(version)', '-v']).stdout).toBe(`${banner}"8.7"\n`);
  });

  it("-h prints racket's help layout, naming the switches rkt has, and does nothing else", () => {
    const r = run(['-e', '(display 1)', '-h']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('usage: rkt [<option> ...] <argument> ...');
    for (const line of [
      '  -e <exprs>, --eval <exprs>',
      '  -t <file>, --require <file>',
      '  -i, --repl',
      '  -I <path>',
      '  --',
      'Default options:',
    ]) {
      expect(r.stdout.split('\n')).toContain(line);
    }
    expect(r.stdout).not.toContain('planet');
  });

  it('-W sets the levels logged to stderr, -O to stdout', () => {
    expect(run(['-W', 'info', '-e', '(log-info "hi")'])).toEqual({ stdout: '', stderr: 'hi\n', code: 0 });
    expect(run(['-O', 'info', '-e', '(log-info "hi")'])).toEqual({ stdout: 'hi\n', stderr: '', code: 0 });
  });

  it('refuses a bad switch or a missing argument on stderr with exit code 1', () => {
    expect(run(['--foo'])).toEqual({ stdout: '', stderr: 'rkt: bad switch: --foo\n', code: 1 });
    expect(run(['-t'])).toEqual({ stdout: '', stderr: 'rkt: missing file name after -t switch\n', code: 1 });
  });
});

/** Starts rkt, waits until its stdout shows `ready`, sends `signal`, and collects what it prints. */
function signalled(args: string[], signal: NodeJS.Signals, ready = 'ready') {
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, [rkt, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit after ${signal}: ${stdout} ${stderr}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!sent && stdout.includes(ready)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => {
      clearTimeout(giveUp);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('signals as breaks', () => {
  const catching =
    '(with-handlers ([exn:break? (lambda (e) (printf "~s ~s ~s\\n" (exn:break:terminate? e) (exn:break:hang-up? e) (exn-message e)))]) (displayln "ready") (flush-output) (sleep 20))';

  it('SIGINT raises exn:break, SIGTERM exn:break:terminate, SIGHUP exn:break:hang-up in the main thread', async () => {
    expect(await signalled(['-e', catching], 'SIGINT')).toEqual({ stdout: 'ready\n#f #f "user break"\n', stderr: '', code: 0 });
    expect(await signalled(['-e', catching], 'SIGTERM')).toEqual({ stdout: 'ready\n#t #f "user break"\n', stderr: '', code: 0 });
    expect(await signalled(['-e', catching], 'SIGHUP')).toEqual({ stdout: 'ready\n#f #t "user break"\n', stderr: '', code: 0 });
  });

  it('an uncaught break prints "user break" and exits 1; an uncaught hang-up exits 1 silently', async () => {
    const waiting = '(displayln "ready") (flush-output) (sleep 20)';
    const int = await signalled(['-e', waiting], 'SIGINT');
    expect(int.stderr.split('\n')[0]).toBe('user break');
    expect(int.code).toBe(1);
    expect(await signalled(['-e', waiting], 'SIGHUP')).toEqual({ stdout: 'ready\n', stderr: '', code: 1 });
  });

  it('a terminate break in any thread ends the process, as break-thread with a kind shows', () => {
    const r = run([
      '-e',
      "(thread (lambda () (break-thread (current-thread) 'terminate) (sleep 1)))",
      '-e',
      '(sleep 0.5)',
      '-e',
      '(displayln "main-alive")',
    ]);
    // The main thread never gets to print "main-alive".
    expect(r.stdout).toBe('#<thread>\n');
    expect(r.stderr.split('\n')[0]).toBe('user break');
    expect(r.code).toBe(1);
    expect(run(['-e', "(break-thread (current-thread) 'foo)"]).stderr.split('\n').slice(0, 3)).toEqual([
      'break-thread: contract violation',
      "  expected: (or/c #f 'hang-up 'terminate)",
      "  given: 'foo",
    ]);
  });

  it('SIGINT to a server blocked in udp-receive!/enable-break runs its exn:break? handler, which closes the socket and exits 0', async () => {
    writeFileSync(
      join(dir, 'udp-break.rkt'),
      `#lang racket/base
(require racket/udp)
(define s (udp-open-socket "127.0.0.1" #f))
(udp-bind! s "127.0.0.1" 0)
(with-handlers ([exn:break? (lambda (e) (udp-close s) (displayln "closed on break") (exit 0))])
  (displayln "ready")
  (flush-output)
  (udp-receive!/enable-break s (make-bytes 100)))
`,
    );
    expect(await signalled(['udp-break.rkt'], 'SIGINT')).toEqual({ stdout: 'ready\nclosed on break\n', stderr: '', code: 0 });
  });
});

describe('output to a terminal', () => {
  it('goes out at each newline, so a line shows before a long computation (through a pseudo-terminal)', async () => {
    // util-linux `script` gives the program a terminal for its stdout.
    // The computation spins for at most 20 s (the terminal's hang-up ends it sooner).
    const spin = '(define end (+ (current-inexact-milliseconds) 20000)) (let loop () (when (< (current-inexact-milliseconds) end) (loop)))';
    const command = `${process.execPath} ${rkt} -e '(displayln "hello")' -e '${spin}'`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir });
    const seen = await new Promise<string>((resolve) => {
      let out = '';
      const giveUp = setTimeout(() => resolve(out), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('hello')) {
          clearTimeout(giveUp);
          resolve(out);
        }
      });
    });
    child.kill('SIGTERM');
    expect(seen).toContain('hello');
  });

  it("reports Racket's buffer modes: stdout block-buffered to a pipe, stderr unbuffered", () => {
    expect(
      run(['-e', '(list (file-stream-buffer-mode (current-output-port)) (file-stream-buffer-mode (current-error-port)))']).stdout,
    ).toBe("'(block none)\n");
  });
});
