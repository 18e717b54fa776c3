// The forms that take syntax apart and build it: `syntax-case`,
// `syntax` (#'), `quasisyntax` (#`), `syntax/loc` and `quasisyntax/loc`.
// They compile to calls of run-time internals (`syntax-case-match`,
// `syntax-template`; see prims/syntax.ts) with the pattern or template
// compiled here as a constant.

import { LocalVar, type Core, type CoreLambda } from './core.js';
import { Scope, Syntax } from '../values/syntax.js';
import type { Expander, Meaning } from './expander.js';
import { addScope, isIdentifier, syntaxList } from './scopes.js';
import { SyntaxPattern } from './syntax-pattern.js';
import { SyntaxTemplate, patternValue } from './syntax-template.js';
import { PatternVariable, SyntaxParameter } from './transformers.js';
import { NULL, Pair, type Value } from '../values/types.js';

type Handler = (stx: Syntax, ex: Expander) => Core;

const lref = (v: LocalVar): Core => ({ t: 'lref', v, loc: null });
const quote = (v: unknown): Core => ({ t: 'quote', v });
const thunk = (body: Core): CoreLambda => ({ t: 'lambda', req: [], opt: [], rest: null, body, name: null });

/**
 * `(syntax-case stx-expr (literal ...) [pattern fender? result] ...)`: the
 * clauses are tried in order; a clause's pattern variables are bound, in a
 * fresh scope, for its fender and result. No match is a `bad syntax` error
 * about the input.
 */
const syntaxCase: Handler = (stx: Syntax, ex: Expander) => syntaxCaseForm(stx, ex, false);

/** `(syntax-case* stx-expr (literal ...) id-compare-expr clause ...)`: literals are compared with the given procedure. */
const syntaxCaseStar: Handler = (stx: Syntax, ex: Expander) => syntaxCaseForm(stx, ex, true);

function syntaxCaseForm(stx: Syntax, ex: Expander, star: boolean): Core {
  const p = syntaxList(stx);
  if (p === null || p.length < (star ? 4 : 3)) ex.badSyntax(stx);
  const literals = syntaxList(p[2]);
  if (literals === null || !literals.every(isIdentifier)) ex.syntaxError('syntax-case', 'bad syntax (literals list)', stx, p[2]);
  for (const lit of literals) {
    const name = (lit.e as { name: string }).name;
    if (name === '...' || name === '_') ex.syntaxError('syntax-case', 'bad syntax (literal is a pattern keyword)', stx, lit);
  }
  const input = new LocalVar('stx');
  const compare = new LocalVar('compare');
  const clauses = p.slice(star ? 4 : 3);
  // Built from the last clause back: each clause falls through to the code of the next.
  let code: Core = { t: 'app', f: quote(ex.rtPrim('syntax-case-fail')), args: [lref(input)], loc: stx.loc };
  for (let i = clauses.length - 1; i >= 0; i--) {
    const cp = syntaxList(clauses[i]);
    if (cp === null || cp.length < 2 || cp.length > 3) ex.syntaxError('syntax-case', 'bad clause', stx, clauses[i]);
    code = clause(ex, stx, input, literals, cp, code, ex.pruneLocalScopes(p[0]), star ? lref(compare) : quote(false));
  }
  const binds = [{ vars: [input], e: ex.expandExpr(p[1]) }];
  if (star) binds.push({ vars: [compare], e: ex.expandExpr(p[3]) });
  return { t: 'let-values', binds, body: code };
}

/** One clause; a datum input is made syntax in `context` (the syntax-case keyword's). */
function clause(
  ex: Expander,
  whole: Syntax,
  input: LocalVar,
  literals: Syntax[],
  cp: Syntax[],
  next: Core,
  context: Syntax,
  compare: Core,
): Core {
  const pattern = SyntaxPattern.compile(ex, cp[0], literals, whole, 'syntax-case');
  const sc = new Scope('syntax-case');
  const match = new LocalVar('match');
  const vars = pattern.vars.map((pv) => {
    const v = new LocalVar(`${(pv.id.e as { name: string }).name}`);
    ex.bind(addScope(pv.id, sc), { kind: 'syntax', value: new PatternVariable(v, pv.depth) });
    return v;
  });
  const [fender, result] = ex.withinLocalScope(sc, () => [
    cp.length === 3 ? ex.expandExpr(addScope(cp[1], sc)) : null,
    ex.expandExpr(addScope(cp[cp.length - 1], sc)),
  ]);
  // With a fender the next clause's code is reached from two places: a thunk keeps it single.
  const fail = new LocalVar('fail');
  const onFail: Core = fender === null ? next : { t: 'app', f: lref(fail), args: [], loc: null };
  const matched: Core = {
    t: 'let-values',
    binds: vars.map((v, i) => ({
      vars: [v],
      e: { t: 'app', f: quote(ex.rtPrim('syntax-match-ref')), args: [lref(match), quote(i)], loc: null },
    })),
    body: fender === null ? result : { t: 'if', c: fender, th: result, el: onFail },
  };
  const body: Core = {
    t: 'let-values',
    binds: [
      {
        vars: [match],
        e: { t: 'app', f: quote(ex.rtPrim('syntax-case-match')), args: [quote(pattern), lref(input), quote(context), compare], loc: null },
      },
    ],
    body: { t: 'if', c: lref(match), th: matched, el: onFail },
  };
  return fender === null ? body : { t: 'let-values', binds: [{ vars: [fail], e: thunk(next) }], body };
}

/** `(syntax t)`, `(quasisyntax t)` and, with `located`, their /loc forms `(syntax/loc loc-expr t)`. */
function template(who: string, quasi: boolean, located: boolean): Handler {
  return (stx: Syntax, ex: Expander) => {
    const p = syntaxList(stx);
    if (p === null || p.length !== (located ? 3 : 2)) ex.badSyntax(stx);
    const tmpl = SyntaxTemplate.compile(ex, p[p.length - 1], stx, who, quasi, (s) => ex.pruneLocalScopes(s));
    const constant = tmpl.constant;
    if (constant !== null && !located) return quote(constant);
    const args: Core[] = tmpl.slots.map((s) => (s.kind === 'var' ? patternValue(ex, s.pv) : ex.expandExpr(s.e)));
    if (located) args.unshift(ex.expandExpr(p[1]));
    const prim = ex.rtPrim(located ? 'syntax-template/loc' : 'syntax-template');
    return { t: 'app', f: quote(prim), args: [quote(tmpl), ...args], loc: stx.loc };
  };
}

/**
 * `(syntax-parameterize ([id transformer] ...) body ...+)`: the body is
 * expanded with each syntax parameter `id` meaning its new transformer.
 */
const syntaxParameterize: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  if (p === null || p.length < 3) return ex.badSyntax(stx);
  const clauses = syntaxList(p[1]);
  if (clauses === null) return ex.badSyntax(stx);
  const params: SyntaxParameter[] = [];
  const meanings: Meaning[] = [];
  for (const c of clauses) {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2 || !isIdentifier(cp[0])) ex.badSyntax(stx);
    const m = ex.resolve(cp[0]);
    if (m === null || m.kind !== 'syntax' || !(m.value instanceof SyntaxParameter))
      ex.syntaxError('syntax-parameterize', 'not bound as a syntax parameter', stx, cp[0]);
    params.push(m.value);
    meanings.push(ex.evalForSyntax(cp[1], [cp[0]])[0]);
  }
  params.forEach((param, i) => {
    const stack = ex.syntaxParameterValues.get(param) ?? [];
    stack.push(meanings[i]);
    ex.syntaxParameterValues.set(param, stack);
  });
  try {
    const body = new Syntax(
      new Pair(ex.baseId('let', stx.loc), new Pair(new Syntax(NULL, stx.loc), listTail(p.slice(2)))),
      stx.loc,
      stx.scopes,
    );
    return ex.expandExpr(body);
  } finally {
    for (const param of params) ex.syntaxParameterValues.get(param)!.pop();
  }
};

function listTail(items: Syntax[]): Value {
  let out: Value = NULL;
  for (let i = items.length - 1; i >= 0; i--) out = new Pair(items[i], out);
  return out;
}

/** The forms of racket/stxparam. */
export function installSyntaxParameterForms(ex: Expander, define: (name: string, m: Meaning) => void): void {
  define('syntax-parameterize', ex.coreForm('syntax-parameterize', syntaxParameterize));
}

export function installSyntaxForms(ex: Expander, define: (name: string, m: Meaning) => void): void {
  const core = (name: string, h: Handler) => define(name, ex.coreForm(name, h));
  core('syntax-case', syntaxCase);
  core('syntax-case*', syntaxCaseStar);
  core('syntax', template('syntax', false, false));
  core('quasisyntax', template('quasisyntax', true, false));
  core('syntax/loc', template('syntax/loc', false, true));
  core('quasisyntax/loc', template('quasisyntax/loc', true, true));
  for (const name of ['unsyntax', 'unsyntax-splicing']) {
    core(name, (stx, e) => e.syntaxError(name, 'illegal outside of quasisyntax', stx));
  }
  // Template sub-forms: meaningful only inside a template.
  for (const name of ['~@', '~?']) {
    define(name, { kind: 'core', name, expand: (stx, e) => e.syntaxError(name, 'not allowed as an expression', stx), alone: true });
  }
}
