// `(#%variable-reference)` and `(#%variable-reference id)`: a value that
// stands for the module (or top level) where the form appears, and for the
// variable `id` (The Racket Reference §3.23). Reflection on it is in
// prims/namespaces.ts.

import { LocalVar, type Core, type TopVar } from './core.js';
import type { Expander } from './expander.js';
import type { Scope, Syntax } from '../values/syntax.js';
import { customPrint } from '../values/printable.js';
import { isIdentifier, syntaxList } from './scopes.js';

export class VariableReference {
  constructor(
    /** The enclosing module's name (its path for a file module), or null at the top level. */
    readonly moduleName: string | null,
    /** The scopes of the form: through them, the module's bindings (variable-reference->namespace). */
    readonly scopes: readonly Scope[],
    /** For `(#%variable-reference id)`: the variable (null without id). */
    readonly variable: TopVar | LocalVar | null,
    /** Whether the variable is imported (so it cannot be mutated here). */
    readonly imported: boolean,
  ) {}
  /** variable-reference-constant?: a module-level variable that is never mutated. */
  isConstant(): boolean {
    const v = this.variable;
    if (v instanceof LocalVar) return !v.mutated;
    return v !== null && (this.imported || v.constant);
  }
  [customPrint](): string {
    return '#<variable-reference>';
  }
}

export function expandVariableReference(stx: Syntax, ex: Expander): Core {
  const p = syntaxList(stx);
  if (p === null || p.length > 2 || (p.length === 2 && !isIdentifier(p[1]))) ex.badSyntax(stx);
  const where = ex.ctx?.name;
  const moduleName = where === undefined || where === 'top-level' ? null : where;
  let variable: TopVar | LocalVar | null = null;
  let imported = false;
  if (p.length === 2) {
    const m = ex.resolve(p[1]);
    if (m !== null && m.kind === 'top') {
      variable = m.v;
      imported = m.imported;
    } else if (m !== null && m.kind === 'local') variable = m.v;
    else if (m !== null) ex.syntaxError('#%variable-reference', 'identifier does not refer to a variable', stx, p[1]);
  }
  return { t: 'quote', v: new VariableReference(moduleName, [...stx.scopes], variable, imported) };
}
