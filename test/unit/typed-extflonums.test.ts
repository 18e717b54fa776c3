// typed/racket's for/extflvector: forms: extflonums have no JavaScript
// representation (Racket CS has none either, so Racket's type checker
// rejects every body); here the forms are bound and raise
// exn:fail:unsupported with the reason when they run.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../support/run.js';

describe('typed/racket extflvector forms', () => {
  it('raise exn:fail:unsupported with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rkt-typed-extfl-'));
    writeFileSync(
      join(dir, 'main.rkt'),
      '#lang typed/racket\n(for/list ([f (list (lambda () (for/extflvector: ([i 3]) i)) (lambda () (for*/extflvector: ([i 3]) i)))])\n  (with-handlers ([exn:fail:unsupported? exn-message]) (f)))\n',
    );
    const r = await runCaptured('main.rkt', dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('for/extflvector:: unsupported\\n  reason: extflonums');
    expect(r.stdout).toContain('for*/extflvector:: unsupported');
  });
});
