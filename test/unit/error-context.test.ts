// The context of errors: the `context...:` block under an uncaught error,
// continuation-mark-set->context, and RacketError's srcloc and context. The
// programs in test/unit/error-context keep Racket CS from inlining their
// procedures (set!), and each expectation below is what Racket 8.7 prints
// for them, checked by running them under `racket`. Uses the built bin/rkt.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Racket, RacketError } from '../../src/embed/index.js';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

const rkt = fileURLToPath(new URL('../../bin/rkt', import.meta.url));
const dir = fileURLToPath(new URL('../fixtures/error-context/', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [rkt, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  const local = (s: string) => s.split(dir).join('<dir>/');
  return { stdout: local(r.stdout), stderr: local(r.stderr), code: r.status };
}

describe('the context of an uncaught error', () => {
  it('lists the procedures of the non-tail calls, with their definitions’ lines, and the module body', () => {
    const r = run(['calls.rkt']);
    expect(r.stderr).toBe(
      [
        'hash-ref: no value found for key',
        "  key: 'k",
        '  context...:',
        '   <dir>/calls.rkt:4:0: lookup',
        '   <dir>/calls.rkt:6:0: middle',
        '   <dir>/calls.rkt:9:0: outer',
        // tail-caller called outer in tail position: no frame. The module-level expression is anonymous.
        '   <dir>/calls.rkt:17:0',
        '   body of "<dir>/calls.rkt"',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('shows a module-level expression waiting for a call, not one a primitive raised in directly', () => {
    expect(run(['module-arity.rkt']).stderr).toBe(
      'f: arity mismatch;\n the expected number of arguments does not match the given number\n  expected: 1\n  given: 2\n' +
        '  context...:\n   <dir>/module-arity.rkt:4:0\n   body of "<dir>/module-arity.rkt"\n',
    );
    expect(run(['module-car.rkt']).stderr).toBe(
      'car: contract violation\n  expected: pair?\n  given: 1\n  context...:\n   body of "<dir>/module-car.rkt"\n',
    );
  });

  it('folds recursion into [repeats N more times] and stops at error-print-context-length', () => {
    const r = run(['recursion.rkt']);
    const message = 'hash-ref: no value found for key\n  key: 0\n';
    const down = '   <dir>/recursion.rkt:4:0: down\n';
    expect(r.stderr).toBe(
      `${message}  context...:\n${down}   [repeats 500 more times]\n   <dir>/recursion.rkt:8:0: start\n   ...\n` +
        `${message}  context...:\n${down}   ...\n` +
        // A length of 0 prints no context at all.
        message +
        `${message}  context...:\n${down}   [repeats 500 more times]\n   <dir>/recursion.rkt:8:0: start\n` +
        '   <dir>/recursion.rkt:19:0\n   body of "<dir>/recursion.rkt"\n',
    );
  });

  it('shows a thread’s own context, and a submodule’s body', () => {
    const r = run(['thread.rkt']);
    const head =
      'hash-ref: no value found for key\n  key: 2\n  context...:\n   <dir>/thread.rkt:3:0: fail\n   <dir>/thread.rkt:5:0: work\n';
    expect(r.stderr).toBe(`${head}   <dir>/thread.rkt:7:21\n${head}   <dir>/thread.rkt:9:2\n   body of (submod "<dir>/thread.rkt" main)\n`);
  });

  it('names the top level for -e, and procedures without a source by name', () => {
    const r = run(['-e', '(define (f x) (list (hash-ref (hash) x))) (list (f 1))']);
    expect(r.stderr).toBe('hash-ref: no value found for key\n  key: 1\n  context...:\n   f\n   body of top-level\n');
  });

  it('shows the procedure whose body a primitive raised in, even from its tail position', () => {
    // Racket CS open-codes car, so it shows no frame for f; rkt shows where the error is.
    const r = run(['-e', '(define (f x) (car x)) (define (g y) (+ 1 (f y))) (g 5)']);
    expect(r.stderr).toBe('car: contract violation\n  expected: pair?\n  given: 5\n  context...:\n   f\n   g\n   body of top-level\n');
  });

  it('counts a macro’s own procedures (match’s failure thunk) as part of the procedure they are in', () => {
    const r = run(['-e', '(define (f x) (match x [(list a b) (+ a b)])) (f 1)']);
    expect(r.stderr).toBe('match: no matching clause for 1\n  context...:\n   f\n   body of top-level\n');
  });

  it('prints no context for a raised value that is not an exception, nor for exn:fail:user', () => {
    expect(run(['-e', '(define (f) (list (raise 42))) (f)']).stderr).toBe('uncaught exception: 42\n');
    expect(run(['-e', '(define (f) (list (raise-user-error "stop"))) (f)']).stderr).toBe('stop\n');
  });

  it('is the same whichever evaluator ran the frames (the JIT compiling at once)', () => {
    for (const f of ['calls.rkt', 'recursion.rkt', 'loops.rkt', 'thread.rkt']) {
      const jit = run([f], { RKT_JIT_AFTER: '1' });
      const plain = run([f]);
      expect(jit.stderr).toBe(plain.stderr);
      expect(jit.stdout).toBe(plain.stdout);
      expect(plain.stderr + plain.stdout).toContain('body of');
    }
  });
});

describe('continuation-mark-set->context', () => {
  it('gives (name-or-#f . srcloc-or-#f) for each procedure, innermost first', () => {
    const r = run(['marks.rkt']);
    expect(r.stdout).toBe(
      [
        '(show . #(struct:srcloc #<path:<dir>/marks.rkt> 3 0 100 113))',
        '(w . #(struct:srcloc #<path:<dir>/marks.rkt> 7 0 231 21))',
        '(#f . #(struct:srcloc #<path:<dir>/marks.rkt> 9 0 264 9))',
        '(|body of "<dir>/marks.rkt"| . #f)',
        '2',
        `(list (cons #f (srcloc #<path:<dir>/marks.rkt> 10 0 274 104)) '(|body of "<dir>/marks.rkt"| . #f))`,
        '',
      ].join('\n'),
    );
  });

  it('gives the context of a captured continuation and of another thread', () => {
    const r = run(['other-continuations.rkt']);
    expect(r.stdout).toBe(
      "(vector (list (list (cons 'f (srcloc #<path:<dir>/other-continuations.rkt> 3 0 103 86)) " +
        "(cons 'g (srcloc #<path:<dir>/other-continuations.rkt> 5 0 201 25)))))\n" +
        "(list (cons 'sleeper (srcloc #<path:<dir>/other-continuations.rkt> 8 0 242 42)) " +
        '(cons #f (srcloc #<path:<dir>/other-continuations.rkt> 10 18 326 30)))\n',
    );
  });

  it('counts loops, parameterize and with-handlers bodies as part of their procedure', () => {
    const r = run(['loops.rkt']);
    const body = '|body of "<dir>/loops.rkt"|';
    expect(r.stdout).toBe(
      [
        `'(fail with-for ${body})`,
        `'(fail with-named-let ${body})`,
        // A loop that calls itself in a non-tail position is a procedure of its own.
        `'(fail loop loop recursive-loop ${body})`,
        `'(fail with-parameterize ${body})`,
        '',
      ].join('\n'),
    );
  });
});

describe('RacketError', () => {
  it('carries the context and the location of the innermost procedure', async () => {
    const r = new Racket();
    try {
      await r.run('#lang racket/base\n(define (f x)\n  (list (car x)))\n(define (g y) (vector (f y)))\n(g 1)\n', {
        path: '/virtual/prog.rkt',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RacketError);
      const err = e as RacketError;
      expect(err.context.map((f) => [f.name, f.line, f.column])).toEqual([
        ['f', 2, 0],
        ['g', 4, 0],
        ['body of "/virtual/prog.rkt"', null, null],
      ]);
      expect(err.context[0].source).toBe('/virtual/prog.rkt');
      expect(err.srcloc).toEqual({ source: '/virtual/prog.rkt', line: 2, column: 0 });
    } finally {
      await r.close();
    }
  });

  it('takes a syntax error’s own location', async () => {
    const r = new Racket();
    try {
      await r.run('#lang racket/base\n(define x 1)\n  (if)\n', { path: '/virtual/bad.rkt' });
      expect.unreachable();
    } catch (e) {
      expect((e as RacketError).kind).toBe('exn:fail:syntax');
      expect((e as RacketError).srcloc).toEqual({ source: '/virtual/bad.rkt', line: 3, column: 2 });
    } finally {
      await r.close();
    }
  });
});

describe('the REPL', () => {
  it('prints no context, and keeps the last error for ,bt', async () => {
    let err = '';
    const rt = new Runtime({ host: { ...nodeHost(), writeStdout: () => {}, writeStderr: (t: string) => void (err += t) } });
    await rt.evalInteractive('(define (f x) (list (hash-ref (hash) x)))');
    await rt.evalInteractive('(define (g) (vector (f 1)))');
    await rt.evalInteractive('(g)');
    expect(err).toBe('; hash-ref: no value found for key\n;   key: 1\n; [,bt for context]\n');
    expect(rt.contextText(rt.lastError)).toBe('  context...:\n   f\n   g\n   body of top-level');
    expect(rt.contextText(rt.lastError, 1)).toBe('  context...:\n   f\n   ...');
    expect(rt.errorContext(rt.lastError).map((e) => e.name)).toEqual(['f', 'g', 'body of top-level']);
    expect(rt.contextText(42)).toBe('');
  });
});
