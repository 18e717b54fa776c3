// The provide sub-forms that shift what they wrap to another phase or
// space: `for-syntax`, `for-meta`, `for-label`, `for-template`, `for-space`.

import { Sym } from '../values/types.js';
import type { Syntax } from '../values/syntax.js';
import type { Expander, Meaning } from './expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList } from './scopes.js';

/** What a module provides, as far as these forms need it. */
interface Provider {
  readonly syntaxExports: Map<string, Meaning>;
}

/**
 * `(for-meta n spec ...)` and the like, heading provide spec `spec`
 * (parts `p`) of `form`: specs at phase shift 0 go to `plain`; identifiers
 * and renames at shift 1 are exported for syntax; label and template
 * exports are not used by any importer here and are checked only.
 */
export function providePhaseSpec(ex: Expander, info: Provider, spec: Syntax, p: Syntax[], form: Syntax, plain: (s: Syntax) => void): void {
  const kind = idSym(p[0]).name;
  let shift: number | false = kind === 'for-syntax' ? 1 : kind === 'for-template' ? -1 : kind === 'for-label' ? false : 0;
  let subs = p.slice(1);
  if (kind === 'for-meta' || kind === 'for-space') {
    if (p.length < 2) ex.syntaxError(kind, 'bad syntax', form, spec);
    const d = syntaxE(p[1]);
    if (kind === 'for-meta' && typeof d !== 'number' && d !== false) ex.syntaxError('for-meta', 'bad phase', form, p[1]);
    if (kind === 'for-space' && d !== false && !(d instanceof Sym)) ex.syntaxError('for-space', 'bad space', form, p[1]);
    // A named space: its bindings are the identifiers with that space's scope; none is imported here.
    if (kind === 'for-space' && d !== false) return;
    if (kind === 'for-meta') shift = d as number | false;
    subs = p.slice(2);
  }
  if (shift === 0) {
    for (const s of subs) plain(s);
    return;
  }
  if (shift !== 1) return;
  for (const s of subs) {
    const pair = isIdentifier(s) ? [s, s] : renameOut(s);
    if (pair === null) ex.syntaxError('provide', 'bad provide spec', form, s);
    const m = ex.resolveAt(pair[0], ex.phase + 1);
    if (m === null) ex.syntaxError('provide', 'provided identifier is not defined or required', form, pair[0]);
    info.syntaxExports.set(idSym(pair[1]).name, m.kind === 'top' ? { kind: 'top', v: m.v, imported: true } : m);
  }
}

/** The [local exported] pair of a one-rename `(rename-out [local exported])`, or null. */
function renameOut(s: Syntax): [Syntax, Syntax] | null {
  const p = syntaxList(s);
  if (p === null || p.length !== 2 || !isIdentifier(p[0]) || idSym(p[0]).name !== 'rename-out') return null;
  const r = syntaxList(p[1]);
  return r !== null && r.length === 2 && r.every(isIdentifier) ? [r[0], r[1]] : null;
}
