// struct/ctc in a signature: Racket 8.7 cannot show it (a unit exporting
// such a signature fails with "identifier's binding is ambiguous"), so the
// expected texts are the shape its contracted elements give elsewhere.

import { describe, expect, it } from 'vitest';
import { evalCaptured } from '../support/run.js';

const program = `(require racket/unit)
(define-signature s^ ((struct/ctc cpt ([a integer?] [b any/c]))))
(define-unit s@ (import) (export s^) (struct cpt (a b) #:transparent))
(define-unit us@ (import s^) (export) (list (cpt-a (cpt 1 2)) (cpt? (cpt 1 2)) (cpt? 4)))
(define-unit bad@ (import s^) (export) (cpt 'no 2))
(define-unit bad2@ (import s^) (export) (cpt-a 5))`;

describe('struct/ctc signature elements', () => {
  it('binds the struct names, contracted, in importing units', async () => {
    const r = await evalCaptured(`${program} (invoke-unit (compound-unit/infer (import) (export) (link s@ us@)))`);
    expect(r.stdout).toBe("'(1 #t #f)\n");
  });

  it('blames the importing unit for a bad constructor argument', async () => {
    const r = await evalCaptured(`${program} (invoke-unit (compound-unit/infer (import) (export) (link s@ bad@)))`);
    expect(r.stderr).toContain(
      "cpt: contract violation\n  expected: integer?\n  given: 'no\n  in: the 1st argument of\n      (-> integer? any/c cpt?)",
    );
    expect(r.stderr).toContain('contract from: (unit s@)\n  blaming: (unit bad@)');
  });

  it('checks an accessor argument with the predicate', async () => {
    const r = await evalCaptured(`${program} (invoke-unit (compound-unit/infer (import) (export) (link s@ bad2@)))`);
    expect(r.stderr).toContain(
      'cpt-a: contract violation\n  expected: cpt?\n  given: 5\n  in: the 1st argument of\n      (-> cpt? integer?)',
    );
  });
});
