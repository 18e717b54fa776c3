// `local-require`: a require whose bindings are visible only in the
// definition context it is used in. As in Racket, the spec is required at
// the module level under a fresh scope, and the context gets rename
// transformers to what it imported.

import { RenameTransformer } from '../expand/transformers.js';
import type { Builder } from '../expand/build.js';
import type { Expander } from '../expand/expander.js';
import { addScope, flipScope, removeScope } from '../expand/scopes.js';
import { Scope, type Syntax } from '../values/syntax.js';
import { items } from './forms.js';

export function localRequire(stx: Syntax, ex: Expander, b: Builder): Syntax {
  if (ex.context === 'expression') return ex.syntaxError('local-require', 'not allowed in an expression context', stx);
  const p = items(stx, ex, 1);
  if (ex.requireLifter === null) return ex.syntaxError('local-require', 'not in a module or top-level context', stx);
  // The macro's introduction scope is flipped off and on again: the spec is required with the scopes it was written with.
  const intro = ex.currentIntro;
  const unflip = (s: Syntax) => (intro === null ? s : flipScope(s, intro));
  const sc = new Scope('lifted-require');
  const spec = addScope(unflip(b.list('only-meta-in', b.datum(0), ...p.slice(1))), sc);
  const lifted = ex.requireLifter(spec);
  const names = lifted.map((id) => unflip(removeScope(id, sc)));
  return b.list('define-syntaxes', b.list(...names), b.list('values', ...lifted.map((id) => b.quote(new RenameTransformer(id)))));
}
