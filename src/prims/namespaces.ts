// Evaluation and namespaces (The Racket Reference §14.1–14.3): eval and
// expand in a namespace, making and inspecting namespaces, namespace
// anchors, and the current-eval / current-namespace parameters. The
// expander and module registry are the runtime's (m.rt.namespaces).

import type { Machine } from '../eval/machine.js';
import { PARAMZ_KEY, Paramz, ThreadCell } from '../eval/marks.js';
import { Parameter, Primitive, MachinePrimitive } from '../eval/procedures.js';
import { Namespace, NamespaceAnchor } from '../expand/namespace.js';
import type { Expander } from '../expand/expander.js';
import { datumToSyntax } from '../expand/scopes.js';
import { argError, argumentsError, undefinedVariable } from '../errors/messages.js';
import { VariableReference } from '../expand/variable-reference.js';
import { ModulePathIndex, ResolvedModulePath } from '../values/module-path.js';
import { RPath } from '../values/path.js';
import { Inspector, currentInspector } from './struct-types.js';
import { exnFailContractVariableT, exnFailSyntaxT, makeExn } from '../errors/exn.js';
import { Syntax } from '../values/syntax.js';
import { customPrint } from '../values/printable.js';
import { Sym, VOID, listFromArray, sym, type Value } from '../values/types.js';
import type { PrimTable } from './table.js';
import { isProcedure } from './check.js';
import { arityIncludes } from './procedures.js';
import { compile } from '../eval/compile.js';
import { TOP_LEVEL_BODY } from '../eval/proc-info.js';
import { CompiledExpression, CompiledModule, declareCompiledModule } from './compiled-modules.js';

function namespaceGuard(who: string): Primitive {
  return new Primitive(who, 1, 1, (v: Value) => (v instanceof Namespace ? v : argError(who, 'namespace?', v)));
}

/** `current-namespace`; each runtime sets its starting value (racket's for -e and the REPL, an empty one for a module program). */
export const currentNamespace = new Parameter(new Namespace([]), namespaceGuard('current-namespace'), 'current-namespace');

export function namespaceArg(m: Machine, who: string, v: Value | undefined): Namespace {
  if (v === undefined) return m.paramValue(currentNamespace) as Namespace;
  return v instanceof Namespace ? v : argError(who, 'namespace?', v);
}

/** A datum becomes syntax without lexical context; syntax is kept as it is. */
function toSyntax(v: Value): Syntax {
  return v instanceof Syntax ? v : datumToSyntax(null, v, null);
}

/** Runs `body` with current-namespace parameterized to `ns` (eval's optional namespace argument). */
function withNamespace(m: Machine, ns: Namespace): void {
  const pz = (m.firstMark(PARAMZ_KEY) as Paramz | undefined) ?? null;
  m.setMark(PARAMZ_KEY, new Paramz(currentNamespace, new ThreadCell(ns, true), pz));
}

/** The default eval handler: expands and runs a top-level form in the current namespace. */
const defaultEvalHandler = new MachinePrimitive('default-eval-handler', 1, 1, (m, a) => {
  const ns = m.paramValue(currentNamespace) as Namespace;
  const form = a[1];
  m.node = m.rt.namespaces.evalNode(ns, form instanceof Syntax ? form : toSyntax(form));
});

export const currentEval = new Parameter(
  defaultEvalHandler,
  new Primitive('current-eval', 1, 1, (v: Value) =>
    isProcedure(v) && arityIncludes(v, 1) ? v : argError('current-eval', '(procedure-arity-includes/c 1)', v),
  ),
  'current-eval',
);

/** eval and eval-syntax: `introduce` adds the namespace's scopes (eval does, eval-syntax does not). */
function evaluate(m: Machine, who: string, args: Value[], introduce: boolean): void {
  const [form, nsArg] = args;
  if (!introduce && !(form instanceof Syntax)) argError(who, 'syntax?', form);
  const ns = namespaceArg(m, who, nsArg);
  if (nsArg !== undefined) withNamespace(m, ns);
  if (form instanceof CompiledModule) {
    declareCompiledModule(m, form);
    m.returnValue(VOID);
    return;
  }
  if (form instanceof CompiledExpression) {
    m.node = compile(form.core, TOP_LEVEL_BODY);
    return;
  }
  const handler = m.paramValue(currentEval);
  // The default handler expands in `ns`, which adds the namespace's scopes itself.
  if (handler === defaultEvalHandler) m.node = m.rt.namespaces.evalNode(ns, toSyntax(form));
  else m.applyArray(handler, [introduce ? ns.introduce(m.rt.ex, toSyntax(form)) : form]);
}

/** `form` compiled in `ns`: a compiled module when it is a `(module ...)` form. */
function compileIn(m: Machine, ns: Namespace, form: Syntax): CompiledExpression {
  const core = m.rt.namespaces.compile(ns, form);
  const info = m.rt.namespaces.compiledModule(core);
  return info === null ? new CompiledExpression(core) : new CompiledModule(info, [info.name]);
}

function symbolArg(who: string, v: Value): Sym {
  return v instanceof Sym ? v : argError(who, 'symbol?', v);
}

/** Per runtime (its expander), each module's namespace as variable-reference->namespace returns it. */
const referenceNamespaces = new WeakMap<object, Map<string, Namespace>>();

/** What mappedVariableValue gives for a name bound to syntax. */
export const BOUND_TO_SYNTAX: unique symbol = Symbol('bound to syntax');

/**
 * `name`'s value in `ns` as the namespace maps it (a required or defined
 * variable), as namespace-variable-value and racket's -m find it:
 * undefined when it is not defined, BOUND_TO_SYNTAX when it names syntax.
 */
export function mappedVariableValue(ex: Expander, ns: Namespace, name: Sym): Value | undefined | typeof BOUND_TO_SYNTAX {
  const meaning = ex.resolve(ns.introduce(ex, new Syntax(name, null)));
  if (meaning === null) return ns.vars.get(name.name)?.value;
  if (meaning.kind !== 'top') return BOUND_TO_SYNTAX;
  meaning.v.force();
  return meaning.v.value;
}

export function installNamespaces(t: PrimTable): void {
  t.value('current-namespace', currentNamespace);
  t.value('current-eval', currentEval);
  t.fn('namespace?', 1, 1, (v) => v instanceof Namespace);
  t.fn('make-base-namespace', 0, 0, () => new Namespace(['racket/base']));
  t.fn('make-base-empty-namespace', 0, 0, () => new Namespace([]));
  // racket/enter's namespace to go back to: the REPL's (lib/enter.rkt).
  t.internalFn('top-level-namespace', 0, 0, function (this: Machine) {
    return this.rt.namespaces.topLevel;
  });
  t.fn('make-empty-namespace', 0, 0, () => new Namespace([]));

  t.machine('eval', 1, 2, (m, a) => evaluate(m, 'eval', a.slice(1), true));
  t.machine('eval-syntax', 1, 2, (m, a) => evaluate(m, 'eval-syntax', a.slice(1), false));

  const compileHandler = new Primitive('compile', 2, 2, function (this: Machine, form: Value) {
    return compileIn(this, this.paramValue(currentNamespace) as Namespace, toSyntax(form));
  });
  const currentCompile = new Parameter(compileHandler, false, 'current-compile');
  t.value('current-compile', currentCompile);
  for (const [name, introduce] of [
    ['compile', true],
    ['compile-syntax', false],
  ] as const) {
    t.fn(name, 1, 1, function (this: Machine, form: Value) {
      if (form instanceof CompiledExpression) return form;
      if (!introduce && !(form instanceof Syntax)) argError(name, 'syntax?', form);
      // Expanding in the namespace adds its scopes.
      return compileIn(this, this.paramValue(currentNamespace) as Namespace, toSyntax(form));
    });
  }
  t.fn('compiled-expression?', 1, 1, (v) => v instanceof CompiledExpression);
  t.fn('compiled-expression-recompile', 1, 1, (v: Value) =>
    v instanceof CompiledExpression ? v : argError('compiled-expression-recompile', 'compiled-expression?', v),
  );

  // Compilation settings rkt has no use for, kept with Racket's defaults and guards.
  const setting = (name: string, value: Value, check: (v: Value) => boolean, contract: string): void => {
    t.value(name, new Parameter(value, new Primitive(name, 1, 1, (v: Value) => (check(v) ? v : argError(name, contract, v))), name));
  };
  const any = (): boolean => true;
  for (const [name, value] of [
    ['compile-enforce-module-constants', true],
    ['compile-allow-set!-undefined', false],
    ['compile-context-preservation-enabled', false],
    ['eval-jit-enabled', true],
    ['load-on-demand-enabled', true],
  ] as const) {
    // Racket's boolean parameters take any value, keeping its truth.
    t.value(name, new Parameter(value, new Primitive(name, 1, 1, (v: Value) => v !== false), name));
  }
  setting('current-compile-realm', sym('racket'), (v) => v instanceof Sym, 'symbol?');
  setting('current-compile-target-machine', false, (v) => v === false || v instanceof Sym, '(or/c #f symbol?)');
  setting(
    'current-module-path-for-load',
    false,
    any,
    '(or/c #f module-path? (and/c syntax? (lambda (stx) (module-path? (syntax->datum stx)))))',
  );
  t.value(
    'current-code-inspector',
    new Parameter(
      new Inspector(null),
      new Primitive('current-code-inspector', 1, 1, (v: Value) =>
        v instanceof Inspector ? v : argError('current-code-inspector', 'inspector?', v),
      ),
      'current-code-inspector',
    ),
  );
  // rkt compiles to no machine's code: only #f (machine-independent) is a target.
  t.fn('compile-target-machine?', 1, 1, (v: Value) => (v instanceof Sym ? false : argError('compile-target-machine?', 'symbol?', v)));

  for (const [name, once, introduce] of [
    ['expand', 'full', true],
    ['expand-once', 'once', true],
    ['expand-to-top-form', 'top', true],
    ['expand-syntax', 'full', false],
    ['expand-syntax-once', 'once', false],
    ['expand-syntax-to-top-form', 'top', false],
  ] as const) {
    t.fn(name, 1, 2, function (this: Machine, form: Value, nsArg?: Value) {
      if (!introduce && !(form instanceof Syntax)) argError(name, 'syntax?', form);
      const ns = namespaceArg(this, name, nsArg);
      return this.rt.namespaces.expand(ns, toSyntax(form), once);
    });
  }

  t.fn('namespace-syntax-introduce', 1, 2, function (this: Machine, stx: Value, nsArg?: Value) {
    if (!(stx instanceof Syntax)) argError('namespace-syntax-introduce', 'syntax?', stx);
    return namespaceArg(this, 'namespace-syntax-introduce', nsArg).introduce(this.rt.ex, stx);
  });
  t.fn('namespace-symbol->identifier', 1, 1, function (this: Machine, s: Value) {
    const name = symbolArg('namespace-symbol->identifier', s);
    return namespaceArg(this, 'namespace-symbol->identifier', undefined).introduce(this.rt.ex, new Syntax(name, null));
  });
  t.fn('namespace-base-phase', 0, 1, function (this: Machine, nsArg?: Value) {
    namespaceArg(this, 'namespace-base-phase', nsArg);
    return 0;
  });
  t.fn('namespace-module-identifier', 0, 1, function (this: Machine, where?: Value) {
    if (where !== undefined && !(where instanceof Namespace) && typeof where !== 'number' && where !== false)
      argError('namespace-module-identifier', '(or/c namespace? exact-integer? #f)', where);
    return this.rt.ex.baseId('module');
  });

  t.fn('namespace-set-variable-value!', 2, 5, function (this: Machine, s: Value, v: Value, map: Value = false, nsArg?: Value) {
    const name = symbolArg('namespace-set-variable-value!', s);
    const ns = namespaceArg(this, 'namespace-set-variable-value!', nsArg);
    const cell = ns.variable(name.name);
    cell.value = v;
    if (map !== false)
      this.rt.ex.table.add(
        name.name,
        ns.introduce(this.rt.ex, new Syntax(name, null)).scopes,
        { kind: 'top', v: cell, imported: false },
        0,
      );
    return VOID;
  });
  t.fn('namespace-undefine-variable!', 1, 2, function (this: Machine, s: Value, nsArg?: Value) {
    const name = symbolArg('namespace-undefine-variable!', s);
    const ns = namespaceArg(this, 'namespace-undefine-variable!', nsArg);
    const cell = ns.vars.get(name.name);
    if (cell === undefined || cell.value === undefined) undefinedVariable(name.name);
    cell.value = undefined;
    return VOID;
  });
  t.machine('namespace-variable-value', 1, 4, (m, a) => {
    const [s, useMapping = true, failure = false, nsArg] = a.slice(1);
    const name = symbolArg('namespace-variable-value', s);
    const ns = namespaceArg(m, 'namespace-variable-value', nsArg);
    const fail = (message: string, type = exnFailContractVariableT, extra: Value = name): void => {
      if (failure !== false) m.applyArray(failure, []);
      else m.raise(makeExn(type, message, extra), true);
    };
    const notDefined = `namespace-variable-value: given name is not defined\n  name: ${name.name}`;
    if (useMapping === false) {
      const cell = ns.vars.get(name.name);
      if (cell === undefined || cell.value === undefined) fail(notDefined);
      else m.returnValue(cell.value);
      return;
    }
    const found = mappedVariableValue(m.rt.ex, ns, name);
    if (found === BOUND_TO_SYNTAX) {
      const id = ns.introduce(m.rt.ex, new Syntax(name, null));
      fail(`namespace-variable-value: bound to syntax\n  in: ${name.name}`, exnFailSyntaxT, listFromArray([id]));
    } else if (found === undefined) fail(notDefined);
    else m.returnValue(found);
  });
  t.fn('namespace-mapped-symbols', 0, 1, function (this: Machine, nsArg?: Value) {
    const ns = namespaceArg(this, 'namespace-mapped-symbols', nsArg);
    const names = new Set<string>(ns.vars.keys());
    const scopes = ns.introduce(this.rt.ex, new Syntax(sym('x'), null)).scopes;
    for (const n of this.rt.ex.table.namesVisible(scopes, 0)) if (!n.startsWith('\u0000')) names.add(n);
    return listFromArray([...names].map((n) => sym(n)));
  });

  t.machine('namespace-require', 1, 2, (m, a) => {
    const ns = namespaceArg(m, 'namespace-require', a[2]);
    m.node = m.rt.namespaces.requireNode(ns, toSyntax(a[1]));
  });
  t.alias('namespace-require/copy', 'namespace-require');
  t.alias('namespace-require/constant', 'namespace-require');
  t.machine('namespace-require/expansion-time', 1, 2, (m, a) => {
    const ns = namespaceArg(m, 'namespace-require/expansion-time', a[2]);
    // Binds the names without instantiating the module's run-time part.
    m.rt.namespaces.requireNode(ns, toSyntax(a[1]));
    m.returnValue(VOID);
  });
  t.fn('namespace-attach-module', 2, 3, function (this: Machine, from: Value, modPath: Value, to?: Value) {
    namespaceArg(this, 'namespace-attach-module', from);
    if (to !== undefined) namespaceArg(this, 'namespace-attach-module', to);
    // One module registry per runtime: the module is already shared.
    this.rt.namespaces.moduleOf(toSyntax(modPath), `${this.rt.ex.cwd}/top-level`);
    return VOID;
  });
  t.alias('namespace-attach-module-declaration', 'namespace-attach-module');
  t.fn('namespace-module-registry', 1, 1, (ns: Value) =>
    ns instanceof Namespace ? REGISTRY : argError('namespace-module-registry', 'namespace?', ns),
  );
  t.machine('namespace-call-with-registry-lock', 2, 2, (m, a) => {
    namespaceArg(m, 'namespace-call-with-registry-lock', a[1]);
    m.applyArray(a[2], []);
  });
  t.fn('namespace-unprotect-module', 2, 3, function (this: Machine, _inspector: Value, _modPath: Value, nsArg?: Value) {
    namespaceArg(this, 'namespace-unprotect-module', nsArg);
    return VOID;
  });

  // Variable references.
  const varRef = (who: string, v: Value): VariableReference =>
    v instanceof VariableReference ? v : argError(who, 'variable-reference?', v);
  // A module's name is its path or library name, then its submodule names, separated by spaces.
  const moduleOfRef = (r: VariableReference): ResolvedModulePath | false => {
    if (r.moduleName === null) return false;
    const [root, ...submodules] = r.moduleName.split(' ');
    return new ResolvedModulePath(
      root.startsWith('/') ? new RPath(root) : sym(root),
      submodules.map((n) => sym(n)),
    );
  };
  t.fn('variable-reference?', 1, 1, (v) => v instanceof VariableReference);
  t.fn('variable-reference-constant?', 1, 1, (v: Value) => varRef('variable-reference-constant?', v).isConstant());
  t.fn('variable-reference-from-unsafe?', 1, 1, (v: Value) => {
    varRef('variable-reference-from-unsafe?', v);
    return false;
  });
  t.fn('variable-reference->resolved-module-path', 1, 1, (v: Value) => moduleOfRef(varRef('variable-reference->resolved-module-path', v)));
  t.fn('variable-reference->module-source', 1, 1, (v: Value) => {
    const r = moduleOfRef(varRef('variable-reference->module-source', v));
    return r === false ? false : r.root;
  });
  t.fn('variable-reference->module-path-index', 1, 1, (v: Value) => {
    const r = moduleOfRef(varRef('variable-reference->module-path-index', v));
    return r === false ? false : new ModulePathIndex(false, false, null, r);
  });
  for (const name of ['variable-reference->phase', 'variable-reference->module-base-phase']) {
    t.fn(name, 1, 1, (v: Value) => {
      varRef(name, v);
      return 0;
    });
  }
  t.fn('variable-reference->module-declaration-inspector', 1, 1, function (this: Machine, v: Value) {
    const r = varRef('variable-reference->module-declaration-inspector', v);
    if (r.moduleName === null)
      argumentsError(
        'variable-reference->module-declaration-inspector',
        'variable reference does not refer to an anonymous module variable',
        ['variable reference', r],
      );
    return this.paramValue(currentInspector);
  });
  t.fn('variable-reference->namespace', 1, 1, function (this: Machine, v: Value) {
    const r = varRef('variable-reference->namespace', v);
    if (r.moduleName === null) return this.paramValue(currentNamespace) as Namespace;
    let byModule = referenceNamespaces.get(this.rt.ex);
    if (byModule === undefined) {
      byModule = new Map();
      referenceNamespaces.set(this.rt.ex, byModule);
    }
    let ns = byModule.get(r.moduleName);
    if (ns === undefined) {
      ns = new Namespace([], r.scopes, r.moduleName.startsWith('/') ? r.moduleName : null);
      byModule.set(r.moduleName, ns);
    }
    return ns;
  });
  t.fn('variable-reference->empty-namespace', 1, 1, (v: Value) => {
    varRef('variable-reference->empty-namespace', v);
    return new Namespace([]);
  });

  // Anchors: `(define-namespace-anchor a)` binds `a` to the scopes of the module it appears in.
  t.internalFn('make-namespace-anchor', 2, 2, (id: Value, moduleName: Value) => {
    return new NamespaceAnchor([...(id as Syntax).scopes], typeof moduleName === 'string' ? moduleName : null);
  });
  t.fn('namespace-anchor?', 1, 1, (v) => v instanceof NamespaceAnchor);
  t.fn('namespace-anchor->empty-namespace', 1, 1, (a: Value) =>
    a instanceof NamespaceAnchor ? new Namespace([]) : argError('namespace-anchor->empty-namespace', 'namespace-anchor?', a),
  );
  t.fn('namespace-anchor->namespace', 1, 1, (a: Value) =>
    a instanceof NamespaceAnchor ? a.namespace() : argError('anchor->namespace', 'namespace-anchor?', a),
  );
}

/** What namespace-module-registry returns: every namespace of a runtime shares one registry. */
class ModuleRegistry {
  [customPrint](): string {
    return '#<module-registry>';
  }
}
const REGISTRY = new ModuleRegistry();
