// Coverage of racket/base, racket and the libraries beside them against
// Racket 8.7's export lists
// (test/data/exports.json, from scripts/exports.rkt). Names not bound yet and
// arity differences are listed in test/data/coverage-pending.json; the lists
// must be exact, so a name that becomes bound (or an arity that is fixed) has
// to leave them, and one that stops being bound fails here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node-host.js';
import { type ExportsFile, libraryCoverage } from '../../src/runtime/coverage.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { UNSUPPORTED, UNSUPPORTED_NAMES } from '../../src/prims/unsupported.js';
import { evalCaptured } from '../support/run.js';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
const exportsFile: ExportsFile = read('exports.json');
const pending: Record<string, { unbound: string[]; arity: string[] }> = read('coverage-pending.json');

describe('the names Node cannot provide', () => {
  it('are few, each with a reason, and raise exn:fail:unsupported when used', async () => {
    expect(UNSUPPORTED_NAMES.length).toBeLessThan(40);
    for (const [, , , reason] of UNSUPPORTED) expect(reason.length).toBeGreaterThan(20);
    const calls = UNSUPPORTED.map(([name, min]) => `(${name}${' 0'.repeat(min)})`);
    calls.push('((current-load-extension) "x.so" #f)');
    const program = calls.map(
      (c) => `(with-handlers ([exn:fail:unsupported? (lambda (e) (displayln (exn-message e)))]) ${c} (displayln "no error"))`,
    );
    const r = await evalCaptured(['(require racket/unsafe/ops)', ...program].join('\n'));
    const lines = r.stdout.split('\n').filter((l) => /: unsupported$/.test(l));
    expect(lines.map((l) => l.replace(/: unsupported$/, ''))).toEqual(UNSUPPORTED_NAMES);
    expect(r.stdout).not.toContain('no error');
  });
});

describe('coverage of Racket 8.7 libraries', () => {
  const rt = new Runtime({ host: nodeHost() });
  it('has the export list of Racket 8.7', () => {
    expect(exportsFile.racket).toBe('8.7');
    expect(Object.keys(exportsFile.libraries['racket/base']).length).toBe(1600);
    expect(Object.keys(exportsFile.libraries.racket).length).toBe(2599);
  });
  for (const [library, names] of Object.entries(exportsFile.libraries)) {
    const c = libraryCoverage(rt, library, names);
    it(`${library}: every name is bound except the pending ones`, () => {
      expect([...c.missing].sort()).toEqual([...(pending[library]?.unbound ?? [])].sort());
    });
    it(`${library}: procedures have Racket's arities and keywords, except the pending ones`, () => {
      expect(c.arityDifferences.map((d) => d.name).sort()).toEqual([...(pending[library]?.arity ?? [])].sort());
    });
  }
});
