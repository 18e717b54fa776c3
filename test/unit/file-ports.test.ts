// File ports beyond what a golden program can show: output left in a port
// is written however the run ends, and failures the host reports (a
// permission denied, which a test running as root cannot meet) reach the
// program with Racket's messages.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Host, HostFiles } from '../../src/host/host.js';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'rkt-file-ports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(files?: Partial<HostFiles>) {
  const out = { text: '', err: '' };
  const base = nodeHost();
  const host: Host = {
    ...base,
    writeStdout: (s: string) => void (out.text += s),
    writeStderr: (s: string) => void (out.err += s),
    files: files === undefined ? base.files : ({ ...base.files, ...files } as HostFiles),
  };
  return { rt: new Runtime({ host }), out };
}

/** Runs `body` as a module in `dir`; resolves to the exit code. */
function runModule(rt: Runtime, name: string, body: string): Promise<number> {
  const path = join(dir, name);
  writeFileSync(path, `#lang racket/base\n${body}\n`);
  return rt.runFile(path);
}

describe('file output ports at the end of a run', () => {
  it('are written when the module ends without closing them', async () => {
    const { rt } = capture();
    const target = join(dir, 'end.txt');
    expect(
      await runModule(rt, 'end.rkt', `(define o (open-output-file ${JSON.stringify(target)} #:exists 'truncate)) (write-string "kept" o)`),
    ).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('kept');
  });

  it('are written when the program calls exit', async () => {
    const { rt } = capture();
    const target = join(dir, 'exit.txt');
    const code = await runModule(
      rt,
      'exit.rkt',
      `(define o (open-output-file ${JSON.stringify(target)} #:exists 'truncate)) (write-string "kept" o) (exit 3)`,
    );
    expect(code).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('kept');
  });

  it('are written when the program fails', async () => {
    const { rt, out } = capture();
    const target = join(dir, 'fail.txt');
    const code = await runModule(
      rt,
      'fail.rkt',
      `(define o (open-output-file ${JSON.stringify(target)} #:exists 'truncate)) (write-string "kept" o) (car 1)`,
    );
    expect(code).toBe(1);
    expect(out.err).toContain('car: contract violation');
    expect(readFileSync(target, 'utf8')).toBe('kept');
  });

  it('are not written when their plumber is not the original one', async () => {
    const { rt } = capture();
    const target = join(dir, 'plumber.txt');
    const body = `(define o (parameterize ([current-plumber (make-plumber)]) (open-output-file ${JSON.stringify(target)} #:exists 'truncate)))
      (write-string "lost, as in Racket" o)`;
    expect(await runModule(rt, 'plumber.rkt', body)).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('');
  });
});

describe('file port failures the host reports', () => {
  const denied = () => {
    throw { code: 'EACCES', errno: 13, text: 'Permission denied' };
  };

  it('permission denied when opening', async () => {
    const { rt, out } = capture({ openDescriptor: denied });
    const body = `(define (try thunk) (with-handlers ([exn:fail:filesystem:errno? (lambda (e) (displayln (exn-message e)) (displayln (exn:fail:filesystem:errno-errno e)))]) (thunk)))
      (try (lambda () (open-output-file "/nowhere/out.txt" #:exists 'truncate)))
      (try (lambda () (open-input-file "/nowhere/in.txt")))
      (try (lambda () (open-input-output-file "/nowhere/io.txt" #:exists 'update)))`;
    expect(await runModule(rt, 'denied.rkt', body)).toBe(0);
    expect(out.text).toBe(
      'open-output-file: error opening file\n  path: /nowhere/out.txt\n  system error: Permission denied; errno=13\n(13 . posix)\n' +
        'open-input-file: cannot open input file\n  path: /nowhere/in.txt\n  system error: Permission denied; errno=13\n(13 . posix)\n' +
        'open-input-output-file: error opening file\n  path: /nowhere/io.txt\n  system error: Permission denied; errno=13\n(13 . posix)\n',
    );
  });

  it("'truncate/replace makes a new file when the old one cannot be truncated", async () => {
    const target = join(dir, 'replace.txt');
    writeFileSync(target, 'old contents');
    const nodeFiles = nodeHost().files!;
    let refused = false;
    const { rt } = capture({
      openDescriptor: (path, how, permissions) => {
        if (how.truncate && !refused) {
          refused = true;
          return denied();
        }
        return nodeFiles.openDescriptor(path, how, permissions);
      },
    });
    expect(
      await runModule(
        rt,
        'replace.rkt',
        `(call-with-output-file ${JSON.stringify(target)} #:exists 'truncate/replace (lambda (o) (write-string "new" o)))`,
      ),
    ).toBe(0);
    expect(refused).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('a failed write raises when the port is flushed', async () => {
    const { rt, out } = capture({
      writeDescriptor: () => {
        throw { code: 'ENOSPC', errno: 28, text: 'No space left on device' };
      },
    });
    const target = join(dir, 'full.txt');
    const body = `(define o (open-output-file ${JSON.stringify(target)} #:exists 'truncate))
      (void (write-string "x" o))
      (with-handlers ([exn:fail:filesystem:errno? (lambda (e) (displayln (exn-message e)))]) (flush-output o))`;
    expect(await runModule(rt, 'full.rkt', body)).toBe(0);
    expect(out.text).toBe('error writing to stream port\n  system error: No space left on device; errno=28\n');
  });
});
