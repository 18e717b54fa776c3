// net/url's fetching beyond what a golden program can compare with Racket:
// an https URL fails with rkt's own message (Racket would speak TLS), and
// fetching goes through the host's TCP capability, so a host without one
// (an embedding that grants no network) refuses it.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { nodeHost } from '../../src/host/node-host.js';
import { Runtime } from '../../src/runtime/runtime.js';

const dir = mkdtempSync(join(tmpdir(), 'rkt-net-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(body: string, withTcp = true): Promise<string> {
  let text = '';
  const base = nodeHost();
  const host: Host = { ...base, writeStdout: (s: string) => void (text += s), writeStderr: (s: string) => void (text += s) };
  if (!withTcp) delete (host as { tcp?: unknown }).tcp;
  const rt = new Runtime({ host });
  const path = join(dir, 'main.rkt');
  writeFileSync(path, `#lang racket/base\n(require net/url)\n${body}\n`);
  await rt.runFile(path);
  return text;
}

describe('net/url fetching', () => {
  it('refuses https with exn:fail:unsupported', async () => {
    const out = await run(
      `(with-handlers ([exn:fail:unsupported? (lambda (e) (display (exn-message e)))])
         (get-pure-port (string->url "https://example.com/x")))`,
    );
    expect(out).toBe('get-pure-port: https is not supported (rkt has no TLS)\n  url: https://example.com/x');
  });

  it('refuses https in http-sendrecv/url too', async () => {
    const out = await run(
      `(with-handlers ([exn:fail:unsupported? (lambda (e) (display (exn-message e)))])
         (http-sendrecv/url (string->url "https://example.com/")))`,
    );
    expect(out).toMatch(/^http-sendrecv\/url: https is not supported/);
  });

  it('connects through the host, so a host without TCP refuses it', async () => {
    const out = await run(
      `(with-handlers ([exn:fail:network? (lambda (e) (display "network refused"))])
         (get-pure-port (string->url "http://127.0.0.1:9/")))`,
      false,
    );
    expect(out).toBe('network refused');
  });
});

describe('net/url file URLs', () => {
  it('refuses Windows paths, which rkt does not have', async () => {
    const out = await run(
      `(with-handlers ([exn:fail:unsupported? (lambda (e) (displayln (exn-message e)))])
         (url->path (string->url "file:///c:/x") 'windows))
       (with-handlers ([exn:fail:unsupported? (lambda (e) (displayln (exn-message e)))])
         (parameterize ([file-url-path-convention-type 'windows]) (string->url "file://c:/x")))
       (displayln (url->path (string->url "file:///tmp/a%20b")))`,
    );
    expect(out).toBe('url->path: Windows paths are not supported\nstring->url: Windows paths are not supported\n/tmp/a b\n');
  });
});
