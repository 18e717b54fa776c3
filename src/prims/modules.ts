// Module names and loading (The Racket Reference §14.4): module paths,
// resolved module paths, module path indexes, dynamic-require and the
// module reflection procedures (module->exports, module-declared?, ...).
// The runtime has one module registry, which every namespace shares.

import type { Machine } from '../eval/machine.js';
import { ThenFrame } from '../eval/machine.js';
import { Const, Seq } from '../eval/nodes.js';
import { Parameter, Primitive } from '../eval/procedures.js';
import type { ModuleInfo } from '../expand/modules.js';
import { Namespace } from '../expand/namespace.js';
import { datumToSyntax } from '../expand/scopes.js';
import { argError, argumentsError } from '../errors/messages.js';
import { RacketThrow, exnFailContractT, exnFailFilesystemMissingModuleT, exnFailSyntaxMissingModuleT, makeExn } from '../errors/exn.js';
import { StructInstance, StructProperty } from '../values/struct.js';
import { ModulePathIndex, ResolvedModulePath } from '../values/module-path.js';
import { RPath } from '../values/path.js';
import { Syntax } from '../values/syntax.js';
import { MultipleValues, NULL, Pair, RString, Sym, VOID, isList, listFromArray, listToArray, sym, type Value } from '../values/types.js';
import { currentDirectory } from './paths.js';
import type { PrimTable } from './table.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';

const MODULE_PATH_CONTRACT = '(or/c module-path? module-path-index? resolved-module-path?)';

/** `current-load-relative-directory`: where relative module paths and `load-relative` start from (#f: the current directory). */
export const currentLoadRelativeDirectory = new Parameter(
  false,
  new Primitive('current-load-relative-directory', 1, 1, (v: Value) => {
    if (v === false) return v;
    if (v instanceof RString && v.s.startsWith('/')) return new RPath(v.s.endsWith('/') ? v.s : `${v.s}/`);
    if (v instanceof RPath && v.path.startsWith('/')) return v;
    return argError('current-load-relative-directory', '(or/c (and/c path-string? complete-path?) #f)', v);
  }),
  'current-load-relative-directory',
);

/** The directory relative module paths are resolved against. */
export function relativeDirectory(m: Machine): string {
  const d = m.paramValue(currentLoadRelativeDirectory);
  const dir = d instanceof RPath ? d.path : (m.paramValue(currentDirectory) as RPath).path;
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** `current-module-declare-name`: the name eval declares a compiled module under, or #f for its own. */
export const currentModuleDeclareName = new Parameter(
  false,
  new Primitive('current-module-declare-name', 1, 1, (v: Value) =>
    v === false || v instanceof ResolvedModulePath ? v : argError('current-module-declare-name', '(or/c #f resolved-module-path?)', v),
  ),
  'current-module-declare-name',
);

// ---------------------------------------------------------------- module-path?

const PLAIN_ELEMENT = /^[a-zA-Z0-9\-+_]+$/;
const FILE_ELEMENT = /^[a-zA-Z0-9\-+_.]+$/;

/** A `/`-separated relative path of Racket's portable characters; only a string's last element may have a dot. */
function relString(s: string, isString: boolean): boolean {
  if (s === '' || s.startsWith('/') || s.endsWith('/')) return false;
  const elements = s.split('/');
  return elements.every((e, i) => {
    if (isString && (e === '.' || e === '..')) return true;
    return (isString && i === elements.length - 1 ? FILE_ELEMENT : PLAIN_ELEMENT).test(e);
  });
}

/** Racket's module path grammar (module-path?). */
export function isModulePath(v: Value): boolean {
  if (v instanceof Sym) return relString(v.name, false);
  if (v instanceof RString) return relString(v.s, true);
  if (v instanceof RPath) return true;
  if (!(v instanceof Pair) || !isList(v) || !(v.car instanceof Sym)) return false;
  const args = listToArray(v.cdr);
  switch (v.car.name) {
    case 'quote':
      return args.length === 1 && args[0] instanceof Sym;
    case 'lib':
      return args.length >= 1 && args.every((a) => a instanceof RString && relString(a.s, true));
    case 'file':
      return args.length === 1 && args[0] instanceof RString && args[0].s !== '';
    case 'planet':
      return (
        args.length >= 1 &&
        (args[0] instanceof RString || args[0] instanceof Sym) &&
        /\//.test(args[0] instanceof Sym ? args[0].name : (args[0] as RString).s)
      );
    case 'submod': {
      if (args.length < 1) return false;
      const root = args[0];
      const rootOk = (root instanceof RString && (root.s === '.' || root.s === '..')) || isModulePath(root);
      return rootOk && args.slice(1).every((a) => a instanceof Sym || (a instanceof RString && a.s === '..'));
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------- resolving

/** The resolved name of a module path, relative to `dir` (no loading). */
function resolveName(m: Machine, who: string, v: Value, dir: string): ResolvedModulePath {
  if (v instanceof ResolvedModulePath) return v;
  if (v instanceof ModulePathIndex) return resolveIndex(m, who, v);
  if (!isModulePath(v)) argError(who, MODULE_PATH_CONTRACT, v);
  if (v instanceof Sym) return new ResolvedModulePath(v);
  if (v instanceof RString) return new ResolvedModulePath(new RPath(m.rt.host.resolvePath(`${dir}.`, v.s)));
  if (v instanceof RPath) return new ResolvedModulePath(new RPath(m.rt.host.resolvePath(`${dir}.`, v.path)));
  const p = v as Pair;
  const args = listToArray(p.cdr);
  switch ((p.car as Sym).name) {
    case 'quote':
      return new ResolvedModulePath(args[0] as Sym);
    case 'lib':
      return new ResolvedModulePath(sym((args[0] as RString).s.replace(/\.rkt$/, '')));
    case 'file':
      return new ResolvedModulePath(new RPath(m.rt.host.resolvePath(`${dir}.`, (args[0] as RString).s)));
    case 'submod': {
      const root = args[0];
      const base = root instanceof RString && (root.s === '.' || root.s === '..') ? null : resolveName(m, who, root, dir);
      if (base === null) argumentsError(who, 'no enclosing module for a relative submodule path', ['module path', v]);
      return new ResolvedModulePath(base.root, [...base.submodules, ...(args.slice(1) as Sym[])]);
    }
    default:
      return argError(who, MODULE_PATH_CONTRACT, v);
  }
}

function resolveIndex(m: Machine, who: string, i: ModulePathIndex): ResolvedModulePath {
  if (i.resolved !== null) return i.resolved;
  let dir = relativeDirectory(m);
  const base = i.base === false ? null : i.base instanceof ResolvedModulePath ? i.base : resolveIndex(m, who, i.base);
  if (base !== null && base.root instanceof RPath) dir = base.root.path.slice(0, base.root.path.lastIndexOf('/') + 1);
  if (i.path === false) return base ?? new ResolvedModulePath(sym('top-level'));
  const r = resolveName(m, who, i.path, dir);
  i.resolved = r;
  return r;
}

/** The module path (as syntax) that names the module `name`, for the module registry. */
function specOf(m: Machine, name: ResolvedModulePath): Syntax {
  const root: Value =
    name.root instanceof RPath
      ? new RString(name.root.path, true)
      : isTopLevelModule(m, name.root)
        ? listFromArray([sym('quote'), name.root])
        : name.root;
  const d = name.submodules.length === 0 ? root : listFromArray([sym('submod'), root, ...name.submodules]);
  return datumToSyntax(null, d, null);
}

/** Whether `name` is a module declared at the top level (`'name`) rather than a library. */
function isTopLevelModule(m: Machine, name: Sym): boolean {
  return m.rt.ex.library(name.name) === null && m.rt.namespaces.declaredModule(name.name) !== null;
}

/** The module `v` names (declared and expanded; not instantiated). A missing file is exn:fail:filesystem:missing-module here. */
export function moduleOf(m: Machine, who: string, v: Value): [ModuleInfo, ResolvedModulePath] {
  const name = resolveName(m, who, v, relativeDirectory(m));
  try {
    return [m.rt.namespaces.moduleOf(specOf(m, name), `${relativeDirectory(m)}top-level`), name];
  } catch (e) {
    if (e instanceof RacketThrow && e.value instanceof StructInstance && e.value.type === exnFailSyntaxMissingModuleT) {
      const [message, marks, , path] = e.value.fields;
      throw new RacketThrow(new StructInstance(exnFailFilesystemMissingModuleT, [message, marks, path]));
    }
    throw e;
  }
}

/** `prop:exn:missing-module`: its value gives the missing module's path. */
const propExnMissingModule = new StructProperty('prop:exn:missing-module');
exnFailFilesystemMissingModuleT.props.set(
  propExnMissingModule,
  new Primitive('exn:fail:filesystem:missing-module-path', 1, 1, (e: Value) => (e as StructInstance).fields[2]),
);
exnFailSyntaxMissingModuleT.props.set(
  propExnMissingModule,
  new Primitive('exn:fail:syntax:missing-module-path', 1, 1, (e: Value) => (e as StructInstance).fields[3]),
);

/** A module that must already be declared (module->exports and friends). */
function declaredModule(m: Machine, who: string, v: Value): [ModuleInfo, ResolvedModulePath] {
  const name = resolveName(m, who, v, relativeDirectory(m));
  if (name.root instanceof RPath && !m.rt.namespaces.isDeclared(name.root.path))
    argumentsError(who, 'unknown module in the current namespace', ['name', name]);
  return moduleOf(m, who, name);
}

/** Runs the nodes that instantiate `info`, then `then`. */
function instantiateThen(m: Machine, info: ModuleInfo, then: (m: Machine) => void): void {
  const nodes = m.rt.namespaces.instantiationNodes(info);
  if (nodes.length === 0) {
    then(m);
    return;
  }
  m.stack.push(new ThenFrame(then));
  m.node = new Seq([...nodes, new Const(VOID)]);
}

/** module->exports' shape: `((phase (name origin ...) ...) ...)`, names sorted. */
function exportList(names: string[], phase: number): Value {
  if (names.length === 0) return NULL;
  names.sort();
  return listFromArray([listFromArray([phase, ...names.map((n) => listFromArray([sym(n), NULL]))])]);
}

function declared(m: Machine, who: string, v: Value, load: boolean): boolean {
  const name = resolveName(m, who, v, relativeDirectory(m));
  if (name.root instanceof Sym && !isTopLevelModule(m, name.root)) {
    const declaredAlone = m.rt.namespaces.declaredModule([name.root.name, ...name.submodules.map((s) => s.name)].join(' ')) !== null;
    return declaredAlone || (m.rt.ex.library(name.root.name) !== null && name.submodules.length === 0);
  }
  if (name.root instanceof RPath && !load && !m.rt.namespaces.isDeclared(name.root.path)) return false;
  try {
    moduleOf(m, who, name);
    return true;
  } catch (e) {
    if (e instanceof RacketThrow && !load) return false;
    throw e;
  }
}

/** Each module's namespace (module->namespace returns the same one each time). */
const moduleNamespaces = new WeakMap<ModuleInfo, Namespace>();

export function installModules(t: PrimTable): void {
  t.value('prop:exn:missing-module', propExnMissingModule);
  const missingAccessor = (v: Value): Value | undefined => (v instanceof StructInstance ? v.type.prop(propExnMissingModule) : undefined);
  t.fn('exn:missing-module?', 1, 1, (v) => missingAccessor(v) !== undefined);
  t.fn('exn:missing-module-accessor', 1, 2, (v: Value, failure?: Value) => {
    const accessor = missingAccessor(v);
    if (accessor !== undefined) return accessor;
    return failure !== undefined ? failure : argError('missing-module-accessor', 'missing-module?', v);
  });
  t.value('current-load-relative-directory', currentLoadRelativeDirectory);
  t.fn('module-path?', 1, 1, (v) => isModulePath(v));
  t.fn('resolved-module-path?', 1, 1, (v) => v instanceof ResolvedModulePath);
  t.fn('make-resolved-module-path', 1, 1, (v: Value) => {
    const root = (r: Value): RPath | Sym | null => (r instanceof Sym ? r : r instanceof RPath && r.path.startsWith('/') ? r : null);
    const direct = root(v);
    if (direct !== null) return new ResolvedModulePath(direct);
    if (v instanceof Pair && isList(v.cdr) && v.cdr !== NULL && root(v.car) !== null) {
      const subs = listToArray(v.cdr);
      if (subs.every((s) => s instanceof Sym)) return new ResolvedModulePath(root(v.car)!, subs as Sym[]);
    }
    return argError(
      'make-resolved-module-path',
      '(or/c symbol?\n                  (and/c path? complete-path?)\n                  (cons/c (or/c symbol?\n                                (and/c path? complete-path?))\n                          (non-empty-listof symbol?)))',
      v,
    );
  });
  t.fn('resolved-module-path-name', 1, 1, (v: Value) => {
    if (!(v instanceof ResolvedModulePath)) argError('resolved-module-path-name', 'resolved-module-path?', v);
    const n = v.name();
    return Array.isArray(n) ? listFromArray(n) : n;
  });
  t.fn('module-path-index?', 1, 1, (v) => v instanceof ModulePathIndex);
  t.fn('module-path-index-join', 2, 3, (path: Value, base: Value, submod: Value = false) => {
    if (path !== false && !isModulePath(path)) argError('module-path-index-join', '(or/c #f module-path?)', path);
    if (base !== false && !(base instanceof ModulePathIndex) && !(base instanceof ResolvedModulePath))
      argError('module-path-index-join', '(or/c module-path-index? resolved-module-path? #f)', base);
    if (submod !== false && !(isList(submod) && submod !== NULL && listToArray(submod).every((s) => s instanceof Sym)))
      argError('module-path-index-join', '(or/c #f (non-empty-listof symbol?))', submod);
    return new ModulePathIndex(
      path,
      base as ModulePathIndex | ResolvedModulePath | false,
      submod === false ? null : (listToArray(submod) as Sym[]),
    );
  });
  t.valuesFn('module-path-index-split', 1, 1, (i: Value) => {
    if (!(i instanceof ModulePathIndex)) argError('module-path-index-split', 'module-path-index?', i);
    return new MultipleValues([i.path, i.base]);
  });
  t.fn('module-path-index-submodule', 1, 1, (i: Value) => {
    if (!(i instanceof ModulePathIndex)) argError('module-path-index-submodule', 'module-path-index?', i);
    return i.submodule === null ? false : listFromArray([...i.submodule]);
  });
  t.fn('module-path-index-resolve', 1, 3, function (this: Machine, i: Value) {
    if (!(i instanceof ModulePathIndex)) argError('module-path-index-resolve', 'module-path-index?', i);
    return resolveIndex(this, 'module-path-index-resolve', i);
  });

  const standardResolver = new Primitive('standard-module-name-resolver', 1, 4, function (this: Machine, spec: Value, ...rest: Value[]) {
    if (rest.length === 0) return VOID; // declaration notification
    return resolveName(this, 'standard-module-name-resolver', spec instanceof Syntax ? (spec.e as Value) : spec, relativeDirectory(this));
  });
  t.value(
    'current-module-name-resolver',
    new Parameter(
      standardResolver,
      new Primitive('current-module-name-resolver', 1, 1, (v: Value) =>
        isProcedure(v) && arityIncludes(v, 2) && arityIncludes(v, 4)
          ? v
          : argError('current-module-name-resolver', '(and/c (procedure-arity-includes/c 2) (procedure-arity-includes/c 4))', v),
      ),
      'current-module-name-resolver',
    ),
  );
  t.value('current-module-declare-name', currentModuleDeclareName);
  t.value(
    'current-module-declare-source',
    new Parameter(
      false,
      new Primitive('current-module-declare-source', 1, 1, (v: Value) =>
        v === false || v instanceof Sym || (v instanceof RPath && v.path.startsWith('/'))
          ? v
          : argError('current-module-declare-source', '(or/c #f symbol? (and/c path? complete-path?))', v),
      ),
      'current-module-declare-source',
    ),
  );

  t.machine('dynamic-require', 2, 3, (m, a) => {
    const [mod, provided, failThunk] = a.slice(1);
    if (!(provided instanceof Sym) && provided !== false && provided !== 0 && provided !== VOID)
      argError('dynamic-require', '(or/c symbol? #f 0 void?)', provided);
    if (failThunk !== undefined && typeof failThunk !== 'object') argError('dynamic-require', '(-> any)', failThunk);
    const [info, name] = moduleOf(m, 'dynamic-require', mod);
    if (provided === VOID) {
      m.returnValue(VOID);
      return;
    }
    instantiateThen(m, info, (m) => {
      if (!(provided instanceof Sym)) {
        m.returnValue(VOID);
        return;
      }
      const meaning = info.exports.get(provided.name);
      if (meaning === undefined) {
        if (failThunk !== undefined) m.applyArray(failThunk, []);
        else
          m.raise(
            makeExn(
              exnFailContractT,
              `dynamic-require: name is not provided\n  name: '${provided.name}\n  module: #<resolved-module-path:${name.text()}>`,
            ),
            true,
          );
        return;
      }
      if (meaning.kind === 'top') {
        meaning.v.force();
        m.returnValue(meaning.v.value ?? VOID);
        return;
      }
      // Syntax: expanded as an expression in a fresh namespace that requires the module.
      const ns = new Namespace([]);
      m.node = new Seq([m.rt.namespaces.requireNode(ns, specOf(m, name)), m.rt.namespaces.evalNode(ns, new Syntax(provided, null))]);
    });
  });
  t.alias('dynamic-require-for-syntax', 'dynamic-require');

  t.fn('module-declared?', 1, 2, function (this: Machine, mod: Value, load: Value = false) {
    return declared(this, 'module-declared?', mod, load !== false);
  });
  t.fn('module-predefined?', 1, 1, (mod: Value) => {
    if (!isModulePath(mod) && !(mod instanceof ResolvedModulePath) && !(mod instanceof ModulePathIndex))
      argError('module-predefined?', MODULE_PATH_CONTRACT, mod);
    const q = mod instanceof Pair && mod.car instanceof Sym && mod.car.name === 'quote' ? (mod.cdr as Pair).car : null;
    return q instanceof Sym && q.name.startsWith('#%');
  });
  t.valuesFn('module->exports', 1, 2, function (this: Machine, mod: Value) {
    const [info] = declaredModule(this, 'module->exports', mod);
    const vars: string[] = [];
    const stx: string[] = [];
    for (const [n, meaning] of info.exports) (meaning.kind === 'top' ? vars : stx).push(n);
    return new MultipleValues([exportList(vars, 0), exportList(stx, 0)]);
  });
  t.valuesFn('module->indirect-exports', 1, 1, function (this: Machine, mod: Value) {
    declaredModule(this, 'module->indirect-exports', mod);
    return new MultipleValues([NULL, NULL]);
  });
  t.fn('module->imports', 1, 1, function (this: Machine, mod: Value) {
    const [info, name] = declaredModule(this, 'module->imports', mod);
    const imported = [...new Set([...(info.language ? [info.language] : []), ...info.requires])];
    if (imported.length === 0) return NULL;
    const self = new ModulePathIndex(false, false, null, name);
    const mpis = imported.map((r) => new ModulePathIndex(r.name.startsWith('/') ? new RString(r.name, true) : sym(r.name), self));
    return listFromArray([listFromArray([0, ...mpis])]);
  });
  t.fn('module->language-info', 1, 2, function (this: Machine, mod: Value) {
    declaredModule(this, 'module->language-info', mod);
    return false;
  });
  t.fn('module->realm', 1, 1, function (this: Machine, mod: Value) {
    declaredModule(this, 'module->realm', mod);
    return sym('racket');
  });
  t.fn('module->namespace', 1, 2, function (this: Machine, mod: Value) {
    const [info, name] = declaredModule(this, 'module->namespace', mod);
    if (!info.instantiated && info.body !== null)
      argumentsError('module->namespace', 'module not instantiated in the current namespace', ['name', name]);
    let ns = moduleNamespaces.get(info);
    if (ns === undefined) {
      const shown = name.root instanceof RPath ? name.root.path : null;
      ns = new Namespace(info.body === null ? [info.name] : [], info.bodyScopes, shown);
      moduleNamespaces.set(info, ns);
    }
    return ns;
  });
  // load's handler declares a `#lang` file's module (without instantiating it).
  t.internalFn('declare-module-file', 1, 1, function (this: Machine, path: Value) {
    moduleOf(this, 'load', path);
    return VOID;
  });
  t.fn('module-provide-protected?', 2, 2, () => false);
  t.fn('module-cache-clear!', 0, 0, () => VOID);
}
