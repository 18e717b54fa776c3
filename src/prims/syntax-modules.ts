// What a transformer may ask of, and add to, the module being expanded
// (The Racket Reference §12.4): its submodules and the exports of the
// modules it can name, lifted submodules and end-of-module declarations,
// the interned scopes made so far, and the module a piece of syntax came from.

import { argError, argumentsError, notExpanding } from '../errors/messages.js';
import type { Machine } from '../eval/machine.js';
import type { Expander, ModuleBody } from '../expand/expander.js';
import { moduleOfScopes } from '../expand/modules.js';
import { datumToSyntax, syntaxToDatum } from '../expand/scopes.js';
import { internedScopeKeys } from '../expand/spaces.js';
import { ModulePathIndex, ResolvedModulePath } from '../values/module-path.js';
import { RPath } from '../values/path.js';
import { Syntax } from '../values/syntax.js';
import { NULL, Pair, VOID, listFromArray, sym, type Value } from '../values/types.js';
import { isModulePath } from './modules.js';
import type { PrimTable } from './table.js';

function expanding(m: Machine, who: string): Expander {
  const ex = m.rt.ex;
  if (ex.transformers.length === 0) notExpanding(who);
  return ex;
}

/** The module body being expanded; outside one, `who` is not expanding a module. */
function moduleBody(m: Machine, who: string): ModuleBody | null {
  return expanding(m, who).moduleBody;
}

/** The resolved name of a module by its runtime name: a path or symbol, then submodule names. */
function resolvedName(name: string): ResolvedModulePath {
  const [root, ...subs] = name.split(' ');
  return new ResolvedModulePath(root.startsWith('/') ? new RPath(root) : sym(root), subs.map(sym));
}

const MODULE_PATH_OR_SYNTAX =
  '(or/c module-path?\n                  (and/c syntax?\n                         (lambda (stx)\n                           (module-path? (syntax->datum stx)))))';

export function installSyntaxModules(t: PrimTable): void {
  t.fn('syntax-local-module-exports', 1, 1, function (this: Machine, mod: Value) {
    const body = moduleBody(this, 'syntax-local-module-exports');
    const datum = mod instanceof Syntax ? syntaxToDatum(mod) : mod;
    if (!isModulePath(datum)) argError('syntax-local-module-exports', MODULE_PATH_OR_SYNTAX, mod);
    if (body === null) return listFromArray([new Pair(0, NULL)]);
    const spec = mod instanceof Syntax ? mod : datumToSyntax(null, mod, null);
    return listFromArray(body.moduleExports(spec).map(([phase, names]) => new Pair(phase, listFromArray(names.map(sym)))));
  });
  t.fn('syntax-local-submodules', 0, 0, function (this: Machine) {
    const body = moduleBody(this, 'syntax-local-submodules');
    return body === null ? NULL : listFromArray(body.submodules().map(sym));
  });
  t.fn('syntax-local-lift-module', 1, 1, function (this: Machine, form: Value) {
    const ex = expanding(this, 'syntax-local-lift-module');
    if (!(form instanceof Syntax)) return argError('syntax-local-lift-module', 'syntax?', form);
    const head = ex.coreHead(form);
    if (head !== 'module' && head !== 'module*') argumentsError('syntax-local-lift-module', 'not a module form', ['given form', form]);
    const body = ex.moduleBody;
    if (body === null)
      argumentsError('syntax-local-lift-module', 'not currently transforming within a module declaration or top level', [
        'form to lift',
        form,
      ]);
    body.liftModule(form);
    return VOID;
  });
  t.fn('syntax-local-lift-module-end-declaration', 1, 1, function (this: Machine, form: Value) {
    const ex = expanding(this, 'syntax-local-lift-module-end-declaration');
    if (!(form instanceof Syntax)) return argError('syntax-local-lift-module-end-declaration', 'syntax?', form);
    if (ex.moduleBody === null)
      argumentsError('syntax-local-lift-module-end-declaration', 'not currently transforming an expression within a module declaration', [
        'form to lift',
        form,
      ]);
    ex.moduleBody.liftEnd(form);
    return VOID;
  });
  t.fn('syntax-local-module-interned-scope-symbols', 0, 0, function (this: Machine) {
    return listFromArray(internedScopeKeys(expanding(this, 'syntax-local-module-interned-scope-symbols')).map(sym));
  });
  t.fn('syntax-source-module', 1, 2, (stx: Value, source: Value = false) => {
    // Racket 8.7 names syntax-track-origin in this error; so does rkt, to print what it prints.
    if (!(stx instanceof Syntax)) return argError('syntax-track-origin', 'syntax?', stx);
    const info = moduleOfScopes(stx.scopes);
    if (info === null) return false;
    const name = resolvedName(info.name);
    if (source !== false) return name.submodules.length === 0 ? name.root : listFromArray([name.root, ...name.submodules]);
    return new ModulePathIndex(false, false, null, name);
  });
}
