// The libraries written in Racket (src/lib): every definition compiles, the
// provide form sends names where they belong, and a mistake in a file is
// reported at its real file, line and column.

import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node-host.js';
import { LIBRARY_FILES } from '../../src/lib/index.js';
import { indexLibrary } from '../../src/runtime/library-index.js';
import { installLibraryFiles } from '../../src/runtime/library-loader.js';
import { Runtime } from '../../src/runtime/runtime.js';

function capture() {
  const out = { text: '', err: '' };
  const host = { ...nodeHost(), writeStdout: (s: string) => void (out.text += s), writeStderr: (s: string) => void (out.err += s) };
  return { rt: new Runtime({ host }), out };
}

/** Loads `text` as library file src/lib/broken.rkt and binds what it provides where top-level programs see it. */
function withLibrary(text: string) {
  const { rt, out } = capture();
  const exports = installLibraryFiles(rt.ex, [{ source: 'src/lib/broken.rkt', text }]);
  for (const e of exports) rt.ex.table.add(e.name, [rt.ex.langScope('racket')], e.meaning, 0);
  return { rt, out, exports };
}

describe('library files', () => {
  it('compile, every definition of every file', () => {
    const { rt } = capture();
    let forced = 0;
    for (const lib of rt.libraries.values()) {
      for (const m of lib.exports.values()) {
        if (m.kind !== 'top' || !m.v.module.startsWith('src/lib/')) continue;
        m.v.force();
        expect(m.v.value, m.v.name).toBeDefined();
        forced++;
      }
    }
    expect(forced).toBeGreaterThan(100);
  });

  it('come with the index the reader makes of them', () => {
    for (const file of LIBRARY_FILES) {
      expect(file.source).toMatch(/^src\/lib\/[a-z0-9-]+\.rkt$/);
      expect(file.index).toEqual(indexLibrary(file.source, file.text));
    }
  });

  it('read a definition at its place in a text with CR LF line ends and characters outside the BMP', async () => {
    const { rt, out } = withLibrary(
      '#lang racket/base\r\n(provide f)\r\n(define s "\u{1F600}\u{1F600}")\r\n(define (f) (string-length s))\r\n',
    );
    await rt.runTopLevel('(display (f))');
    expect(out.err).toBe('');
    expect(out.text).toBe('2');
  });

  it('send a name to racket/base or, with rename-out [local lib:name], to another library', () => {
    const { exports } = withLibrary('#lang racket/base\n(provide f (rename-out [g racket/list:h]))\n(define (f) 1)\n(define (g) 2)\n');
    expect(exports.map((e) => [e.library, e.name])).toEqual([
      ['racket/base', 'f'],
      ['racket/list', 'h'],
    ]);
  });

  it('compile a definition when a program first uses it', async () => {
    const { rt, out } = withLibrary(
      '#lang racket/base\n(provide f g)\n(define (f x) (list x (h x)))\n(define (g) (if))\n(define (h x) (* x 2))\n',
    );
    await rt.runTopLevel('(display (f 1))');
    expect(out.text).toBe('(1 2)');
    expect(out.err).toBe('');
  });

  it('report an expansion error at the file, line and column of the definition', async () => {
    const { rt, out } = withLibrary('#lang racket/base\n(provide f)\n\n(define (f x)\n  (if x))\n');
    await rt.runTopLevel('(f 1)');
    expect(out.err).toContain('src/lib/broken.rkt:5:2: if: bad syntax');
    // The definition stays pending: the next use reports the same error.
    out.err = '';
    await rt.runTopLevel('(f 2)');
    expect(out.err).toContain('src/lib/broken.rkt:5:2: if: bad syntax');
  });

  it('report a read error at the file, line and column where it is', () => {
    const text = '#lang racket/base\n(provide f)\n\n(define (f x)\n  (list x "unterminated))\n';
    expect(() => withLibrary(text)).toThrow('src/lib/broken.rkt:5:10: read-syntax: expected a closing `"`');
  });

  it('report a form that is not a definition, and a provided name that is not defined', () => {
    expect(() => withLibrary('#lang racket/base\n(provide f)\n(define (f) 1)\n(f)\n')).toThrow(
      'src/lib/broken.rkt:4:0: expected a definition',
    );
    expect(() => withLibrary('#lang racket/base\n(provide f g)\n(define (f) 1)\n')).toThrow(
      'src/lib/broken.rkt:2:11: provide: provided identifier is not defined or required',
    );
    expect(() => withLibrary('(provide f)\n(define (f) 1)\n')).toThrow('src/lib/broken.rkt: a library file starts with #lang racket/base');
  });
});
