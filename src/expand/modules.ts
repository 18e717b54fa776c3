// Modules: `#lang` files, `(module ...)` forms, submodules, `require`,
// `provide` and the built-in libraries.

import { TopVar, type Core } from './core.js';
import { Keyword, NULL, RString, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { Scope, Syntax, type SrcLoc } from '../values/syntax.js';
import { expandNamed } from './core-forms.js';
import { DefinitionFrame, type DefinitionContext, type Expander, type LiftTarget } from './expander.js';
import { StructInfo } from './transformers.js';
import { LABEL_PHASE, symbolKey } from './bindings.js';
import { addScope, idSym, isIdentifier, removeScope, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';
import { providePhaseSpec } from './provide-forms.js';
import {
  NO_FILTER,
  type RequireFilter,
  importSpace,
  keepsPhase,
  planetUnavailable,
  requirePortal,
  requireSubForm,
  scopesInSpace,
} from './require-forms.js';

/** A module: its exports for expansion, and its body for instantiation. */
export class ModuleInfo {
  readonly exports = new Map<string, Meaning>();
  /** What it provides for syntax (phase 1 of the requirer), as racket/stxparam provides syntax-parameter-value. */
  readonly syntaxExports = new Map<string, Meaning>();
  /** Core forms of the body, in order; null for built-in libraries. */
  body: Core[] | null = null;
  /** Modules that must be instantiated first. */
  readonly requires: ModuleInfo[] = [];
  readonly submodules = new Map<string, ModuleInfo>();
  /** Submodules declared with module+ / module* run after this one when it is the main program. */
  mainSubmodule: ModuleInfo | null = null;
  instantiated = false;
  /** Identifiers the module defines (variables and macros), for all-defined-out. */
  readonly defined: Syntax[] = [];
  /** The scopes of its body's forms (module->namespace sees its bindings through them). */
  bodyScopes: readonly Scope[] = [];
  /** The module language (`#lang` or the module form's), for module->imports. */
  language: ModuleInfo | null = null;
  /** Declared by module* or module+ (instantiated after the enclosing module), not by module. */
  star = false;
  /** The module it is a submodule of (`(submod ".." name)` goes there), or null. */
  enclosing: ModuleInfo | null = null;
  /** What it imports, by phase relative to its body, language first (module-compiled-imports). */
  readonly imports = new Map<number, ModuleInfo[]>();
  /** The variables it defines at phase 0, by defined name (module-compiled-indirect-exports). */
  readonly definedVariables: string[] = [];
  /** `(#%declare #:cross-phase-persistent)`. */
  crossPhasePersistent = false;
  /** `(#%declare #:realm name)`; Racket's default realm otherwise. */
  realm = 'racket';
  /** The expander's phase when its body was expanded (imports are recorded relative to it). */
  bodyPhase = 0;
  constructor(
    readonly name: string,
    /** The phase this instance runs at: 0 for the program's, 1 and up for the instances transformers use. */
    readonly phase = 0,
  ) {}
}

const scopeModules = new WeakMap<Scope, ModuleInfo>();

/** The module whose body `scopes` come from (the innermost one), or null (syntax-source-module). */
export function moduleOfScopes(scopes: readonly Scope[]): ModuleInfo | null {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const m = scopeModules.get(scopes[i]);
    if (m !== undefined) return m;
  }
  return null;
}

/** A copy of `info` with other submodules (module-compiled-submodules); it has instances of its own. */
export function moduleWithSubmodules(info: ModuleInfo, subs: readonly [string, ModuleInfo][]): ModuleInfo {
  const copy: ModuleInfo = Object.assign(new ModuleInfo(info.name, info.phase), info, { submodules: new Map(subs), instantiated: false });
  copy.mainSubmodule = copy.submodules.get('main') ?? null;
  return copy;
}

export interface ModuleLoader {
  /**
   * Reads and expands the module in `path` (absolute) for its instance at
   * `phase`, or returns the cached one. Each phase has its own instance, as
   * in Racket: a module a transformer uses does not share state with the
   * same module at run time.
   */
  loadFile(path: string, from: Syntax, phase: number): ModuleInfo;
  /** Instantiates a compile-time instance (and what it requires) now, if not done yet. */
  instantiateNow(info: ModuleInfo): void;
  /** A built-in library by name (racket/base, racket/list, racket/udp, ...), or null. */
  library(name: string): ModuleInfo | null;
  resolvePath(base: string, rel: string): string;
  /** A module declared by name at the top level (`(module m ...)`, eval of a compiled module), or null. */
  declared(name: string): ModuleInfo | null;
  /** Code that declares `info` at the top level under its name when it runs. */
  declaration(info: ModuleInfo): Core;
  /** Code that instantiates `modules` (and what they require) if not done yet: a top-level `require` runs them. */
  instantiation(modules: ModuleInfo[]): Core;
}

type Item =
  | { kind: 'def'; ids: Syntax[]; vars: TopVar[]; rhs: Syntax }
  | { kind: 'expr'; stx: Syntax /** Where the form was written, before macros expanded it. */; loc: SrcLoc | null }
  /** `contractOut`: the spec has `contract-out` parts not yet rewritten (at the end of pass 1). */
  | { kind: 'provide'; stx: Syntax; contractOut?: boolean }
  | { kind: 'submodule'; stx: Syntax; star: boolean };

/**
 * Expands the body of module `info` (forms already read), whose language is
 * `lang`. `scopes` are the scopes every body form carries.
 */
export function expandModule(
  ex: Expander,
  loader: ModuleLoader,
  info: ModuleInfo,
  lang: ModuleInfo,
  langScope: Scope,
  forms: Syntax[],
  source: string,
  enclosing: { scopes: Scope[] } | null = null,
): void {
  const ms = new Scope('module');
  scopeModules.set(ms, info);
  const bodyScopes = [...(enclosing?.scopes ?? [langScope]), ms];
  info.bodyScopes = bodyScopes;
  info.language = lang;
  info.bodyPhase = ex.phase;
  recordImport(info, 0, lang);
  if (enclosing === null && RUNTIME_CONFIGURED.has(lang.name) && !forms.some(declaresConfigureRuntime)) addConfigureRuntime(info);
  const queue = forms.map((f) => bodyScopes.reduce((s, sc) => addScope(s, sc), f));
  // mzscheme's module body does not print the results of its expressions.
  const quietLanguage = lang.name === 'mzscheme';
  const saved = ex.ctx;
  const defined = new Map<string, TopVar>();
  const ctx: DefinitionContext = {
    name: info.name,
    defineTop: (id) => {
      const name = idSym(id).name;
      const v = new TopVar(name, info.name);
      return v;
    },
    unbound: (id) => ex.unboundError(id),
  };
  ex.ctx = ctx;
  const savedFrame = ex.frame;
  const frame = new DefinitionFrame();
  ex.frame = frame;
  const items: Item[] = [];
  const declared = new Set<string>();
  // Definitions lifted by syntax-local-lift-expression go just before the form whose expansion lifted them.
  const lifted: { ids: Syntax[]; vars: TopVar[]; rhs: Syntax }[] = [];
  const liftTarget: LiftTarget = {
    phase: ex.phase,
    lift: (ids, rhs) => {
      const vars = ids.map((id) => {
        const v = ctx.defineTop(id);
        v.constant = true;
        ex.bind(id, { kind: 'top', v, imported: false });
        return v;
      });
      lifted.push({ ids, vars, rhs });
    },
  };
  ex.liftTargets.push(liftTarget);
  const savedLifters = { require: ex.requireLifter, provide: ex.provideLifter };
  ex.requireLifter = (spec) => requireSpec(ex, loader, info, spec, source);
  ex.provideLifter = (spec) =>
    items.push({ kind: 'provide', stx: new Syntax(new Pair(ex.baseId('#%provide'), new Pair(spec, NULL)), spec.loc) });
  /** The core of `expand()`, after the definitions it lifted (each after those its own expansion lifted). */
  const withLifts = (expand: () => Core): Core[] => {
    const core = expand();
    const out: Core[] = [];
    for (const l of lifted.splice(0)) {
      out.push(...withLifts(() => ({ t: 'define-values', vars: l.vars, e: expandNamed(ex, l.rhs, null) })));
    }
    out.push(core);
    return out;
  };
  const savedBody = ex.moduleBody;
  ex.moduleBody = {
    liftModule: (form) => queue.unshift(form),
    liftEnd: (form) => queue.push(form),
    submodules: () => [...info.submodules].filter(([, sub]) => !sub.star).map(([name]) => name),
    moduleExports: (spec) => {
      const m = moduleNamed(ex, loader, info, spec, source);
      const out: [number, string[]][] = [[0, [...m.exports.keys()]]];
      if (m.syntaxExports.size > 0) out.push([1, [...m.syntaxExports.keys()]]);
      return out;
    },
  };
  try {
    const body: Core[] = [];
    let expanded = 0;
    // Forms lifted to the end of the body (during either pass) are expanded in another round.
    do {
      while (queue.length > 0) {
        const written = queue.shift()!;
        const form = ex.partialExpandIn(written, 'module');
        for (const l of lifted.splice(0)) items.push({ kind: 'def', ...l });
        const head = ex.coreHead(form);
        if (head === 'begin') {
          queue.unshift(...syntaxList(form)!.slice(1));
          continue;
        }
        if (head === 'define-values') {
          const [written, rhs] = ex.parseDefineValues(form);
          const ids = written.map((id) => frame.binder(id));
          const vars = ids.map((id) => {
            const name = idSym(id).name;
            const existing = ex.table.exact(symbolKey(idSym(id)), id.scopes, ex.phase);
            if (existing !== null && existing.kind === 'top' && !existing.imported && [...defined.values()].includes(existing.v)) {
              ex.syntaxError('module', 'identifier already defined', form, id);
            }
            const v = ctx.defineTop(id);
            v.constant = true;
            defined.set(`${name}@${id.scopes.map((s) => s.id).join(',')}`, v);
            ex.bind(id, { kind: 'top', v, imported: false });
            return v;
          });
          items.push({ kind: 'def', ids, vars, rhs });
          info.defined.push(...ids);
          info.definedVariables.push(...ids.map((id) => idSym(id).name));
          continue;
        }
        if (head === 'define-syntaxes') {
          info.defined.push(...ex.defineSyntaxes(form));
          continue;
        }
        if (head === 'begin-for-syntax') {
          expandBeginForSyntax(ex, loader, info, form, source);
          continue;
        }
        if (head === '#%require') {
          for (const spec of syntaxList(form)!.slice(1)) requireSpec(ex, loader, info, spec, source);
          continue;
        }
        if (head === '#%provide') {
          items.push({ kind: 'provide', stx: form, contractOut: true });
          continue;
        }
        if (head === '#%declare') {
          declare(ex, info, form, declared);
          continue;
        }
        if (head === 'module' || head === 'module*' || head === 'module+') {
          items.push({ kind: 'submodule', stx: form, star: head !== 'module' });
          if (head === 'module') declareSubmodule(ex, loader, info, form, source, bodyScopes);
          continue;
        }
        items.push({ kind: 'expr', stx: form, loc: written.loc });
      }
      // contract-out's specs, once every definition of this round (structs too) is bound: the
      // definitions they add are expanded in another round.
      for (const it of items) {
        if (it.kind !== 'provide' || it.contractOut !== true) continue;
        it.stx = withContractsOut(ex, it.stx, (def) => queue.push(def));
        it.contractOut = false;
      }
      // Pass 2: expand right-hand sides and expressions with every definition bound.
      for (; expanded < items.length; expanded++) {
        const it = items[expanded];
        if (it.kind === 'def') {
          const name = it.ids.length === 1 && idSym(it.ids[0]).interned ? idSym(it.ids[0]).name : null;
          body.push(...withLifts(() => ({ t: 'define-values', vars: it.vars, e: expandNamed(ex, it.rhs, name) })));
        } else if (it.kind === 'expr') {
          body.push(...withLifts(() => (quietLanguage ? ex.expandExpr(it.stx) : printResults(ex, ex.expandExpr(it.stx), it.loc))));
        }
      }
    } while (queue.length > 0);
    // module+ / module* bodies see everything the enclosing module defines.
    const plus = new Map<string, Syntax[]>();
    for (const it of items) {
      if (it.kind !== 'submodule' || !it.star) continue;
      const p = syntaxList(it.stx)!;
      const name = idSym(p[1]).name;
      const rest = idSym(p[0]).name === 'module*' ? p.slice(3) : p.slice(2);
      plus.set(name, [...(plus.get(name) ?? []), ...rest]);
    }
    for (const [name, subForms] of plus) {
      if (name === 'test' && !ex.expandTestSubmodules) continue; // Run by `raco test` (`rkt test`), not by `racket FILE`.
      const sub = new ModuleInfo(`${info.name} ${name}`, info.phase);
      sub.star = true;
      sub.enclosing = info;
      sub.requires.push(info);
      expandModule(ex, loader, sub, lang, langScope, subForms, source, { scopes: bodyScopes });
      info.submodules.set(name, sub);
    }
    const main = info.submodules.get('main');
    if (main) info.mainSubmodule = main;
    for (const it of items) if (it.kind === 'provide') provide(ex, info, it.stx, bodyScopes);
    info.body = body;
  } finally {
    ex.liftTargets.splice(ex.liftTargets.indexOf(liftTarget), 1);
    ex.requireLifter = savedLifters.require;
    ex.provideLifter = savedLifters.provide;
    ex.moduleBody = savedBody;
    ex.ctx = saved;
    ex.frame = savedFrame;
  }
}

/** Notes that `info` imports `m` at `phase` (relative to its body), once. */
function recordImport(info: ModuleInfo, phase: number, m: ModuleInfo): void {
  const at = info.imports.get(phase);
  if (at === undefined) info.imports.set(phase, [m]);
  else if (!at.includes(m)) at.push(m);
}

const DECLARE_KEYWORDS = ['cross-phase-persistent', 'empty-namespace', 'unsafe', 'realm', 'require=define'];

/** `(#%declare keyword ...)` in a module body. */
function declare(ex: Expander, info: ModuleInfo, form: Syntax, seen: Set<string>): void {
  const parts = syntaxList(form)!;
  for (let i = 1; i < parts.length; i++) {
    const k = syntaxE(parts[i]);
    if (!(k instanceof Keyword) || !DECLARE_KEYWORDS.includes(k.name))
      ex.syntaxError('#%declare', 'not an allowed declaration keyword', form, parts[i]);
    if (seen.has(k.name)) ex.syntaxError('#%declare', 'keyword declared multiple times', form, parts[i]);
    seen.add(k.name);
    if (k.name === 'cross-phase-persistent') info.crossPhasePersistent = true;
    if (k.name === 'realm') {
      const id = parts[i + 1];
      if (id === undefined || !isIdentifier(id)) ex.syntaxError('#%declare', 'expected an identifier after keyword', form, parts[i]);
      info.realm = idSym(id).name;
      i++;
    }
  }
}

/** Languages whose `#%module-begin` adds a `configure-runtime` submodule, as racket/base's does. */
const RUNTIME_CONFIGURED = new Set(['racket/base', 'racket']);

/**
 * The `configure-runtime` submodule racket/base's `#%module-begin` declares
 * first, unless the body declares one: `racket FILE` runs it before the
 * module. The runtime configures printing and errors itself, so its body is empty.
 */
function addConfigureRuntime(info: ModuleInfo): void {
  const config = new ModuleInfo(`${info.name} configure-runtime`, info.phase);
  config.body = [];
  info.submodules.set('configure-runtime', config);
}

/** Whether `form` is written `(module configure-runtime ...)` or `(module* configure-runtime ...)`. */
function declaresConfigureRuntime(form: Syntax): boolean {
  const p = syntaxList(form);
  if (p === null || p.length < 2 || !isIdentifier(p[0]) || !isIdentifier(p[1])) return false;
  const head = idSym(p[0]).name;
  return (head === 'module' || head === 'module*') && idSym(p[1]).name === 'configure-runtime';
}

/**
 * Wraps a module-level expression so its non-void results are printed, as
 * `racket FILE` does. The thunk is anonymous at the expression's location
 * `loc`, which is how an error's context shows the expression, as Racket's.
 */
export function printResults(ex: Expander, e: Core, loc: SrcLoc | null = null): Core {
  return {
    t: 'app',
    f: { t: 'quote', v: ex.rtPrim('call-with-values') },
    args: [
      { t: 'lambda', req: [], opt: [], rest: null, body: e, name: null, loc, anonymous: true, printWrapper: true },
      { t: 'quote', v: ex.rtPrim('print-values') },
    ],
    loc: null,
  };
}

/** A nested `(module name lang body ...)`: expanded on its own, without the enclosing module's bindings. */
function declareSubmodule(ex: Expander, loader: ModuleLoader, info: ModuleInfo, form: Syntax, source: string, enclosing: Scope[]): void {
  const sub = expandModuleForm(ex, loader, form, (name) => `${info.name} ${name}`, info.phase, source, enclosing, info);
  info.submodules.set(idSym(syntaxList(form)![1]).name, sub);
}

/**
 * `(module name lang body ...)` as a module of its own: a submodule, or a
 * module declared at the top level. `removing`: scopes of the enclosing
 * context that its body must not see.
 */
export function expandModuleForm(
  ex: Expander,
  loader: ModuleLoader,
  form: Syntax,
  fullName: (name: string) => string,
  phase: number,
  source: string,
  removing: readonly Scope[],
  /** The module this one is declared in, for a language named `(submod ".." m)`. */
  within: ModuleInfo | null = null,
): ModuleInfo {
  const p = syntaxList(form);
  if (p === null || p.length < 3) ex.badSyntax(form);
  if (!isIdentifier(p[1])) ex.syntaxError('module', 'not an identifier', form, p[1]);
  const name = idSym(p[1]).name;
  const sub = new ModuleInfo(fullName(name), phase);
  sub.enclosing = within;
  const forms = p.slice(3).map((f) => removing.reduce((s, sc) => removeScope(s, sc), f));
  const langName = moduleName(syntaxToDatum(p[2]));
  const library = langName === null ? null : loader.library(langName);
  if (library !== null) {
    expandModule(ex, loader, sub, library, ex.langScope(langName!), forms, source);
    return sub;
  }
  // A module as the language: a file (`"lang.rkt"`) or a submodule (`(submod ".." m)`), instantiated first.
  const isPath = syntaxE(p[2]) instanceof RString || syntaxList(p[2]) !== null;
  if (!isPath) ex.syntaxError('module', 'unknown module language', form, p[2]);
  const lang = moduleNamed(ex, loader, sub, p[2], source);
  sub.requires.push(lang);
  expandModule(ex, loader, sub, lang, ex.moduleLanguageScope(lang), forms, source);
  return sub;
}

function moduleName(d: Value): string | null {
  if (d instanceof Sym) return d.name;
  if (d instanceof RString) return d.s;
  return null;
}

// ---------------------------------------------------------------- require

/**
 * `(require spec)` in module `info`: binds what `spec` imports, at the phase
 * being expanded plus `shift` (for-syntax: one up).
 */
export function requireSpec(
  ex: Expander,
  loader: ModuleLoader,
  info: ModuleInfo,
  spec: Syntax,
  source: string,
  shift = 0,
  only: RequireFilter = NO_FILTER,
): Syntax[] {
  const p = syntaxList(spec);
  const kind = p !== null && p.length > 0 && isIdentifier(p[0]) ? idSym(p[0]).name : null;
  if (kind === 'for-syntax' || kind === 'for-template' || kind === 'for-meta' || kind === 'for-label') {
    // Label imports bind at the label phase: identifier-label-binding sees them, nothing else does.
    if (kind === 'for-label') return p!.slice(1).flatMap((sub) => requireSpec(ex, loader, info, sub, source, LABEL_PHASE - ex.phase, only));
    let by = kind === 'for-syntax' ? 1 : -1;
    let subs = p!.slice(1);
    if (kind === 'for-meta') {
      const n = p!.length > 1 ? syntaxE(p![1]) : null;
      if (typeof n !== 'number' && n !== false) ex.syntaxError('for-meta', 'bad phase', spec);
      if (n === false) return [];
      by = n as number;
      subs = p!.slice(2);
    }
    return subs.flatMap((sub) => requireSpec(ex, loader, info, sub, source, shift + by, only));
  }
  if (kind === 'portal') return requirePortal(ex, spec, p!, ex.phase + shift);
  const nested = requireSubForm(ex, spec, p, kind, source, shift, only, loader.resolvePath);
  if (nested !== null) return nested.subs.flatMap((sub) => requireSpec(ex, loader, info, sub, nested.source, shift, nested.only));
  const phase = ex.phase + shift;
  const imports = resolveImports(ex, loader, info, spec, source, phase);
  // Modules export in the default space only; for-space moves the imports into another.
  const space = importSpace(only);
  if (space === undefined) return [];
  const scopes = scopesInSpace(ex, imports.ctx.scopes, space);
  const bound: Syntax[] = [];
  if (keepsPhase(only, shift)) {
    for (const [name, meaning] of imports.names) {
      const m: Meaning = meaning.kind === 'top' ? { kind: 'top', v: meaning.v, imported: true } : meaning;
      ex.table.add(name, scopes, m, phase);
      bound.push(new Syntax(sym(name), imports.ctx.loc, scopes));
    }
  }
  if (keepsPhase(only, shift + 1)) for (const [name, m] of imports.syntaxNames) ex.table.add(name, scopes, m, phase + 1);
  // Identifiers carry no phase shift here: the templates of a module that a
  // transformer uses are resolved at the phase they are used at, which is
  // one above what for-template means to that module. So for-template
  // names are bound there too.
  if (shift < 0 && keepsPhase(only, shift)) {
    for (const [name, meaning] of imports.names) {
      const m: Meaning = meaning.kind === 'top' ? { kind: 'top', v: meaning.v, imported: true } : meaning;
      if (ex.table.exact(name, scopes, phase + 1) === null) ex.table.add(name, scopes, m, phase + 1);
    }
  }
  return bound;
}

/** The module `spec` names from inside module `info` (whose submodules `'name` may name). */
function moduleNamed(ex: Expander, loader: ModuleLoader, info: ModuleInfo, spec: Syntax, source: string): ModuleInfo {
  const p = syntaxList(spec);
  const kind = p !== null && p.length > 0 && isIdentifier(p[0]) ? idSym(p[0]).name : null;
  if (kind === 'quote' || kind === 'submod') return resolveSubmodule(ex, loader, info, spec, p!, source, info.phase);
  return moduleOfPath(ex, loader, spec, source);
}

/** The module that module path `spec` names (dynamic-require, module->exports): loaded and expanded, not instantiated. */
export function moduleOfPath(ex: Expander, loader: ModuleLoader, spec: Syntax, source: string): ModuleInfo {
  const scratch = new ModuleInfo('top-level');
  resolveImports(ex, loader, scratch, spec, source, 0);
  return scratch.requires[0];
}

interface Imports {
  names: Map<string, Meaning>;
  /** Names it provides for syntax (only whole-module requires carry them). */
  syntaxNames: Map<string, Meaning>;
  /** Syntax whose scopes the imported bindings get. */
  ctx: Syntax;
}

/**
 * What `spec` imports when required at `phase` (relative to `info`): a
 * module needed at run time is instantiated with `info`; one needed at
 * compile time, now.
 */
function resolveImports(ex: Expander, loader: ModuleLoader, info: ModuleInfo, spec: Syntax, source: string, phase: number): Imports {
  const d = syntaxE(spec);
  const target = (m: ModuleInfo): Imports => {
    recordImport(info, phase - info.bodyPhase, m);
    if (phase === 0) {
      if (!info.requires.includes(m)) info.requires.push(m);
    } else if (phase > 0) loader.instantiateNow(m);
    // for-template from a module transformers use: the run-time instance its templates refer to.
    else if (info.phase + phase >= 0 && info.phase > 0) loader.instantiateNow(m);
    return { names: new Map(m.exports), syntaxNames: m.syntaxExports, ctx: spec };
  };
  const instancePhase = Math.max(0, info.phase + phase);
  const file = (path: string) => loader.loadFile(loader.resolvePath(source, path), spec, instancePhase);
  if (d instanceof RString) return target(file(d.s));
  if (d instanceof Sym) {
    const lib = loader.library(d.name);
    if (lib === null) ex.syntaxError('require', `unknown module\n  module name: ${d.name}`, spec);
    return target(lib);
  }
  const p = syntaxList(spec);
  if (p === null || p.length === 0 || !isIdentifier(p[0])) ex.syntaxError('require', 'bad require spec', spec);
  const kind = idSym(p[0]).name;
  switch (kind) {
    case 'only-in': {
      const inner = resolveImports(ex, loader, info, p[1], source, phase);
      const names = new Map<string, Meaning>();
      for (const item of p.slice(2)) {
        const [from, to] = renamePair(ex, item, spec);
        const m = inner.names.get(from);
        if (m === undefined) ex.syntaxError('only-in', `identifier \`${from}' not included in nested require spec`, spec, item);
        names.set(to, m);
      }
      return { names, syntaxNames: new Map(), ctx: inner.ctx };
    }
    case 'except-in': {
      const inner = resolveImports(ex, loader, info, p[1], source, phase);
      for (const item of p.slice(2)) inner.names.delete(idSym(item).name);
      return inner;
    }
    case 'prefix-in': {
      const inner = resolveImports(ex, loader, info, p[2], source, phase);
      const prefix = idSym(p[1]).name;
      return { names: new Map([...inner.names].map(([n, m]) => [prefix + n, m])), syntaxNames: new Map(), ctx: inner.ctx };
    }
    case 'rename-in': {
      const inner = resolveImports(ex, loader, info, p[1], source, phase);
      for (const item of p.slice(2)) {
        const [from, to] = renamePair(ex, item, spec);
        const m = inner.names.get(from);
        if (m === undefined) ex.syntaxError('rename-in', `identifier \`${from}' not included in nested require spec`, spec, item);
        inner.names.delete(from);
        inner.names.set(to, m);
      }
      return inner;
    }
    case 'combine-in': {
      const names = new Map<string, Meaning>();
      for (const sub of p.slice(1)) for (const [n, m] of resolveImports(ex, loader, info, sub, source, phase).names) names.set(n, m);
      return { names, syntaxNames: new Map(), ctx: spec };
    }
    case 'planet':
      return planetUnavailable(ex, spec);
    case 'file':
      return target(file((syntaxE(p[1]) as RString).s));
    case 'lib': {
      const lib = loader.library(
        String(syntaxToDatum(p[1]) instanceof RString ? (syntaxToDatum(p[1]) as RString).s.replace(/\.rkt$/, '') : ''),
      );
      if (lib === null) ex.syntaxError('require', 'unknown library', spec);
      return target(lib);
    }
    case 'quote':
    case 'submod': {
      const sub = resolveSubmodule(ex, loader, info, spec, p, source, instancePhase);
      return target(sub);
    }
    default:
      ex.syntaxError('require', 'bad require spec', spec);
  }
}

function resolveSubmodule(
  ex: Expander,
  loader: ModuleLoader,
  info: ModuleInfo,
  spec: Syntax,
  p: Syntax[],
  source: string,
  instancePhase: number,
): ModuleInfo {
  let base: ModuleInfo;
  let names: Syntax[];
  if (idSym(p[0]).name === 'quote') {
    // `'name` that is no submodule here names a module declared at the top level.
    const top = isIdentifier(p[1]) && !info.submodules.has(idSym(p[1]).name) ? loader.declared(idSym(p[1]).name) : null;
    if (top !== null) return top;
    base = info;
    names = [p[1]];
  } else {
    const root = syntaxE(p[1]);
    if (root instanceof RString && root.s === '.') base = info;
    else if (root instanceof RString && root.s === '..') {
      if (info.enclosing === null) ex.syntaxError('require', 'no enclosing module for ".."', spec);
      base = info.enclosing;
    } else if (root instanceof RString) base = loader.loadFile(loader.resolvePath(source, root.s), spec, instancePhase);
    else {
      const quoted = syntaxList(p[1]);
      if (quoted === null || quoted.length !== 2 || !isIdentifier(quoted[0]) || idSym(quoted[0]).name !== 'quote')
        ex.syntaxError('submod', 'bad submodule path', spec);
      // A submodule declared on its own at the top level (eval of a compiled submodule).
      const alone = loader.declared([quoted[1], ...p.slice(2)].map((n) => idSym(n).name).join(' '));
      if (alone !== null) return alone;
      base = resolveSubmodule(ex, loader, info, p[1], quoted, source, instancePhase);
    }
    names = p.slice(2);
  }
  let m = base;
  for (const n of names) {
    const sub = m.submodules.get(idSym(n).name);
    if (sub === undefined) ex.syntaxError('require', `unknown submodule\n  submodule: ${idSym(n).name}`, spec);
    m = sub;
  }
  return m;
}

function renamePair(ex: Expander, item: Syntax, spec: Syntax): [string, string] {
  if (isIdentifier(item)) return [idSym(item).name, idSym(item).name];
  const p = syntaxList(item);
  if (p === null || p.length !== 2 || !p.every(isIdentifier)) ex.syntaxError('require', 'bad rename', spec, item);
  return [idSym(p[0]).name, idSym(p[1]).name];
}

// ---------------------------------------------------------------- compile time

/**
 * `(begin-for-syntax form ...)` in module `info` or at the top level: the
 * forms are a module body of the next phase, expanded (definitions first)
 * and then run at once.
 */
export function expandBeginForSyntax(ex: Expander, loader: ModuleLoader, info: ModuleInfo, form: Syntax, source: string): void {
  ex.atNextPhase(() => {
    type CompileTimeItem = { vars: TopVar[]; ids: Syntax[]; rhs: Syntax } | { expr: Syntax };
    const items: CompileTimeItem[] = [];
    const queue = syntaxList(form)!.slice(1);
    while (queue.length > 0) {
      const f = ex.partialExpandIn(queue.shift()!, 'module');
      const head = ex.coreHead(f);
      if (head === 'begin') queue.unshift(...syntaxList(f)!.slice(1));
      else if (head === 'define-values') {
        const [ids, rhs] = ex.parseDefineValues(f);
        const vars = ids.map((id) => {
          const v = new TopVar(idSym(id).name, info.name);
          ex.bind(id, { kind: 'top', v, imported: false });
          return v;
        });
        items.push({ vars, ids, rhs });
      } else if (head === 'define-syntaxes') ex.defineSyntaxes(f);
      else if (head === 'begin-for-syntax') expandBeginForSyntax(ex, loader, info, f, source);
      else if (head === '#%require') for (const spec of syntaxList(f)!.slice(1)) requireSpec(ex, loader, info, spec, source);
      else if (head === '#%provide') continue;
      else items.push({ expr: f });
    }
    for (const it of items) {
      const core: Core =
        'expr' in it
          ? ex.expandExpr(it.expr)
          : { t: 'define-values', vars: it.vars, e: expandNamed(ex, it.rhs, it.ids.length === 1 ? idSym(it.ids[0]).name : null) };
      ex.compileTime!.run(core);
    }
  });
}

// ---------------------------------------------------------------- provide

/**
 * `form` (a `#%provide`) with its `contract-out` (and `recontract-out`) specs rewritten by
 * racket/contract into specs that export contracted values; the
 * definitions they need go to the end of the module body.
 */
function withContractsOut(ex: Expander, form: Syntax, define: (def: Syntax) => void): Syntax {
  const specs = syntaxList(form)!;
  const isContractOut = (s: Syntax) => {
    const p = syntaxList(s);
    return p !== null && p.length > 0 && isIdentifier(p[0]) && ['contract-out', 'recontract-out'].includes(idSym(p[0]).name);
  };
  if (ex.contractOut === null || !specs.slice(1).some(isContractOut)) return form;
  const out = specs.slice(1).flatMap((s) => (isContractOut(s) ? ex.contractOut!(s, define) : [s]));
  return new Syntax(listFromArray([specs[0], ...out]), form.loc, form.scopes, form.props);
}

function provide(ex: Expander, info: ModuleInfo, form: Syntax, scopes: Scope[]): void {
  for (const spec of syntaxList(form)!.slice(1)) provideSpec(ex, info, spec, scopes, form);
}

function provideSpec(ex: Expander, info: ModuleInfo, spec: Syntax, scopes: Scope[], form: Syntax): void {
  const exportId = (id: Syntax, as: string) => {
    const m = ex.resolve(id);
    if (m === null) ex.syntaxError('provide', 'provided identifier is not defined or required', form, id);
    const target = m.kind === 'syntax' ? ex.renameTarget(m.value) : null;
    if (target !== null) {
      info.exports.set(as, ex.resolveThroughRenames(target) ?? m);
      return;
    }
    info.exports.set(as, m.kind === 'top' ? { kind: 'top', v: m.v, imported: true } : m);
  };
  if (isIdentifier(spec)) {
    exportId(spec, idSym(spec).name);
    return;
  }
  const p = syntaxList(spec);
  if (p === null || p.length === 0 || !isIdentifier(p[0])) ex.syntaxError('provide', 'bad provide spec', form, spec);
  switch (idSym(p[0]).name) {
    case 'rename-out':
      for (const item of p.slice(1)) {
        const rp = syntaxList(item);
        if (rp === null || rp.length !== 2) ex.syntaxError('rename-out', 'bad syntax', form, item);
        exportId(rp[0], idSym(rp[1]).name);
      }
      return;
    case 'all-defined-out':
      for (const id of info.defined) exportId(id, idSym(id).name);
      return;
    case 'struct-out': {
      if (p.length !== 2) ex.syntaxError('struct-out', 'bad syntax', spec);
      if (!isIdentifier(p[1]))
        ex.syntaxError('struct-out', 'expected an identifier for a struct-type name, but found something else', spec, p[1]);
      const m = ex.resolve(p[1]);
      const info = m !== null && m.kind === 'syntax' && m.value instanceof StructInfo ? m.value : null;
      if (info === null) ex.syntaxError('struct-out', 'identifier is not bound to struct type information', spec, p[1]);
      exportId(p[1], idSym(p[1]).name);
      const own = info.ownFields;
      const ids = [info.type, ...(info.nameIsConstructor ? [] : [info.ctor]), ...info.extraNames, info.pred, ...own.map((f) => f.accessor)];
      for (const mutator of info.mutators) if (mutator !== null) ids.push(mutator);
      for (const id of ids) exportId(id, idSym(id).name);
      return;
    }
    case 'except-out': {
      for (const s of p.slice(1, 2)) provideSpec(ex, info, s, scopes, form);
      for (const s of p.slice(2)) info.exports.delete(idSym(s).name);
      return;
    }
    case 'prefix-out': {
      const tmp = new ModuleInfo('tmp');
      provideSpec(ex, tmp, p[2], scopes, form);
      for (const [n, m] of tmp.exports) info.exports.set(idSym(p[1]).name + n, m);
      return;
    }
    case 'all-from-out':
      for (const s of p.slice(1)) {
        const d = syntaxToDatum(s);
        // The module language counts as required (`(all-from-out racket/base)` in a racket/base module).
        const candidates = info.language === null ? [...info.requires] : [...info.requires, info.language];
        const target = candidates.find((r) => r.name.endsWith(d instanceof RString ? d.s : String(d)));
        if (target) for (const [n, m] of target.exports) info.exports.set(n, m);
      }
      return;
    case 'combine-out':
    case 'protect-out':
      // Protection guards exports from code without the module's inspector; every module here has it.
      for (const s of p.slice(1)) provideSpec(ex, info, s, scopes, form);
      return;
    case 'for-syntax':
    case 'for-meta':
    case 'for-label':
    case 'for-template':
    case 'for-space':
      providePhaseSpec(ex, info, spec, p, form, (s) => provideSpec(ex, info, s, scopes, form));
      return;
    default:
      ex.syntaxError('provide', 'bad provide spec', form, spec);
  }
}

import { Pair } from '../values/types.js';
import type { Meaning } from './expander.js';

// ---------------------------------------------------------------- top level

/** The namespace of `rkt -e` and the REPL: definitions are variables by name; unbound names are variables not yet defined. */
