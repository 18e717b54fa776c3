// `local-expand`: expansion that produces syntax rather than core code, for
// transformers that look at what a form expands to (The Racket Reference
// §12.4). The main expander goes straight from syntax to core code; this
// walker mirrors it over the same bindings, transformers and scopes but
// rebuilds each core form as syntax in Racket's fully expanded shape
// (`let-values`, `#%app`, `quote`, ...), so the result can be inspected and
// also handed back to the expander, which expands it again unchanged.

import type { LocalVar } from './core.js';
import { Keyword, NULL, Pair, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { Scope, Syntax, type SrcLoc } from '../values/syntax.js';
import { ALL_PHASES } from './bindings.js';
import { DefinitionFrame, type Expander } from './expander.js';
import { ExpandedSyntax, type TransformerFrame } from './transformers.js';
import { addScope, idSym, isIdentifier, syntaxE, syntaxList } from './scopes.js';

/** Where the form is expanded: Racket's `syntax-local-context` values. */
export type ExpansionContext = TransformerFrame['context'];

/**
 * Expands `stx` in `context`. With `stops` null the expansion is complete;
 * otherwise it stops at the head of the first form whose keyword is one of
 * `stops` or a core form (Racket adds the core forms to any non-empty stop
 * list).
 */
export function localExpand(ex: Expander, stx: Syntax, context: ExpansionContext, stops: Syntax[] | null): Syntax {
  const walker = new SyntaxExpansion(ex);
  if (stops !== null) return walker.head(stx, context, stops);
  return context === 'expression' ? walker.expr(stx) : walker.form(stx, context);
}

/**
 * The kernel's names for two forms racket/base renames: in fully expanded
 * code an application is `#%app` and a procedure `lambda`, printed so, but
 * bound as racket/base's `#%plain-app` and `#%plain-lambda` (racket/base's
 * own `#%app` and `lambda` are other bindings, which accept keywords).
 */
const kernelScopes = new WeakMap<Expander, Scope>();

function kernelId(ex: Expander, name: '#%app' | 'lambda', loc: SrcLoc | null): Syntax {
  let sc = kernelScopes.get(ex);
  if (sc === undefined) {
    const scope = new Scope('kernel');
    for (const [kernel, base] of [
      ['#%app', '#%plain-app'],
      ['lambda', '#%plain-lambda'],
    ]) {
      ex.table.add(kernel, [scope], ex.resolve(ex.baseId(base))!, ALL_PHASES);
    }
    kernelScopes.set(ex, scope);
    sc = scope;
  }
  return new Syntax(sym(name), loc, [sc]);
}

/** Forms that are left as written: they have no subexpressions to expand, or are rkt's own core extensions. */
const OPAQUE = new Set([
  'quote',
  'quote-syntax',
  '#%variable-reference',
  '#%top',
  'syntax-rules',
  'syntax-parameterize',
  'syntax-parse',
  'attribute',
]);

class SyntaxExpansion {
  /**
   * The local variables referenced by each right-hand side being expanded,
   * innermost last (to tell `let-values` from `letrec-values` when
   * definitions are converted).
   */
  private readonly referenced: Set<LocalVar>[] = [];

  private noteReference(v: LocalVar): void {
    this.referenced[this.referenced.length - 1]?.add(v);
  }

  /** `f()`, and the local variables it referenced (also counted as referenced by the enclosing right-hand side). */
  private tracking<T>(f: () => T): [T, Set<LocalVar>] {
    const refs = new Set<LocalVar>();
    this.referenced.push(refs);
    try {
      return [f(), refs];
    } finally {
      this.referenced.pop();
      for (const v of refs) this.noteReference(v);
    }
  }

  constructor(private readonly ex: Expander) {}

  /** Expands the head of `stx` until it is a core form, a stop form, or not a macro use. */
  head(stx: Syntax, context: ExpansionContext, stops: Syntax[]): Syntax {
    const ex = this.ex;
    const stopped = (id: Syntax) => stops.some((s) => ex.freeIdentifierEq(s, id));
    for (;;) {
      const e = syntaxE(stx);
      if (e instanceof Pair || e instanceof Sym) {
        const head = e instanceof Pair ? e.car : stx;
        if (!isIdentifier(head) || stopped(head)) return stx;
        const m = ex.resolve(head);
        if (m === null || m.kind === 'core' || m.kind === 'local' || m.kind === 'top') return stx;
        const next = this.step(stx, head, context);
        if (next === null) return stx;
        stx = next;
        continue;
      }
      // A literal goes through `#%datum`, which is not among the implicit stops.
      if (e === NULL || e instanceof Keyword || e instanceof ExpandedSyntax) return stx;
      return this.quoted(stx);
    }
  }

  /** One transformer step on `stx`, whose keyword is `id`. */
  private step(stx: Syntax, id: Syntax, context: ExpansionContext): Syntax | null {
    const m = this.ex.resolve(id);
    if (m === null) return null;
    return this.ex.withContext(context, () => this.ex.transformStep(m, stx, id));
  }

  /** A form in a definition context (module, top level, body): definitions keep their shape. */
  form(stx: Syntax, context: ExpansionContext): Syntax {
    const form = this.ex.partialExpandIn(stx, context);
    const core = this.ex.coreHead(form);
    const p = syntaxList(form);
    if (core === 'begin' && p !== null) return rebuild(form, [p[0], ...p.slice(1).map((f) => this.form(f, context))]);
    if (core === 'define-values' && p !== null && p.length === 3) return rebuild(form, [p[0], p[1], this.expr(p[2])]);
    if (core === 'define-syntaxes' || core === 'begin-for-syntax' || core === '#%require' || core === '#%provide') return form;
    if (core === 'module' || core === 'module*' || core === '#%declare') return form;
    return this.expr(form);
  }

  /** Fully expands an expression. */
  expr(stx: Syntax): Syntax {
    const ex = this.ex;
    for (;;) {
      const e = syntaxE(stx);
      if (e instanceof Sym) {
        const m = ex.resolve(stx);
        if (m !== null && (m.kind === 'macro' || m.kind === 'syntax')) {
          const next = this.step(stx, stx, 'expression');
          if (next !== null) {
            stx = next;
            continue;
          }
        }
        if (m !== null && m.kind === 'local') this.noteReference(m.v);
        // Errors (unbound, keyword used as a variable) are the expander's own.
        if (m === null || m.kind !== 'local') ex.expandExpr(stx);
        return stx;
      }
      if (!(e instanceof Pair)) {
        if (e instanceof ExpandedSyntax) return e.expanded;
        if (e === NULL || e instanceof Keyword) ex.expandExpr(stx);
        return this.quoted(stx);
      }
      const head = e.car as Syntax;
      const m = isIdentifier(head) ? ex.resolve(head) : null;
      if (m !== null && m.kind === 'core') return this.core(m.name, stx);
      if (m !== null && (m.kind === 'macro' || m.kind === 'syntax')) {
        const next = this.step(stx, head, 'expression');
        if (next !== null) {
          stx = next;
          continue;
        }
      }
      return this.app(stx, kernelId(ex, '#%app', stx.loc));
    }
  }

  private exprs(forms: Syntax[]): Syntax[] {
    return forms.map((f) => this.expr(f));
  }

  /** The core form `name` heading `stx`, rebuilt with its parts expanded. */
  private core(name: string, stx: Syntax): Syntax {
    const p = syntaxList(stx);
    if (OPAQUE.has(name)) return stx;
    if (name === '#%datum') {
      const d = (syntaxE(stx) as Pair).cdr;
      const lit = d instanceof Syntax ? d : new Syntax(d, stx.loc, stx.scopes);
      if (syntaxE(lit) instanceof Keyword) this.ex.expandExpr(stx);
      return this.quoted(lit);
    }
    if (name === '#%app' || name === '#%plain-app') {
      const rest = (syntaxE(stx) as Pair).cdr;
      if (p === null || p.length < 2) this.ex.expandExpr(stx);
      return this.app(new Syntax(rest, stx.loc, stx.scopes, stx.props), kernelId(this.ex, '#%app', p![0].loc));
    }
    const fail = (): never => {
      this.ex.expandExpr(stx);
      throw new Error('unreachable: malformed core form expanded');
    };
    if (p === null) return fail();
    switch (name) {
      case 'if':
        if (p.length !== 4) fail();
        return rebuild(stx, [p[0], ...this.exprs(p.slice(1))]);
      case 'begin':
      case 'begin0':
      case '#%expression':
      case 'with-continuation-mark':
        if (p.length < 2) fail();
        return rebuild(stx, [p[0], ...this.exprs(p.slice(1))]);
      case 'set!':
        return this.set(stx, p);
      case 'let-values':
      case 'letrec-values':
        return this.letValues(stx, p, name === 'letrec-values');
      case 'letrec-syntaxes+values':
      case 'let-syntaxes':
        return this.letSyntaxes(stx, p, name === 'letrec-syntaxes+values');
      case 'lambda':
        if (p.length < 3) fail();
        return this.lambda(stx, p[0], p[1], p.slice(2));
      case 'case-lambda':
        return rebuild(stx, [
          p[0],
          ...p.slice(1).map((c) => {
            const cp = syntaxList(c);
            if (cp === null || cp.length < 2) return fail();
            return this.lambdaClause(c, cp[0], cp.slice(1), (formals, body) => rebuild(c, [formals, ...body]));
          }),
        ]);
      default:
        // Definitions and other forms that are errors in an expression.
        this.ex.expandExpr(stx);
        return stx;
    }
  }

  /** `(quote d)` for a literal. */
  private quoted(lit: Syntax): Syntax {
    return new Syntax(listFromArray([this.ex.baseId('quote', lit.loc), lit]), lit.loc, lit.scopes);
  }

  /** `(#%app f arg ...)`, keywords kept in place. */
  private app(stx: Syntax, appId: Syntax): Syntax {
    const items = syntaxList(stx);
    if (items === null || items.length === 0) {
      this.ex.expandExpr(stx);
      return stx;
    }
    const args = items.map((a) => (syntaxE(a) instanceof Keyword ? a : this.expr(a)));
    return new Syntax(listFromArray([appId, ...args]), stx.loc, stx.scopes, stx.props);
  }

  private set(stx: Syntax, p: Syntax[]): Syntax {
    const ex = this.ex;
    if (p.length !== 3 || !isIdentifier(p[1])) ex.expandExpr(stx);
    const m = ex.resolve(p[1]);
    if (m !== null && m.kind === 'syntax') {
      const proc = ex.setTransformerProcedure(m.value);
      if (proc !== null) return this.expr(ex.applyTransformerProcedure(proc, stx, p[1]));
      const target = ex.renameTarget(m.value);
      if (target !== null) return this.set(stx, [p[0], target, p[2]]);
    }
    if (m === null || m.kind !== 'local') {
      // The expander checks the target (unbound, imported, syntax); its result is not needed.
      ex.expandExpr(rebuild(stx, [p[0], p[1], ex.baseId('void', stx.loc)]));
    } else {
      this.noteReference(m.v);
    }
    return rebuild(stx, [p[0], p[1], this.expr(p[2])]);
  }

  /** The clauses `([(id ...) rhs] ...)` of a binding form, checked. */
  private clauses(stx: Syntax, list: Syntax): { ids: Syntax[]; rhs: Syntax }[] {
    const cs = syntaxList(list);
    const parsed = cs?.map((c) => {
      const cp = syntaxList(c);
      const ids = cp !== null && cp.length === 2 ? syntaxList(cp[0]) : null;
      return ids?.every(isIdentifier) ? { ids, rhs: cp![1] } : null;
    });
    if (parsed === undefined || parsed.some((c) => c === null)) this.ex.expandExpr(stx);
    return parsed as { ids: Syntax[]; rhs: Syntax }[];
  }

  private letValues(stx: Syntax, p: Syntax[], rec: boolean): Syntax {
    const ex = this.ex;
    if (p.length < 3) ex.expandExpr(stx);
    const parsed = this.clauses(stx, p[1]);
    ex.checkDistinct(
      parsed.flatMap((c) => c.ids),
      stx,
      idSym(p[0]).name,
      'duplicate identifier',
    );
    const sc = new Scope('let');
    return ex.withinLocalScope(sc, () => {
      const binders = parsed.map((c) => c.ids.map((id) => addScope(id, sc)));
      for (const ids of binders) for (const id of ids) ex.bindLocal(id);
      const clauses = parsed.map((c, i) => clause(binders[i], this.expr(rec ? addScope(c.rhs, sc) : c.rhs)));
      const body = this.body(
        p.slice(2).map((b) => addScope(b, sc)),
        stx,
      );
      return rebuild(stx, [p[0], list(stx, clauses), ...body]);
    });
  }

  /** `letrec-syntaxes+values`: the transformers are bound, and only the variables remain, as `letrec-values`. */
  private letSyntaxes(stx: Syntax, p: Syntax[], rec: boolean): Syntax {
    const ex = this.ex;
    if (p.length < 4) ex.expandExpr(stx);
    const syntaxes = this.clauses(stx, p[1]);
    const values = this.clauses(stx, p[2]);
    const sc = new Scope('let');
    return ex.withinLocalScope(sc, () => {
      for (const c of syntaxes) {
        const ids = c.ids.map((id) => addScope(id, sc));
        const meanings = ex.evalForSyntax(rec ? addScope(c.rhs, sc) : c.rhs, ids);
        ids.forEach((id, i) => ex.bind(id, meanings[i]));
      }
      const defs = values.map((c) => ({ ids: c.ids.map((id) => addScope(id, sc)), rhs: addScope(c.rhs, sc) }));
      return this.definitions(
        stx,
        defs,
        this.body.bind(
          this,
          p.slice(3).map((b) => addScope(b, sc)),
          stx,
        ),
      );
    });
  }

  private lambda(stx: Syntax, keyword: Syntax, formals: Syntax, body: Syntax[]): Syntax {
    return this.lambdaClause(stx, formals, body, (f, b) => rebuild(stx, [kernelId(this.ex, 'lambda', keyword.loc), f, ...b]));
  }

  /**
   * Formals and body in a new scope. Optional and keyword formals keep their
   * shape, with their default expressions expanded once every formal is bound
   * (as the expander binds them).
   */
  private lambdaClause(stx: Syntax, formals: Syntax, body: Syntax[], make: (formals: Syntax, body: Syntax[]) => Syntax): Syntax {
    const ex = this.ex;
    const sc = new Scope('lambda');
    return ex.withinLocalScope(sc, () => {
      const scoped = addScope(formals, sc);
      const ids: Syntax[] = [];
      const defaults: Syntax[] = [];
      for (let v: Value = isIdentifier(scoped) ? scoped : syntaxE(scoped); v !== NULL; ) {
        const item = v instanceof Pair ? v.car : v;
        if (isIdentifier(item)) ids.push(item);
        else if (item instanceof Syntax && !(syntaxE(item) instanceof Keyword)) {
          const sp = syntaxList(item);
          if (sp === null || sp.length !== 2 || !isIdentifier(sp[0])) ex.expandExpr(stx);
          ids.push(sp![0]);
          defaults.push(item);
        } else if (!(item instanceof Syntax)) ex.expandExpr(stx);
        if (!(v instanceof Pair)) break;
        v = v.cdr instanceof Syntax && !isIdentifier(v.cdr) ? syntaxE(v.cdr) : v.cdr;
      }
      ex.checkDistinct(ids, stx, idSym(syntaxList(stx)?.[0] ?? formals).name, 'duplicate argument name');
      for (const id of ids) ex.bindLocal(id);
      const expanded = new Map(defaults.map((d) => [d, rebuild(d, [syntaxList(d)![0], this.expr(syntaxList(d)![1])])]));
      const replace = (v: Value): Value => {
        if (v instanceof Syntax) {
          const done = expanded.get(v);
          if (done !== undefined) return done;
          const d = syntaxE(v);
          return d instanceof Pair ? new Syntax(replace(d), v.loc, v.scopes, v.props) : v;
        }
        return v instanceof Pair ? new Pair(replace(v.car), replace(v.cdr)) : v;
      };
      const expandedBody = this.body(
        body.map((b) => addScope(b, sc)),
        stx,
      );
      return make(replace(scoped) as Syntax, expandedBody);
    });
  }

  /**
   * A body (internal-definition context): definitions become `let-values`
   * and `letrec-values` around the expressions, as Racket's expander
   * converts them.
   */
  body(forms: Syntax[], whole: Syntax): Syntax[] {
    const ex = this.ex;
    if (forms.length === 0) ex.expandExpr(whole);
    const sc = new Scope('body');
    return ex.withinLocalScope(sc, () =>
      ex.inDefinitionContext(new DefinitionFrame(), () => {
        const queue = forms.map((f) => addScope(f, sc));
        const items: ({ ids: Syntax[]; rhs: Syntax } | Syntax)[] = [];
        let sawDefinition = false;
        while (queue.length > 0) {
          const form = ex.partialExpandIn(queue.shift()!, 'internal-definition');
          const core = ex.coreHead(form);
          if (core === 'begin') {
            queue.unshift(...syntaxList(form)!.slice(1));
          } else if (core === 'define-values') {
            const [written, rhs] = ex.parseDefineValues(form);
            const ids = written.map((id) => ex.frame!.binder(id));
            for (const id of ids) ex.bindLocal(id);
            items.push({ ids, rhs });
            sawDefinition = true;
          } else if (core === 'define-syntaxes') {
            ex.defineSyntaxes(form);
            sawDefinition = true;
          } else {
            items.push(form);
          }
        }
        const last = items[items.length - 1];
        if (!(last instanceof Syntax)) {
          ex.syntaxError('begin (possibly implicit)', 'the last form is not an expression', whole, last === undefined ? whole : last.rhs);
        }
        if (!sawDefinition) return this.exprs(items as Syntax[]);
        // Expressions among the definitions become clauses that bind nothing.
        const defs = items.slice(0, -1).map((it) =>
          it instanceof Syntax
            ? {
                ids: [],
                rhs: list(it, [ex.baseId('begin', it.loc), it, list(it, [ex.baseId('#%app', it.loc), ex.baseId('values', it.loc)])]),
              }
            : it,
        );
        return [this.definitions(whole, defs, () => [this.expr(last as Syntax)])];
      }),
    );
  }

  /**
   * Bindings whose identifiers are already bound, in order, around `body`:
   * a binding whose right-hand side refers to none of its own or later
   * identifiers gets its own `let-values`; one that does starts a
   * `letrec-values` group that runs through the last binding referred to
   * from within the group.
   */
  private definitions(at: Syntax, defs: { ids: Syntax[]; rhs: Syntax }[], body: () => Syntax[]): Syntax {
    const ex = this.ex;
    const indexOf = new Map<LocalVar, number>();
    defs.forEach((d, i) => {
      for (const id of d.ids) {
        const m = ex.resolve(id);
        if (m !== null && m.kind === 'local') indexOf.set(m.v, i);
      }
    });
    const expanded = defs.map((d, i) => {
      const [rhs, refs] = this.tracking(() => this.expr(d.rhs));
      // The furthest binding this right-hand side refers to (-1: none).
      let furthest = -1;
      for (const v of refs) furthest = Math.max(furthest, indexOf.get(v) ?? -1);
      return { clause: clause(d.ids, rhs), forward: furthest >= i ? furthest : -1 };
    });
    const groups: { rec: boolean; clauses: Syntax[] }[] = [];
    for (let i = 0; i < expanded.length; ) {
      if (expanded[i].forward < 0) {
        groups.push({ rec: false, clauses: [expanded[i++].clause] });
        continue;
      }
      let end = expanded[i].forward;
      const clauses: Syntax[] = [];
      for (; i <= end; i++) {
        end = Math.max(end, expanded[i].forward);
        clauses.push(expanded[i].clause);
      }
      groups.push({ rec: true, clauses });
    }
    let inner = body();
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      inner = [list(at, [ex.baseId(g.rec ? 'letrec-values' : 'let-values', at.loc), list(at, g.clauses), ...inner])];
    }
    if (defs.length === 0) return list(at, [ex.baseId('let-values', at.loc), list(at, []), ...inner]);
    return inner[0];
  }
}

/** `stx` with new parts, keeping its location, scopes and properties. */
function rebuild(stx: Syntax, parts: Syntax[]): Syntax {
  return new Syntax(listFromArray(parts), stx.loc, stx.scopes, stx.props);
}

function list(at: Syntax, parts: Syntax[]): Syntax {
  return new Syntax(listFromArray(parts), at.loc, at.scopes);
}

function clause(ids: Syntax[], rhs: Syntax): Syntax {
  return list(rhs, [list(rhs, ids), rhs]);
}
