// The embedding API (src/embed): runtimes inside a Node application.

import { createSocket } from 'node:dgram';
import { type AddressInfo, connect, createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { Racket, RacketError, RacketValue, type RacketOptions } from '../../src/embed/index.js';

const open: Racket[] = [];
function racket(options: RacketOptions = {}): Racket {
  const r = new Racket(options);
  open.push(r);
  return r;
}
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

/** `p`, or a rejection naming `what` if it has not settled within `ms` (a deadline for a wait that must end). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`no ${what} within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function rejection(p: Promise<unknown>): Promise<RacketError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(RacketError);
    return e as RacketError;
  }
  throw new Error('expected a rejection');
}

describe('evaluating and running', () => {
  it('evaluates expressions and returns the last value', async () => {
    const r = racket();
    expect(await r.eval('(+ 1 2)')).toBe(3);
    expect(await r.eval('(define x 5) (* x x)')).toBe(25);
    expect(await r.eval('x')).toBe(5);
  });

  it('runs a module from a string and reads what it provides', async () => {
    let out = '';
    const r = racket({ stdout: (s) => (out += s) });
    const m = await r.run('#lang racket/base\n(provide x add)\n(define x 10)\n(define (add a b) (+ a b))\n(displayln "hello")\n(* 6 7)');
    expect(m.exports.x).toBe(10);
    expect(await (m.exports.add as (a: number, b: number) => Promise<unknown>)(2, 3)).toBe(5);
    expect(out).toBe('hello\n42\n');
  });

  it('runs a module file with its main submodule and relative requires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rkt-embed-'));
    writeFileSync(join(dir, 'util.rkt'), '#lang racket/base\n(provide double)\n(define (double x) (* 2 x))\n');
    writeFileSync(
      join(dir, 'prog.rkt'),
      '#lang racket/base\n(require "util.rkt")\n(provide v)\n(define v (double 21))\n(module+ main (displayln "main ran"))\n',
    );
    let out = '';
    const r = racket({ stdout: (s) => (out += s) });
    const m = await r.runFile(join(dir, 'prog.rkt'));
    expect(m.exports.v).toBe(42);
    expect(out).toBe('main ran\n');
    // A top-level require instantiates the module it names.
    const other = racket();
    expect(await other.eval(`(require (file ${JSON.stringify(join(dir, 'util.rkt'))})) (double 4)`)).toBe(8);
  });

  it('gives programs the stdin text it was given, and an empty one by default', async () => {
    const r = racket({ stdin: 'line one\n(2 3)\n' });
    expect(await r.eval('(let* ([a (read-line)] [b (read)] [c (read)]) (list a b (eof-object? c)))')).toEqual(['line one', [2, 3], true]);
    const empty = racket();
    expect(await empty.eval('(eof-object? (read-line))')).toBe(true);
  });

  it('sends output to a stream-like object', async () => {
    const chunks: string[] = [];
    const r = racket({ stdout: { write: (s: string) => chunks.push(s) }, stderr: { write: (s: string) => chunks.push(`err:${s}`) } });
    await r.eval('(display "a") (flush-output) (eprintf "b") (flush-output (current-error-port))');
    expect(chunks.join('')).toBe('aerr:b');
  });
});

describe('values crossing the boundary', () => {
  it('converts Racket values to JS by the documented rules', async () => {
    const r = racket();
    const v = (await r.eval(`(list 1 (expt 2 70) 1.5 1/4 "str" #t (bytes 1 2) (vector 1 2) (hash "a" 1) 'sym (void))`)) as unknown[];
    expect(v.slice(0, 6)).toEqual([1, 2n ** 70n, 1.5, 0.25, 'str', true]);
    expect(v[6]).toEqual(new Uint8Array([1, 2]));
    expect(v[7]).toEqual([1, 2]);
    expect(v[8]).toEqual(new Map([['a', 1]]));
    expect(v[9]).toBe(Symbol.for('sym'));
    expect(v[10]).toBeUndefined();
    expect(await r.eval('(values 1 2)')).toEqual([1, 2]);
    const opaque = await r.eval('#\\a');
    expect(opaque).toBeInstanceOf(RacketValue);
  });

  it('prints opaque values as Racket prints them', async () => {
    const r = racket();
    const values = (await r.eval(
      `(struct point (x y) #:transparent) (struct hidden (a)) (list #\\a (point 1 "s") (hidden 1) (mcons 1 2) (cons 1 2) (string->uninterned-symbol "u"))`,
    )) as RacketValue[];
    const printed = ['#\\a', '(point 1 "s")', '#<hidden>', '(mcons 1 2)', "'(1 . 2)", "'u"];
    expect(values.map(String)).toEqual(printed);
    expect(values.map((v) => inspect(v))).toEqual(printed);
    expect(inspect({ v: values[0] })).toBe('{ v: #\\a }');
  });

  it('converts JS values to Racket, copying byte strings', async () => {
    const seen: unknown[] = [];
    const r = racket({ procedures: { see: (x: unknown) => void seen.push(x) } });
    const show = (await r.eval('(lambda (x) (format "~s" x))')) as (x: unknown) => Promise<string>;
    expect(await show([1, 'a', true, 2.5, 2n ** 64n, Symbol.for('s'), undefined])).toBe('(1 "a" #t 2.5 18446744073709551616 s #<void>)');
    expect(await show(new Map([['k', [1, 2]]]))).toBe('#hash(("k" . (1 2)))');
    const bytes = new Uint8Array([1, 2, 3]);
    const mutate = (await r.eval('(lambda (b) (bytes-set! b 0 99) b)')) as (b: Uint8Array) => Promise<Uint8Array>;
    const back = await mutate(bytes);
    expect(bytes[0]).toBe(1);
    expect(back[0]).toBe(99);
    // Opaque values come back as themselves.
    const ch = await r.eval('#\\z');
    expect(await show(ch)).toBe('#\\z');
    await expect(show({ plain: 'object' })).rejects.toThrow(/cannot pass/);
  });
});

describe('host procedures', () => {
  it('are called by name from modules (require host) and from eval', async () => {
    const r = racket({ procedures: { twice: (x: number) => x * 2 } });
    expect(await r.eval('(twice 21)')).toBe(42);
    const m = await r.run('#lang racket/base\n(require host)\n(provide v)\n(define v (twice 5))');
    expect(m.exports.v).toBe(10);
  });

  it('returning a Promise block only the calling Racket thread', async () => {
    // The ticker reports its ticks, and the Promise is settled only after the
    // fourth: the ticker ran while the main thread waited for it. (Counting
    // the ticks that fit in a fixed delay would depend on the machine's speed.)
    let release: (v: number) => void = () => {};
    let fourTicks: () => void = () => {};
    const ticked = new Promise<void>((res) => (fourTicks = res));
    const r = racket();
    r.define('wait-for-js', () => new Promise<number>((res) => (release = res)));
    r.define('ticked', (n: number) => {
      if (n === 4) fourTicks();
    });
    const result = r.eval(`
      (define ticks 0)
      (define ticker (thread (lambda () (let loop () (set! ticks (+ ticks 1)) (ticked ticks) (sleep 0.001) (loop)))))
      (define v (wait-for-js))
      (kill-thread ticker)
      (list v (> ticks 3))`);
    await within(ticked, 10_000, 'four ticks while the main thread waits for a Promise');
    release(7);
    expect(await result).toEqual([7, true]);
  });

  it('turn JS exceptions and rejections into Racket exceptions', async () => {
    const r = racket({
      procedures: {
        boom: () => {
          throw new Error('it broke');
        },
        reject: () => Promise.reject(new Error('later')),
      },
    });
    expect(await r.eval('(with-handlers ([exn:fail? exn-message]) (boom))')).toBe('boom: it broke');
    expect(await r.eval('(with-handlers ([exn:fail? exn-message]) (reject))')).toBe('reject: later');
  });

  it('can receive Racket procedures and call them back', async () => {
    const r = racket({ procedures: { apply2: async (f: (x: number) => Promise<number>, x: number) => (await f(x)) + 1 } });
    expect(await r.eval('(apply2 (lambda (n) (* n 10)) 4)')).toBe(41);
  });
});

describe('errors', () => {
  it('reject with the Racket message and the exn kind', async () => {
    const r = racket();
    const e = await rejection(r.eval('(car 1)'));
    expect(e.kind).toBe('exn:fail:contract');
    expect(e.message).toBe('car: contract violation\n  expected: pair?\n  given: 1');
    const raised = await rejection(r.eval("(raise 'oops)"));
    expect(raised.kind).toBe('raise');
    expect(raised.message).toBe("uncaught exception: 'oops");
    const syntax = await rejection(r.eval('(lambda)'));
    expect(syntax.kind).toBe('exn:fail:syntax');
    const read = await rejection(r.eval('(+ 1'));
    expect(read.kind).toMatch(/^exn:fail:read/);
  });

  it('callProcedure applies what it is given, as Racket application does', async () => {
    const r = racket();
    const add = await r.eval('+');
    expect(await r.callProcedure(add, [1, 2])).toBe(3);
    const e = await rejection(r.callProcedure(5, [1]));
    expect(e.kind).toBe('exn:fail:contract');
    expect(e.message).toMatch(/^application: not a procedure/);
    expect(await r.callProcedure((x: number) => x * 2, [21])).toBe(42);
  });

  it('carry the raised value, converted as results are', async () => {
    const r = racket();
    expect((await rejection(r.eval('(raise 42)'))).value).toBe(42);
    expect((await rejection(r.eval('(raise (list 1 "two"))'))).value).toEqual([1, 'two']);
    const e = await rejection(r.eval('(car 1)'));
    expect(e.value).toBeInstanceOf(RacketValue);
    expect(await r.eval('(lambda (e) (exn-message e))').then((f) => (f as (x: unknown) => Promise<unknown>)(e.value))).toBe(e.message);
    expect((await rejection(r.eval('(sleep 10)', { timeoutMs: 10 }))).value).toBeUndefined();
  });

  it('name a program-defined exception type by its nearest kind', async () => {
    const r = racket();
    const e = await rejection(r.eval('(struct my-failure exn:fail:contract ()) (raise (my-failure "mine" (current-continuation-marks)))'));
    expect(e.kind).toBe('exn:fail:contract');
    expect(e.message).toBe('mine');
    const plain = await rejection(r.eval('(struct odd-exn exn ()) (raise (odd-exn "odd" (current-continuation-marks)))'));
    expect(plain.kind).toBe('exn');
    expect((await rejection(r.eval('(raise-user-error "u")'))).kind).toBe('exn:fail:user');
    expect((await rejection(r.eval('(/ 1 0)'))).kind).toBe('exn:fail:contract:divide-by-zero');
  });
});

describe('limits', () => {
  it('a timeout stops a run and its threads', async () => {
    const r = racket();
    const e = await rejection(r.eval('(thread (lambda () (let loop () (loop)))) (let loop () (loop))', { timeoutMs: 50 }));
    expect(e.kind).toBe('timeout');
    // The runtime is still usable, and the spinning threads are gone.
    expect(await r.eval('(+ 1 1)')).toBe(2);
  });

  it('an AbortSignal stops a run', async () => {
    const r = racket();
    const ac = new AbortController();
    const p = r.eval('(sleep 10)', { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    expect((await rejection(p)).kind).toBe('abort');
  });

  it('two runtimes are isolated', async () => {
    const a = racket();
    const b = racket();
    await a.eval('(define defined-in-a 1)');
    expect((await rejection(b.eval('defined-in-a'))).kind).toBe('exn:fail:contract:variable');
    await a.eval('(current-output-port (open-output-string))');
    expect(await b.eval('(port? (current-output-port))')).toBe(true);
  });

  it('await using closes the runtime at the end of its scope', async () => {
    let r: Racket | undefined;
    let pending: Promise<unknown> | undefined;
    {
      const scope = new Racket();
      r = scope;
      pending = scope.eval('(sleep 100)');
      await scope[Symbol.asyncDispose]();
    }
    expect((await rejection(pending)).kind).toBe('closed');
    expect((await rejection(r.eval('1'))).kind).toBe('closed');
  });

  it('close ends threads and sockets; later operations reject', async () => {
    const r = new Racket();
    await r.eval('(define s (udp-open-socket)) (udp-bind! s "127.0.0.1" 0) (thread (lambda () (udp-receive! s (make-bytes 10))))');
    const pending = r.eval('(sleep 100)');
    await r.close();
    expect((await rejection(pending)).kind).toBe('closed');
    expect((await rejection(r.eval('1'))).kind).toBe('closed');
  });
});

describe('file capability', () => {
  it('denied: file operations raise exn:fail:filesystem', async () => {
    const r = racket({ files: 'deny' });
    expect(await r.eval('(with-handlers ([exn:fail:filesystem? exn-message]) (file-exists? "x"))')).toBe(
      'file-exists?: file access is not available in this runtime',
    );
  });

  it('denied: directories, attributes and links raise exn:fail:filesystem', async () => {
    const r = racket({ files: 'deny' });
    const cases: [string, string][] = [
      ['(directory-list)', 'directory-list'],
      ['(make-directory "d")', 'make-directory'],
      ['(file-size "f")', 'file-size'],
      ['(file-or-directory-stat "f")', 'file-or-directory-stat'],
      ['(copy-file "a" "b")', 'copy-file'],
      ['(for/list ([p (in-directory)]) p)', 'directory-list'],
      ['(open-input-file "f")', 'open-input-file'],
      ['(open-output-file "f" #:exists \'truncate)', 'open-output-file'],
      ['(call-with-output-file "f" void)', 'open-output-file'],
      ['(open-input-output-file "f")', 'open-input-output-file'],
    ];
    for (const [expr, who] of cases) {
      expect(await r.eval(`(with-handlers ([exn:fail:filesystem? exn-message]) ${expr})`)).toBe(
        `${who}: file access is not available in this runtime`,
      );
    }
  });

  it('denied: a program cannot require a file, and cannot tell whether one exists; the application can still run one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rkt-deny-'));
    writeFileSync(join(dir, 'secret.rkt'), '#lang racket/base\n(provide secret)\n(define secret 42)\n');
    writeFileSync(join(dir, 'no-lang.txt'), 'password=hunter2\n');
    const r = racket({ files: 'deny', cwd: dir });
    const tryRequire = (path: string) =>
      r.eval(`(with-handlers ([exn:fail:filesystem? exn-message]) (eval '(require (file ${JSON.stringify(path)}))) 'loaded)`);
    const denied = 'open-input-file: file access is not available in this runtime';
    expect(await tryRequire(join(dir, 'secret.rkt'))).toBe(denied);
    expect(await tryRequire(join(dir, 'no-lang.txt'))).toBe(denied);
    expect(await tryRequire(join(dir, 'nonexistent.rkt'))).toBe(denied);
    // The application's own runFile is not the program's file access.
    expect((await r.runFile(join(dir, 'secret.rkt'))).exports).toEqual({ secret: 42 });
  });
});

describe('network capability', () => {
  it('denied: udp operations raise exn:fail:network', async () => {
    const r = racket({ network: 'deny' });
    const msg = await r.eval('(with-handlers ([exn:fail:network? exn-message]) (udp-bind! (udp-open-socket) "127.0.0.1" 0))');
    expect(msg).toMatch(/network/);
  });

  it('allow-listed: only the listed destinations can be reached', async () => {
    const server = createSocket('udp4');
    await new Promise<void>((res) => server.bind(0, '127.0.0.1', () => res()));
    const port = server.address().port;
    const received = new Promise<string>((res) => server.once('message', (m) => res(m.toString())));
    const r = racket({ network: { allow: [{ host: '127.0.0.1', port }] } });
    await r.eval(`(define s (udp-open-socket)) (udp-send-to s "127.0.0.1" ${port} #"hi")`);
    expect(await received).toBe('hi');
    const denied = (await r.eval(
      `(with-handlers ([exn:fail:network? exn-message]) (udp-send-to s "127.0.0.1" ${port === 9 ? 10 : 9} #"no"))`,
    )) as string;
    expect(denied).toMatch(/does not allow/);
    server.close();
  });
});

describe('network capability over TCP', () => {
  it('denied: tcp operations raise exn:fail:network', async () => {
    const r = racket({ network: 'deny' });
    expect(await r.eval('(with-handlers ([exn:fail:network? exn-message]) (tcp-listen 0 4 #t "127.0.0.1"))')).toBe(
      'tcp-listen: network access is not available in this runtime',
    );
    expect(await r.eval('(with-handlers ([exn:fail:network? exn-message]) (tcp-connect "127.0.0.1" 9))')).toBe(
      'tcp-connect: network access is not available in this runtime',
    );
  });

  it('allow-listed: listening is allowed, connecting only to the listed destinations', async () => {
    const server = createServer((sock) => sock.end('hello\n'));
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
    const port = (server.address() as AddressInfo).port;
    const r = racket({ network: { allow: [{ host: '127.0.0.1', port }] } });
    expect(await r.eval(`(let-values ([(i o) (tcp-connect "127.0.0.1" ${port})]) (read-line i))`)).toBe('hello');
    const denied = (await r.eval(
      `(with-handlers ([exn:fail:network? exn-message]) (tcp-connect "127.0.0.1" ${port === 9 ? 10 : 9}))`,
    )) as string;
    expect(denied).toMatch(
      /^tcp-connect: connection failed\n.*\n.*\n  system error: Permission denied; the embedding application does not allow/,
    );
    expect(await r.eval('(let ([l (tcp-listen 0 4 #t "127.0.0.1")]) (begin0 (tcp-listener? l) (tcp-close l)))')).toBe(true);
    await r.close();
    server.close();
  });

  it('a close ends the connections and listeners Racket code holds', async () => {
    const r = racket({});
    const port = (await r.eval('(define l (tcp-listen 0 4 #t "127.0.0.1")) (let-values ([(h p a b) (tcp-addresses l #t)]) p)')) as number;
    const closed = new Promise<string>((res) => {
      const sock = connect(port, '127.0.0.1');
      let text = '';
      sock.on('data', (d) => {
        text += d.toString();
      });
      sock.on('close', () => res(text));
    });
    await r.eval('(define-values (i o) (tcp-accept l)) (write-string "bye" o) (flush-output o)');
    await r.close();
    expect(await closed).toBe('bye');
  });
});

describe('subprocess capability', () => {
  it('allowed by default: a program runs and its output is read', async () => {
    const r = racket({});
    expect(await r.eval('(let-values ([(p o i e) (subprocess #f #f #f "/bin/echo" "hi")]) (subprocess-wait p) (read-line o))')).toBe('hi');
    await r.close();
  });

  it('denied: subprocess raises exn:fail', async () => {
    const r = racket({ subprocesses: 'deny' });
    expect(await r.eval('(with-handlers ([exn:fail? exn-message]) (subprocess #f #f #f "/bin/echo" "hi"))')).toBe(
      'subprocess: process creation is not available in this runtime',
    );
    await r.close();
  });
});

describe('places', () => {
  it('are refused: an embedded runtime has none', async () => {
    const r = racket({});
    expect(await r.eval('(require racket/place) (place-enabled?)')).toBe(false);
    expect(
      await r.eval('(with-handlers ([exn:fail:unsupported? exn-message]) (dynamic-place (string->path "/nonexistent.rkt") (quote start)))'),
    ).toBe('dynamic-place: places are not available in this runtime');
    await r.close();
  });
});
