// Compiled expressions and compiled module declarations (The Racket
// Reference §14.2 and §14.4.3): what `compile` returns, and the
// `module-compiled-*` procedures that read a compiled module's name,
// imports, exports, submodules and declarations, or make a copy with
// another name or other submodules. Evaluating a compiled module declares
// it at the top level (under `current-module-declare-name` when that is set).

import type { Machine } from '../eval/machine.js';
import type { Core } from '../expand/core.js';
import { type ModuleInfo, moduleWithSubmodules } from '../expand/modules.js';
import { argError, argumentsError } from '../errors/messages.js';
import { ModulePathIndex, ResolvedModulePath } from '../values/module-path.js';
import { customPrint } from '../values/printable.js';
import { MultipleValues, NULL, Pair, RString, Sym, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { currentModuleDeclareName } from './modules.js';
import type { PrimTable } from './table.js';

/** What compile returns: a form expanded in a namespace, ready to run. */
export class CompiledExpression {
  constructor(readonly core: Core) {}
  [customPrint](): string {
    return '#<compiled-expression>';
  }
}

const NO_CODE: Core = { t: 'quote', v: false };

/**
 * A compiled `(module ...)` form. `path` is its name: a symbol, or the
 * enclosing modules' names and its own for a submodule. `pre` and `post`
 * are its `module` and `module*` submodules when they were replaced.
 */
export class CompiledModule extends CompiledExpression {
  constructor(
    readonly info: ModuleInfo,
    readonly path: readonly string[],
    private readonly pre: readonly CompiledModule[] | null = null,
    private readonly post: readonly CompiledModule[] | null = null,
  ) {
    super(NO_CODE);
  }

  submodules(star: boolean): CompiledModule[] {
    const replaced = star ? this.post : this.pre;
    if (replaced !== null) return replaced.map((c) => c.renamed([...this.path, c.path[c.path.length - 1]]));
    const out: CompiledModule[] = [];
    for (const [name, sub] of this.info.submodules) if (sub.star === star) out.push(new CompiledModule(sub, [...this.path, name]));
    return out;
  }

  renamed(path: readonly string[]): CompiledModule {
    return new CompiledModule(this.info, path, this.pre, this.post);
  }

  withSubmodules(star: boolean, subs: readonly CompiledModule[]): CompiledModule {
    return new CompiledModule(this.info, this.path, star ? this.pre : subs, star ? subs : this.post);
  }

  /** The module to declare: the expanded one, or a copy with the replaced submodules. */
  declaration(): ModuleInfo {
    if (this.pre === null && this.post === null) return this.info;
    const subs: [string, ModuleInfo][] = [];
    for (const star of [false, true]) {
      for (const c of this.submodules(star)) {
        let d = c.declaration();
        if (d.star !== star) {
          d = moduleWithSubmodules(d, [...d.submodules]);
          d.star = star;
        }
        subs.push([c.path[c.path.length - 1], d]);
      }
    }
    return moduleWithSubmodules(this.info, subs);
  }

  override [customPrint](): string {
    return '#<compiled-module-expression>';
  }
}

/** Declares a compiled module: eval of a compiled `(module ...)` form. */
export function declareCompiledModule(m: Machine, c: CompiledModule): void {
  const declareName = m.paramValue(currentModuleDeclareName);
  let path = c.path;
  if (declareName instanceof ResolvedModulePath && declareName.root instanceof Sym)
    path = [declareName.root.name, ...declareName.submodules.map((s) => s.name)];
  m.rt.namespaces.declareModule(c.declaration(), path.join(' '));
}

function compiledModule(who: string, v: Value): CompiledModule {
  return v instanceof CompiledModule ? v : argError(who, 'compiled-module-expression?', v);
}

/** The module path index by which a compiled module names a module it imports. */
function importIndex(info: ModuleInfo): ModulePathIndex {
  const name = info.name;
  if (name.startsWith('/')) return new ModulePathIndex(new RString(name, true), false);
  // A module declared at the top level is imported as `'name`.
  const quoted = !info.name.includes('/') && info.body !== null;
  return new ModulePathIndex(quoted ? listFromArray([sym('quote'), sym(name)]) : sym(name), false);
}

/** `((phase (name origins [defined-name]) ...) ...)` for the exports of one kind. */
function exportsByPhase(info: ModuleInfo, variables: boolean, definedNames: boolean): Value {
  const phases: Value[] = [];
  for (const [phase, table] of [
    [0, info.exports],
    [1, info.syntaxExports],
  ] as const) {
    const names: Value[] = [];
    for (const [name, meaning] of table) {
      if ((meaning.kind === 'top') !== variables) continue;
      const defined = meaning.kind === 'top' ? meaning.v.name : name;
      names.push(listFromArray(definedNames ? [sym(name), NULL, sym(defined)] : [sym(name), NULL]));
    }
    if (names.length > 0) phases.push(listFromArray([phase, ...names]));
  }
  return listFromArray(phases);
}

function nameArg(who: string, v: Value): string[] {
  if (v instanceof Sym) return [v.name];
  if (v instanceof Pair && isList(v)) {
    const parts = listToArray(v);
    if (parts.every((p) => p instanceof Sym)) return parts.map((p) => (p as Sym).name);
  }
  return argError(who, '(or/c symbol? (cons/c symbol? (non-empty-listof symbol?)))', v);
}

function nameValue(path: readonly string[]): Value {
  return path.length === 1 ? sym(path[0]) : listFromArray(path.map(sym));
}

export function installCompiledModules(t: PrimTable): void {
  t.fn('compiled-module-expression?', 1, 1, (v) => v instanceof CompiledModule);
  t.fn('module-compiled-name', 1, 2, (v: Value, name?: Value) => {
    const c = compiledModule('module-compiled-name', v);
    if (name === undefined) return nameValue(c.path);
    return c.renamed(nameArg('module-compiled-name', name));
  });
  t.fn('module-compiled-submodules', 2, 3, (v: Value, nonStar: Value, subs?: Value) => {
    const c = compiledModule('module-compiled-submodules', v);
    const star = nonStar === false;
    if (subs === undefined) return listFromArray(c.submodules(star));
    const list = isList(subs) ? listToArray(subs) : null;
    if (list === null || !list.every((s) => s instanceof CompiledModule))
      argError('module-compiled-submodules', '(listof compiled-module-expression?)', subs);
    const replacing = list as CompiledModule[];
    const names = new Set<string>();
    for (const s of [...replacing, ...c.submodules(!star)]) {
      const n = s.path[s.path.length - 1];
      if (names.has(n)) argumentsError('module-compiled-submodules', 'change would result in duplicate submodule name', ['name', sym(n)]);
      names.add(n);
    }
    return c.withSubmodules(star, replacing);
  });
  t.fn('module-compiled-imports', 1, 1, (v: Value) => {
    const c = compiledModule('module-compiled-imports', v);
    const phases: Value[] = [];
    for (const [phase, mods] of [...c.info.imports].sort((a, b) => a[0] - b[0]))
      phases.push(listFromArray([phase, ...mods.map(importIndex)]));
    return listFromArray(phases);
  });
  t.valuesFn('module-compiled-exports', 1, 2, (v: Value, verbosity: Value = false) => {
    const c = compiledModule('module-compiled-exports', v);
    if (verbosity !== false && !(verbosity instanceof Sym && verbosity.name === 'defined-names'))
      argError('module-compiled-exports', "(or/c #f 'defined-names)", verbosity);
    const named = verbosity !== false;
    return new MultipleValues([exportsByPhase(c.info, true, named), exportsByPhase(c.info, false, named)]);
  });
  t.fn('module-compiled-indirect-exports', 1, 1, (v: Value) => {
    const c = compiledModule('module-compiled-indirect-exports', v);
    // Variables it defines but does not export under their own names.
    const exported = new Set<string>();
    for (const [name, meaning] of c.info.exports) if (meaning.kind === 'top' && meaning.v.name === name) exported.add(name);
    const hidden = c.info.definedVariables.filter((n) => !exported.has(n));
    return hidden.length === 0 ? NULL : listFromArray([listFromArray([0, ...hidden.map(sym)])]);
  });
  t.fn('module-compiled-language-info', 1, 1, (v: Value) => {
    compiledModule('module-compiled-language-info', v);
    // Only a module read from `#lang` source carries language info; a `module` form has none.
    return false;
  });
  t.fn('module-compiled-realm', 1, 1, (v: Value) => sym(compiledModule('module-compiled-realm', v).info.realm));
  t.fn(
    'module-compiled-cross-phase-persistent?',
    1,
    1,
    (v: Value) => compiledModule('module-compiled-cross-phase-persistent?', v).info.crossPhasePersistent,
  );
}
