// The forms the expander handles itself: the core language plus `lambda`
// with Racket's full formals (optional and keyword arguments), which needs
// to build core lambdas directly.

import { expandVariableReference } from './variable-reference.js';
import type { Core, CoreBinding, CoreLambda } from './core.js';
import { Keyword, NULL, Pair, Sym, listFromArray, sym, type Value } from '../values/types.js';
import { Builder } from './build.js';
import { Scope, Syntax } from '../values/syntax.js';
import { inferredName, type Expander, type Meaning } from './expander.js';
import { addScope, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from './scopes.js';

/** `(%unsupplied? v)`: whether an optional argument was left out. */

type Handler = (stx: Syntax, ex: Expander) => Core;

function parts(stx: Syntax, ex: Expander, min: number, max = min): Syntax[] {
  const p = syntaxList(stx);
  if (p === null || p.length < min || (max >= 0 && p.length > max)) ex.badSyntax(stx);
  return p;
}

const quote: Handler = (stx: Syntax, ex: Expander) => {
  const p = parts(stx, ex, 2);
  return { t: 'quote', v: syntaxToDatum(p[1]) };
};

const ifForm: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  if (p !== null && p.length === 3) ex.syntaxError('if', 'missing an "else" expression', stx);
  if (p === null || p.length !== 4) ex.badSyntax(stx);
  const name = ex.takeTailName();
  return { t: 'if', c: ex.expandExpr(p[1]), th: ex.expandTail(p[2], name), el: ex.expandTail(p[3], name) };
};

const begin: Handler = (stx: Syntax, ex: Expander) => {
  const name = ex.takeTailName();
  const p = parts(stx, ex, 2, -1);
  const es = p.slice(1).map((e, i) => (i === p.length - 2 ? ex.expandTail(e, name) : ex.expandExpr(e)));
  return es.length === 1 ? es[0] : { t: 'begin', es };
};

const begin0: Handler = (stx: Syntax, ex: Expander) => {
  const name = ex.takeTailName();
  const p = parts(stx, ex, 2, -1);
  return { t: 'begin0', es: p.slice(1).map((e, i) => (i === 0 ? ex.expandTail(e, name) : ex.expandExpr(e))) };
};

const expression: Handler = (stx: Syntax, ex: Expander) => {
  const name = ex.takeTailName();
  return ex.expandTail(parts(stx, ex, 2)[1], name);
};

const setForm: Handler = (stx: Syntax, ex: Expander) => {
  const p = parts(stx, ex, 3);
  const id = p[1];
  if (!isIdentifier(id)) ex.syntaxError('set!', 'not an identifier', stx, id);
  const m = ex.resolve(id);
  if (m !== null && m.kind === 'syntax') {
    const proc = ex.setTransformerProcedure(m.value);
    if (proc !== null) return ex.expandExpr(ex.applyTransformerProcedure(proc, stx, id));
    const target = ex.renameTarget(m.value);
    if (target !== null) {
      const renamed = new Syntax(listFromArray([p[0], target, p[2]]), stx.loc, stx.scopes, stx.props);
      return setForm(renamed, ex);
    }
  }
  if (m !== null && m.kind === 'macro' && m.transform.set !== undefined) return ex.expandExpr(ex.applyMacro(m.transform.set, stx));
  if (m !== null && (m.kind === 'syntax' || m.kind === 'macro')) ex.syntaxError('set!', 'cannot mutate syntax identifier', stx, id);
  const e = expandNamed(ex, p[2], idSym(id).name);
  if (m === null) {
    const target = ex.ctx!.unbound(id);
    if (target.t === 'gref') return { t: 'gset', v: target.v, e, loc: id.loc };
    ex.unboundError(id);
  }
  if (m.kind === 'local') {
    m.v.mutated = true;
    return { t: 'lset', v: m.v, e };
  }
  if (m.kind === 'top') {
    if (m.imported) ex.syntaxError('set!', 'cannot mutate module-required identifier', stx, id);
    m.v.constant = false;
    return { t: 'gset', v: m.v, e, loc: id.loc };
  }
  ex.syntaxError('set!', 'not a variable', stx, id);
};

/** `(let-values ([(id ...) rhs] ...) body ...+)` and the letrec variant. */
function letValues(rec: boolean): Handler {
  return (stx: Syntax, ex: Expander) => {
    const name = ex.takeTailName();
    const p = parts(stx, ex, 3, -1);
    const clauses = syntaxList(p[1]);
    if (clauses === null) ex.badSyntax(stx);
    const sc = new Scope('let');
    return ex.withinLocalScope(sc, () => letValuesIn(rec, stx, ex, p, clauses, sc, name));
  };
}

function letValuesIn(rec: boolean, stx: Syntax, ex: Expander, p: Syntax[], clauses: Syntax[], sc: Scope, name: string | null): Core {
  {
    const parsed = clauses.map((c) => {
      const cp = syntaxList(c);
      if (cp === null || cp.length !== 2) ex.badSyntax(stx);
      const ids = syntaxList(cp[0]);
      if (ids === null || !ids.every(isIdentifier)) ex.badSyntax(stx);
      return { ids, rhs: cp[1] };
    });
    ex.checkDistinct(
      parsed.flatMap((c) => c.ids),
      stx,
      idSym(p[0]).name,
      'duplicate identifier',
    );
    const varsOf = parsed.map((c) => c.ids.map((id) => ex.bindLocal(addScope(id, sc))));
    const binds: CoreBinding[] = parsed.map((c, i) => ({
      vars: varsOf[i],
      e: expandNamed(ex, rec ? addScope(c.rhs, sc) : c.rhs, c.ids.length === 1 ? idSym(c.ids[0]).name : null),
    }));
    const body = ex.expandBody(
      p.slice(2).map((b) => addScope(b, sc)),
      stx,
      name,
    );
    return { t: rec ? 'letrec-values' : 'let-values', binds, body };
  }
}

/**
 * `(letrec-syntaxes+values ([(id ...) transformer] ...) ([(id ...) rhs] ...) body ...+)`:
 * the transformers are bound (and evaluated) in the new scope, then it is a letrec-values.
 */
function letSyntaxes(rec: boolean): Handler {
  return (stx: Syntax, ex: Expander) => {
    const sc = new Scope('letrec-syntaxes');
    return ex.withinLocalScope(sc, () => letSyntaxesIn(rec, stx, ex, sc));
  };
}

function letSyntaxesIn(rec: boolean, stx: Syntax, ex: Expander, sc: Scope): Core {
  const p = parts(stx, ex, rec ? 4 : 3, -1);
  const syntaxClauses = syntaxList(p[1]);
  if (syntaxClauses === null) ex.badSyntax(stx);
  for (const c of syntaxClauses) {
    const cp = syntaxList(c);
    const ids = cp === null || cp.length !== 2 ? null : syntaxList(cp[0]);
    if (cp === null || ids === null || !ids.every(isIdentifier)) ex.badSyntax(stx);
    const scoped = ids.map((id) => addScope(id, sc));
    // let-syntaxes: the transformers do not see the names they are bound to.
    const meanings = ex.evalForSyntax(rec ? addScope(cp[1], sc) : cp[1], scoped);
    scoped.forEach((id, i) => ex.bind(id, meanings[i]));
  }
  const head = new Syntax(sym('letrec-values'), p[0].loc, [ex.baseScope]);
  const valueBindings = rec ? addScope(p[2], sc) : new Syntax(NULL, p[0].loc);
  const rest = listFromArray([head, valueBindings, ...p.slice(rec ? 3 : 2).map((b) => addScope(b, sc))]);
  return letValues(true)(new Syntax(rest, stx.loc, stx.scopes, stx.props), ex);
}

/** `(quote-syntax datum)` and `(quote-syntax datum #:local)`: the syntax object itself, with its scopes. */
const quoteSyntax: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  const local = p !== null && p.length === 3 && syntaxE(p[2]) === Keyword.intern('local');
  if (p === null || (p.length !== 2 && !local)) ex.badSyntax(stx);
  return { t: 'quote', v: local ? p[1] : ex.pruneLocalScopes(p[1]) };
};

/** `(#%app f arg ...)`: an application, written out. */
const app: Handler = (stx: Syntax, ex: Expander) => {
  const e = syntaxE(stx) as Pair;
  const rest = e.cdr instanceof Syntax ? syntaxE(e.cdr) : e.cdr;
  if (rest === NULL)
    ex.syntaxError('#%app', 'missing procedure expression;\n probably originally (), which is an illegal empty application', stx);
  return ex.expandExpr(new Syntax(rest, stx.loc, stx.scopes, stx.props));
};

/** `(#%datum . d)`: the literal `d`. */
const datum: Handler = (stx: Syntax, ex: Expander) => {
  const e = syntaxE(stx) as Pair;
  const d = e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, stx.loc, stx.scopes);
  if (syntaxE(d) instanceof Keyword) return ex.expandExpr(d);
  return { t: 'quote', v: syntaxToDatum(d) };
};

/** `(#%top . id)`: a top-level variable reference. */
const top: Handler = (stx: Syntax, ex: Expander) => {
  const e = syntaxE(stx) as Pair;
  if (!isIdentifier(e.cdr)) ex.badSyntax(stx);
  const id = e.cdr as Syntax;
  const m = ex.resolve(id);
  if (m !== null && m.kind === 'top') return { t: 'gref', v: m.v, loc: id.loc };
  return ex.ctx!.unbound(id);
};

const wcm: Handler = (stx: Syntax, ex: Expander) => {
  const name = ex.takeTailName();
  const p = parts(stx, ex, 4);
  return { t: 'wcm', key: ex.expandExpr(p[1]), val: ex.expandExpr(p[2]), body: ex.expandTail(p[3], name) };
};

const notInExpression =
  (name: string): Handler =>
  (stx, ex) =>
    ex.syntaxError(name, 'not allowed in an expression context', stx);

/** Expands `stx`, naming it `name` when it is directly a lambda form. */
export function expandNamed(ex: Expander, stx: Syntax, name: string | null): Core {
  return name === null ? ex.expandExpr(stx) : ex.expandNamedExpr(stx, name);
}

// ---------------------------------------------------------------- lambda

interface Formals {
  req: Syntax[];
  opt: { id: Syntax; dflt: Syntax }[];
  kws: { kw: Keyword; id: Syntax; dflt: Syntax | null }[];
  rest: Syntax | null;
}

function parseFormals(formals: Syntax, whole: Syntax, ex: Expander): Formals {
  const out: Formals = { req: [], opt: [], kws: [], rest: null };
  let v: Value = syntaxE(formals);
  if (v instanceof Sym) {
    out.rest = formals;
    return out;
  }
  while (v instanceof Pair) {
    const item = v.car as Syntax;
    const d = syntaxE(item);
    if (d instanceof Keyword) {
      const next = v.cdr instanceof Syntax ? syntaxE(v.cdr) : v.cdr;
      if (!(next instanceof Pair)) ex.syntaxError('lambda', 'missing argument identifier after keyword', whole, item);
      const spec = next.car as Syntax;
      if (isIdentifier(spec)) out.kws.push({ kw: d, id: spec, dflt: null });
      else {
        const sp = syntaxList(spec);
        if (sp === null || sp.length !== 2 || !isIdentifier(sp[0])) ex.badSyntax(whole);
        out.kws.push({ kw: d, id: sp[0], dflt: sp[1] });
      }
      v = next.cdr;
    } else if (isIdentifier(item)) {
      if (out.opt.length > 0) {
        ex.syntaxError('lambda', 'default-value expression missing', whole, item);
      }
      out.req.push(item);
      v = v.cdr;
    } else {
      const sp = syntaxList(item);
      if (sp === null || sp.length !== 2 || !isIdentifier(sp[0]))
        ex.syntaxError('lambda', 'not an identifier, identifier with default, or keyword', whole, item);
      out.opt.push({ id: sp[0], dflt: sp[1] });
      v = v.cdr;
    }
    if (v instanceof Syntax) v = isIdentifier(v) ? v : syntaxE(v);
    if (v instanceof Syntax) {
      out.rest = v;
      break;
    }
  }
  if (!(v instanceof Syntax) && v !== NULL) ex.badSyntax(whole);
  return out;
}

/** Expands a lambda from parsed formals; keyword formals make a keyword procedure. */
export function expandFormalsLambda(ex: Expander, whole: Syntax, formals: Syntax, body: Syntax[], name: string | null): Core {
  const f = parseFormals(formals, whole, ex);
  const kws = [...f.kws].sort((a, b) => (a.kw.name < b.kw.name ? -1 : a.kw.name > b.kw.name ? 1 : 0));
  for (let i = 1; i < kws.length; i++) {
    if (kws[i].kw === kws[i - 1].kw) ex.syntaxError('lambda', 'duplicate keyword for argument', whole);
  }
  // Parameter layout: keyword arguments (sorted), required, optional, rest.
  const req = [...kws.map((k) => k.id), ...f.req];
  const opt = f.opt.map((o) => o.id);
  // Defaults run in the order they are written.
  const defaults: { id: Syntax; dflt: Syntax }[] = [];
  const seen = new Set<Syntax>();
  let pv: Value = syntaxE(formals);
  while (pv instanceof Pair) {
    const item = pv.car as Syntax;
    const d = syntaxE(item);
    if (d instanceof Keyword) {
      const k = f.kws.find((x) => x.kw === d)!;
      if (k.dflt !== null && !seen.has(k.id)) {
        defaults.push({ id: k.id, dflt: k.dflt });
        seen.add(k.id);
      }
      const next: Value = pv.cdr instanceof Syntax ? syntaxE(pv.cdr) : pv.cdr;
      pv = next instanceof Pair ? next.cdr : NULL;
    } else {
      const o = f.opt.find((x) => x.id === (syntaxList(item)?.[0] ?? null));
      if (o) defaults.push(o);
      pv = pv.cdr;
    }
    if (pv instanceof Syntax) pv = syntaxE(pv);
  }
  const lam = ex.expandLambdaWithDefaults(whole, req, opt, f.rest, body, name, defaults);
  if (kws.length === 0) return lam;
  return {
    t: 'app',
    f: { t: 'quote', v: ex.rtPrim('make-keyword-procedure/sorted') },
    args: [
      lam,
      { t: 'quote', v: listFromArray(kws.map((k) => k.kw)) },
      { t: 'quote', v: listFromArray(kws.filter((k) => k.dflt === null).map((k) => k.kw)) },
    ],
    loc: whole.loc,
  };
}

const lambda: Handler = (stx: Syntax, ex: Expander) => {
  const p = parts(stx, ex, 3, -1);
  const name = ex.takePendingName() ?? inferredName(stx, hasOptionalFormals(p[1]));
  return expandFormalsLambda(ex, stx, p[1], p.slice(2), name);
};

/** Whether formals have optional or keyword parameters (then the lambda macro names the procedure). */
function hasOptionalFormals(formals: Syntax): boolean {
  let v: Value = syntaxE(formals);
  while (v instanceof Pair) {
    const item = v.car;
    if (!isIdentifier(item)) return true;
    v = v.cdr instanceof Syntax ? syntaxE(v.cdr) : v.cdr;
  }
  return false;
}

const caseLambda: Handler = (stx: Syntax, ex: Expander) => {
  const name = ex.takePendingName() ?? inferredName(stx);
  const p = parts(stx, ex, 1, -1);
  const clauses: CoreLambda[] = p.slice(1).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length < 2) ex.badSyntax(stx);
    const f = parseFormals(cp[0], stx, ex);
    if (f.opt.length > 0 || f.kws.length > 0) ex.badSyntax(stx);
    return ex.expandLambdaWithDefaults(stx, f.req, [], f.rest, cp.slice(1), name, []);
  });
  return { t: 'case-lambda', clauses, name };
};

/**
 * `syntax-rules` as an expression (not a transformer to bind): the
 * procedure it stands for, `(lambda (stx) (syntax-case stx (literal ...) ...))`
 * with each pattern's keyword position matching anything.
 */
const syntaxRulesAsExpression: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  if (p === null || p.length < 2) ex.badSyntax(stx);
  const b = new Builder(ex, stx.loc);
  const arg = b.temp('stx');
  const clauses = p.slice(2).map((r) => {
    const rp = syntaxList(r);
    const pe = rp !== null && rp.length === 2 ? syntaxE(rp[0]) : null;
    if (rp === null || !(pe instanceof Pair))
      return ex.syntaxError('syntax-rules', 'bad syntax (clause is not a pattern-template pair)', stx, r);
    const pattern = new Syntax(new Pair(b.id('_'), pe.cdr), rp[0].loc, rp[0].scopes);
    return b.list(pattern, b.list('syntax', rp[1]));
  });
  return ex.expandExpr(b.list('lambda', b.list(arg), b.list('syntax-case', arg, p[1], ...clauses)));
};

export function installCoreForms(ex: Expander, define: (name: string, m: Meaning) => void): void {
  const core = (name: string, h: Handler) => define(name, ex.coreForm(name, h));
  core('quote', quote);
  core('if', ifForm);
  core('begin', begin);
  core('begin0', begin0);
  core('#%expression', expression);
  core('set!', setForm);
  core('let-values', letValues(false));
  core('letrec-values', letValues(true));
  core('with-continuation-mark', wcm);
  core('letrec-syntaxes+values', letSyntaxes(true));
  core('let-syntaxes', letSyntaxes(false));
  core('quote-syntax', quoteSyntax);
  core('#%app', app);
  core('#%plain-app', app);
  core('#%datum', datum);
  core('#%top', top);
  core('begin-for-syntax', notInExpression('begin-for-syntax'));
  core('define-values', notInExpression('define-values'));
  core('define-syntaxes', notInExpression('define-syntaxes'));
  core('lambda', lambda);
  define('λ', ex.coreForm('lambda', lambda, 'λ'));
  define('#%plain-lambda', ex.coreForm('lambda', lambda, '#%plain-lambda'));
  core('case-lambda', caseLambda);
  core('syntax-rules', syntaxRulesAsExpression);
  core('#%variable-reference', expandVariableReference);
  for (const lit of ['else', '=>', 'unquote', 'unquote-splicing', '...', '_']) {
    core(lit, (stx, e) => e.syntaxError(lit, LITERAL_MISUSE[lit] ?? 'not allowed as an expression', stx));
  }
}

/** What Racket says when a form's literal is used as an expression. */
const LITERAL_MISUSE: Record<string, string> = {
  _: 'wildcard not allowed as an expression',
  '...': 'wildcard not allowed as an expression',
  '=>': 'arrow not allowed as an expression',
  unquote: 'not in quasiquote',
  'unquote-splicing': 'not in quasiquote',
};
