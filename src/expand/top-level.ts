// Expanding one top-level form (`rkt -e`, the REPL) in the top-level
// namespace, which is `racket` plus whatever earlier forms defined.

import type { Core, TopVar } from './core.js';
import { Pair, VOID, sym } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import { expandNamed } from './core-forms.js';
import type { Expander, LiftTarget } from './expander.js';
import { expandBeginForSyntax, expandModuleForm, requireSpec, printResults, type ModuleLoader, ModuleInfo } from './modules.js';
import type { Namespace } from './namespace.js';
import { idSym, syntaxList } from './scopes.js';

/** `print`: expression results are printed (as by `rkt -e`) rather than returned. */
export function expandTopLevel(ex: Expander, loader: ModuleLoader, top: Namespace, form: Syntax, print = true): Core {
  const saved = ex.ctx;
  const savedLifter = ex.requireLifter;
  ex.ctx = top.context();
  // Modules a lifted require needs are instantiated before the form runs.
  const liftedRequires = new ModuleInfo('top-level');
  ex.requireLifter = (spec) => requireSpec(ex, loader, liftedRequires, spec, ex.cwd + '/top-level');
  try {
    const scoped = top.introduce(ex, form);
    // Lifted definitions run before the form whose expansion lifted them.
    const lifted: { vars: TopVar[]; rhs: Syntax }[] = [];
    const target: LiftTarget = {
      phase: ex.phase,
      lift: (ids, rhs) => {
        const vars = ids.map((id) => {
          const v = top.variable(idSym(id).name);
          ex.bind(id, { kind: 'top', v, imported: false });
          return v;
        });
        lifted.push({ vars, rhs });
      },
    };
    return ex.withLiftTarget(target, () => {
      const withLifts = (core: Core): Core => {
        const pending = lifted.splice(0);
        if (pending.length === 0) return core;
        const defs = pending.map((l) => withLifts({ t: 'define-values', vars: l.vars, e: expandNamed(ex, l.rhs, null) }));
        return { t: 'begin', es: [...defs, core] };
      };
      // An interaction (-e, the REPL: results printed) is `(#%top-interaction . form)`, as in racket.
      const form = print
        ? new Syntax(new Pair(new Syntax(sym('#%top-interaction'), scoped.loc, scoped.scopes), scoped), scoped.loc, scoped.scopes)
        : scoped;
      const core = withLifts(expandForm(ex, loader, top, form, print));
      return liftedRequires.requires.length === 0 ? core : { t: 'begin', es: [loader.instantiation(liftedRequires.requires), core] };
    });
  } finally {
    ex.ctx = saved;
    ex.requireLifter = savedLifter;
  }
}

function expandForm(ex: Expander, loader: ModuleLoader, top: Namespace, stx: Syntax, print: boolean): Core {
  const form = ex.partialExpandIn(stx, 'top-level');
  const head = ex.coreHead(form);
  if (head === 'begin') {
    const subs = syntaxList(form)!.slice(1);
    if (subs.length === 0) return { t: 'quote', v: VOID };
    // Printed, as racket's interactions are, is what the whole form returns: its last form's results.
    return { t: 'begin', es: subs.map((s, i) => expandForm(ex, loader, top, s, print && i === subs.length - 1)) };
  }
  if (head === 'define-values') {
    const [ids, rhs] = ex.parseDefineValues(form);
    const vars = ids.map((id) => {
      const v = top.variable(idSym(id).name);
      ex.bind(id, { kind: 'top', v, imported: false });
      return v;
    });
    const e = expandNamed(ex, rhs, ids.length === 1 ? idSym(ids[0]).name : null);
    return { t: 'define-values', vars, e };
  }
  if (head === 'define-syntaxes') {
    ex.defineSyntaxes(form);
    return { t: 'quote', v: VOID };
  }
  if (head === 'begin-for-syntax') {
    expandBeginForSyntax(ex, loader, new ModuleInfo('top-level'), form, ex.cwd + '/top-level');
    return { t: 'quote', v: VOID };
  }
  if (head === 'module') {
    // Declared when the form runs (eval of a compiled module declares it again).
    const info = expandModuleForm(ex, loader, form, (name) => name, 0, `${ex.cwd}/top-level`, top.scopes(ex));
    return loader.declaration(info);
  }
  if (head === 'module*' || head === 'module+') ex.syntaxError(head, 'illegal use (not in a module top-level)', form);
  if (head === '#%declare') ex.syntaxError(head, 'not allowed outside of a module top-level', form);
  if (head === '#%require') {
    const info = new ModuleInfo('top-level');
    for (const spec of syntaxList(form)!.slice(1)) requireSpec(ex, loader, info, spec, ex.cwd + '/top-level');
    return loader.instantiation(info.requires);
  }
  const e = ex.expandExpr(form);
  return print ? printResults(ex, e) : e;
}
