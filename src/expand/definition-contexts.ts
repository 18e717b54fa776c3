// First-class internal-definition contexts (The Racket Reference §12.4):
// what `syntax-local-make-definition-context` makes, so that a transformer
// can expand a body of its own with `local-expand` and bind the
// definitions it finds with `syntax-local-bind-syntaxes`.
//
// A context has an outside-edge and an inside-edge scope. Forms expanded
// in it get the inside-edge scope; `internal-definition-context-add-scopes`
// gives syntax both. It records the use-site scopes its expansions create
// (in its DefinitionFrame), which binders drop.

import { customPrint } from '../values/printable.js';
import { Scope, type Syntax } from '../values/syntax.js';
import { DefinitionFrame, type Expander } from './expander.js';
import { addScope, flipScope, removeScope } from './scopes.js';

export class InternalDefinitionContext {
  readonly outside = new Scope('intdef-outside');
  readonly inside = new Scope('intdef');
  readonly frame = new DefinitionFrame();
  /** The identifiers bound in it, as the expander sees them (with the binding transformer's introduction scope flipped). */
  readonly bound: Syntax[] = [];

  constructor(
    readonly parent: InternalDefinitionContext | null,
    /** False: forms expanded in it do not get its inside-edge scope (`add-scope?` #f). */
    readonly addsScope: boolean,
  ) {}

  /** `internal-definition-context-add-scopes`. */
  addScopes(stx: Syntax): Syntax {
    return addScope(addScope(stx, this.outside), this.inside);
  }

  /** `stx` with the inside-edge scope added when the context adds it to what is expanded in it. */
  insideOf(stx: Syntax): Syntax {
    return this.addsScope ? addScope(stx, this.inside) : stx;
  }

  /** `stx` without the context's scopes: both edges and the use-site scopes of its expansions. */
  splice(stx: Syntax): Syntax {
    let out = removeScope(removeScope(stx, this.outside), this.inside);
    for (const sc of this.frame.useSiteScopes) out = removeScope(out, sc);
    return out;
  }

  /** `internal-definition-context-introduce`: the inside-edge scope added, removed or flipped. */
  introduce(stx: Syntax, mode: 'add' | 'remove' | 'flip'): Syntax {
    return mode === 'add' ? addScope(stx, this.inside) : mode === 'remove' ? removeScope(stx, this.inside) : flipScope(stx, this.inside);
  }

  /**
   * `syntax-local-bind-syntaxes`: binds `ids` (seen through the
   * transformer's introduction scope `intro`) as variables, or to the
   * values of `rhs`, a transformer expression; returns the identifiers as
   * the transformer sees them.
   */
  bind(ex: Expander, ids: Syntax[], rhs: Syntax | null, intro: Scope | null, extra: InternalDefinitionContext[]): Syntax[] {
    // Bound as the expander sees them: with the transformer's introduction scope flipped.
    const flip = (s: Syntax) => (intro === null ? s : flipScope(s, intro));
    const binders = ids.map((id) => this.frame.binder(addScope(flip(extra.reduce((s, c) => c.insideOf(s), id)), this.inside)));
    if (rhs === null) {
      for (const id of binders) ex.bindLocal(id);
    } else {
      const expr = [this, ...extra].reduce((s, c) => c.insideOf(s), flip(rhs));
      const meanings = ex.inDefinitionContext(this.frame, () => ex.evalForSyntax(expr, binders, 'syntax-local-bind-syntaxes'));
      binders.forEach((id, i) => {
        const m = meanings[i];
        ex.bind(id, m.kind === 'macro' || m.kind === 'syntax' ? { ...m, frame: this.frame } : m);
      });
    }
    this.bound.push(...binders);
    return binders.map(flip);
  }

  [customPrint](): string {
    return '#<internal-definition-context>';
  }
}
