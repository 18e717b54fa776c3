// Derived forms of racket/base, written as JS macros over the core forms.

import { TEMPLATE_NAME } from '../expand/syntax-rules.js';
import { items } from './forms.js';
import { NULL, Pair, RVector, listFromArray } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander } from '../expand/expander.js';
import {
  defineStructDerivedMacro,
  defineStructMacro,
  structCopyMacro,
  structDerivedMacro,
  structFieldIndexMacro,
  structMacro,
} from './struct.js';
import { forClauseForms, forDerivedMacro, forMacro } from './for.js';
import { datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';

type Macro = (stx: Syntax, ex: Expander, b: Builder) => Syntax;

/** `[x e]` pairs of a let-style binding list. */
function bindingPairs(stx: Syntax, list: Syntax, ex: Expander): [Syntax, Syntax][] {
  const clauses = syntaxList(list);
  if (clauses === null) ex.badSyntax(stx);
  return clauses.map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2 || !isIdentifier(cp[0]))
      ex.syntaxError(idSym(syntaxList(stx)![0]).name, 'bad syntax (not an identifier and expression for a binding)', stx, c);
    return [cp[0], cp[1]];
  });
}

const define: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  if (ex.context === 'expression') ex.syntaxError('define', 'not allowed in an expression context', stx);
  const p = items(stx, ex, 2);
  let target = p[1];
  let body = p.slice(2);
  if (isIdentifier(target)) {
    if (body.length !== 1)
      ex.syntaxError(
        'define',
        body.length === 0 ? 'bad syntax (missing expression after identifier)' : 'bad syntax (multiple expressions after identifier)',
        stx,
      );
    return b.list('define-values', b.list(target), body[0]);
  }
  // (define (head . formals) body ...), possibly curried: ((f a) b).
  for (;;) {
    const e = syntaxE(target);
    if (!(e instanceof Pair)) ex.badSyntax(stx);
    const head = e.car as Syntax;
    const formals = e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, target.loc);
    if (body.length === 0) ex.syntaxError('define', 'bad syntax (no expressions for procedure body)', stx);
    const lam = b.listTail(['lambda', formals], listFromArray(body));
    lam.loc = stx.loc;
    if (isIdentifier(head)) return b.list('define-values', b.list(head), lam);
    target = head;
    body = [lam];
  }
};

const let_: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = syntaxList(stx);
  if (p === null) return ex.badSyntax(stx);
  const named = p.length > 1 && isIdentifier(p[1]);
  if (p.length < (named ? 4 : 3)) ex.syntaxError('let', 'bad syntax (missing binding pairs or body)', stx);
  if (named) {
    // Named let: (letrec ([name (lambda (x ...) body ...)]) (name e ...))
    const name = p[1];
    const pairs = bindingPairs(stx, p[2], ex);
    const lam = b.listTail(['lambda', b.list(...pairs.map(([x]) => x))], listFromArray(p.slice(3)));
    lam.loc = stx.loc;
    return b.list(b.list('letrec-values', b.list(b.list(b.list(name), lam)), name), ...pairs.map(([, e]) => e));
  }
  const pairs = bindingPairs(stx, p[1], ex);
  return b.listTail(['let-values', b.list(...pairs.map(([x, e]) => b.list(b.list(x), e)))], listFromArray(p.slice(2)));
};

const letStar: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const pairs = bindingPairs(stx, p[1], ex);
  if (pairs.length <= 1)
    return b.listTail(['let-values', b.list(...pairs.map(([x, e]) => b.list(b.list(x), e)))], listFromArray(p.slice(2)));
  const [x, e] = pairs[0];
  const inner = b.listTail(['let*', b.list(...pairs.slice(1).map(([x2, e2]) => b.list(x2, e2)))], listFromArray(p.slice(2)));
  return b.list('let-values', b.list(b.list(b.list(x), e)), inner);
};

const letrec: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const pairs = bindingPairs(stx, p[1], ex);
  return b.listTail(['letrec-values', b.list(...pairs.map(([x, e]) => b.list(b.list(x), e)))], listFromArray(p.slice(2)));
};

const letStarValues: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const clauses = syntaxList(p[1]);
  if (clauses === null) ex.badSyntax(stx);
  if (clauses.length <= 1) return b.listTail(['let-values', p[1]], listFromArray(p.slice(2)));
  const inner = b.listTail(['let*-values', b.list(...clauses.slice(1))], listFromArray(p.slice(2)));
  return b.list('let-values', b.list(clauses[0]), inner);
};

const when: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  return b.list('if', p[1], b.listTail(['let-values', b.list()], listFromArray(p.slice(2))), b.list('void'));
};

const unless: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  return b.list('if', p[1], b.list('void'), b.listTail(['let-values', b.list()], listFromArray(p.slice(2))));
};

const and: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 1);
  if (p.length === 1) return b.datum(true);
  // `#%expression` keeps a lone operand from being spliced as a definition, as Racket's `and` does.
  if (p.length === 2) return b.list('#%expression', p[1]);
  return b.list('if', p[1], b.listTail(['and'], listFromArray(p.slice(2))), b.datum(false));
};

const or: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 1);
  if (p.length === 1) return b.datum(false);
  if (p.length === 2) return b.list('#%expression', p[1]);
  const t = b.hidden('or-part');
  return b.list('let-values', b.list(b.list(b.list(t), p[1])), b.list('if', t, t, b.listTail(['or'], listFromArray(p.slice(2)))));
};

const cond: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 1);
  const clauses = p.slice(1);
  const build = (i: number): Syntax => {
    if (i >= clauses.length) return b.list('void');
    const c = syntaxList(clauses[i]);
    if (c === null || c.length === 0) ex.syntaxError('cond', 'bad syntax (clause is not a test-value pair)', stx, clauses[i]);
    const [test, ...body] = c;
    if (ex.isBase(test, 'else')) {
      if (i !== clauses.length - 1) ex.syntaxError('cond', 'bad syntax (`else` clause must be last)', stx, clauses[i]);
      if (body.length === 0) ex.syntaxError('cond', "missing expressions in `else' clause", stx, clauses[i]);
      return b.listTail(['let-values', b.list()], listFromArray(body));
    }
    if (body.length === 0) {
      const t = b.temp('c');
      return b.list('let-values', b.list(b.list(b.list(t), test)), b.list('if', t, t, build(i + 1)));
    }
    if (ex.isBase(body[0], '=>')) {
      if (body.length !== 2) ex.syntaxError('cond', 'bad syntax (bad clause form with =>)', stx, clauses[i]);
      const t = b.temp('c');
      return b.list('let-values', b.list(b.list(b.list(t), test)), b.list('if', t, b.list(body[1], t), build(i + 1)));
    }
    return b.list('if', test, b.listTail(['let-values', b.list()], listFromArray(body)), build(i + 1));
  };
  return build(0);
};

const case_: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 2);
  const t = b.temp('case');
  const clauses = p.slice(2);
  const build = (i: number): Syntax => {
    if (i >= clauses.length) return b.list('void');
    const c = syntaxList(clauses[i]);
    if (c === null || c.length < 2) ex.syntaxError('case', 'bad syntax (not a datum sequence)', stx, clauses[i]);
    const [data, ...body] = c;
    const bodyStx = b.listTail(['let-values', b.list()], listFromArray(body));
    if (ex.isBase(data, 'else')) return bodyStx;
    const ds = syntaxList(data);
    if (ds === null) ex.syntaxError('case', 'bad syntax (not a datum sequence)', stx, data);
    const test = ds.length === 1 ? b.list('equal?', t, b.list('quote', ds[0])) : b.list('member', t, b.list('quote', data));
    return b.list('if', test, bodyStx, build(i + 1));
  };
  return b.list('let-values', b.list(b.list(b.list(t), p[1])), build(0));
};

const do_: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const specs = syntaxList(p[1]);
  const exit = syntaxList(p[2]);
  if (specs === null || exit === null || exit.length === 0) ex.badSyntax(stx);
  const vars = specs.map((s) => {
    const sp = syntaxList(s);
    if (sp === null || sp.length < 2 || sp.length > 3 || !isIdentifier(sp[0])) ex.badSyntax(stx);
    return { id: sp[0], init: sp[1], step: sp[2] ?? sp[0] };
  });
  const loop = b.temp('do-loop');
  const result = exit.length > 1 ? b.listTail(['let-values', b.list()], listFromArray(exit.slice(1))) : b.list('void');
  const body = b.listTail(['begin'], listFromArray([...p.slice(3), b.list(loop, ...vars.map((v) => v.step))]));
  return b.list(
    'let',
    loop,
    b.list(...vars.map((v) => b.list(v.id, v.init))),
    b.list('if', exit[0], result, p.length > 3 ? body : b.list(loop, ...vars.map((v) => v.step))),
  );
};

// ---------------------------------------------------------------- quasiquote

const quasiquote: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 2, 2);
  return qq(p[1], 1, ex, b);
};

function qqTag(s: Syntax, ex: Expander): string | null {
  const l = syntaxList(s);
  if (l === null || l.length !== 2) return null;
  for (const name of ['quasiquote', 'unquote', 'unquote-splicing']) if (ex.isBase(l[0], name)) return name;
  return null;
}

function qq(s: Syntax, depth: number, ex: Expander, b: Builder): Syntax {
  const tag = qqTag(s, ex);
  if (tag === 'unquote') {
    const inner = syntaxList(s)![1];
    if (depth === 1) return inner;
    return b.list('list', b.quote(sym('unquote')), qq(inner, depth - 1, ex, b));
  }
  if (tag === 'quasiquote') {
    return b.list('list', b.quote(sym('quasiquote')), qq(syntaxList(s)![1], depth + 1, ex, b));
  }
  const e = syntaxE(s);
  if (e instanceof Pair) {
    // Walk the spine, handling (unquote-splicing x) elements and an unquoted tail.
    const head = e.car as Syntax;
    const rest = e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, s.loc);
    if (qqTag(rest, ex) === 'unquote' && depth === 1) {
      // (a . ,b)
      return b.list('cons', qqElem(head, depth, ex, b), syntaxList(rest)![1]);
    }
    if (qqTag(head, ex) === 'unquote-splicing') {
      const inner = syntaxList(head)![1];
      if (depth === 1) {
        // `(a ,@x) ends in x itself, as Racket's quasiquote does: `(1 ,@2) is '(1 . 2).
        if (syntaxE(rest) === NULL) return inner;
        return b.list('append', inner, qq(rest, depth, ex, b));
      }
      return b.list('cons', b.list('list', b.quote(sym('unquote-splicing')), qq(inner, depth - 1, ex, b)), qq(rest, depth, ex, b));
    }
    return b.list('cons', qqElem(head, depth, ex, b), qq(rest, depth, ex, b));
  }
  if (e instanceof RVector) {
    const asList = new Syntax(listFromArray(e.items as Syntax[]), s.loc);
    return b.list('list->vector', qq(asList, depth, ex, b));
  }
  return b.list('quote', s);
}

function qqElem(s: Syntax, depth: number, ex: Expander, b: Builder): Syntax {
  return qq(s, depth, ex, b);
}

// ---------------------------------------------------------------- control

const parameterize: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const pairs = syntaxList(p[1]);
  if (pairs === null) ex.badSyntax(stx);
  const args: Syntax[] = [];
  for (const pr of pairs) {
    const pp = syntaxList(pr);
    if (pp === null || pp.length !== 2) ex.badSyntax(stx);
    args.push(pp[0], pp[1]);
  }
  return b.list(
    'with-continuation-mark',
    b.list('quote', b.datum(ex.rtPrim('parameterization-key'))),
    b.list(b.list('quote', b.datum(ex.rtPrim('extend-parameterization'))), ...args),
    b.listTail(['let-values', b.list()], listFromArray(p.slice(2))),
  );
};

/** `parameterize*`: each binding in the scope of the ones before it. */
const parameterizeStar: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const pairs = syntaxList(p[1]);
  if (pairs === null) ex.badSyntax(stx);
  const body = listFromArray(p.slice(2));
  if (pairs.length === 0) return b.listTail(['let-values', b.list()], body);
  return b.list('parameterize', b.list(pairs[0]), b.listTail(['parameterize*', b.list(...pairs.slice(1))], body));
};

const withHandlers: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  const clauses = syntaxList(p[1]);
  if (clauses === null) ex.badSyntax(stx);
  const preds: Syntax[] = [];
  const handlers: Syntax[] = [];
  for (const c of clauses) {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2) ex.badSyntax(stx);
    preds.push(cp[0]);
    handlers.push(cp[1]);
  }
  const thunk = b.listTail(['lambda', b.list()], listFromArray(p.slice(2)));
  return b.list(b.list('quote', b.datum(ex.rtPrim('with-handlers'))), b.list('list', ...preds), b.list('list', ...handlers), thunk);
};

const parameterizeBreak: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  return b.list(
    'with-continuation-mark',
    b.list('quote', b.datum(ex.rtPrim('break-enabled-key'))),
    b.list(b.list('quote', b.datum(ex.rtPrim('make-break-cell'))), p[1]),
    b.listTail(['let-values', b.list()], listFromArray(p.slice(2))),
  );
};

const letEc: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  return b.list('call/ec', b.listTail(['lambda', b.list(p[1])], listFromArray(p.slice(2))));
};

const letCc: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  return b.list('call/cc', b.listTail(['lambda', b.list(p[1])], listFromArray(p.slice(2))));
};

const time: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 2);
  return b.list(b.list('quote', b.datum(ex.rtPrim('time-apply/print'))), b.listTail(['lambda', b.list()], listFromArray(p.slice(1))));
};

const defineSyntaxRule: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3, 3);
  const pat = syntaxE(p[1]);
  if (!(pat instanceof Pair) || !isIdentifier(pat.car)) ex.badSyntax(stx);
  const name = pat.car as Syntax;
  const patStx = new Syntax(new Pair(b.id('_'), pat.cdr), p[1].loc, p[1].scopes);
  const rules = b.list('syntax-rules', b.list(), b.list(patStx, p[2]));
  rules.props = new Map([[TEMPLATE_NAME, true]]);
  return b.list('define-syntaxes', b.list(name), rules);
};

/**
 * `(%log-to logger-expr level message-expr)` or `(%log-to logger-expr level
 * format-string v ...)`: logs at `level` when the logger has a receiver for
 * it, evaluating the message only then; the data is the continuation marks.
 */
const logTo: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 4);
  const l = b.temp('logger');
  const level = b.quote(syntaxToDatum(p[2]));
  const message = p.length === 4 ? p[3] : b.list('format', ...p.slice(3));
  return b.list(
    'let-values',
    b.list(b.list(b.list(l), p[1])),
    b.list(
      'if',
      b.list('log-level?', l, level),
      b.list('log-message', l, level, message, b.list('current-continuation-marks')),
      b.list('void'),
    ),
  );
};

/** `(log-info message-expr)`, `(log-info format-string v ...)`, ... to the current logger. */
const logAt =
  (level: string): Macro =>
  (stx: Syntax, ex: Expander, b: Builder) => {
    const p = items(stx, ex, 2);
    return b.list('%log-to', b.list('current-logger'), b.id(level), ...p.slice(1));
  };

/** `(define-logger name)`: name-logger, a child of the current logger, and log-name-debug ... log-name-fatal. */
const defineLogger: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 2, 2);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const name = idSym(p[1]).name;
  const id = (s: string) => datumToSyntax(p[1], sym(s));
  const logger = id(`${name}-logger`);
  const e = b.temp('e');
  const levels = ['debug', 'info', 'warning', 'error', 'fatal'];
  return b.list(
    'begin',
    b.list('define', logger, b.list('make-logger', b.quote(sym(name)), b.list('current-logger'))),
    ...levels.map((level) =>
      b.list(
        'define-syntax-rule',
        b.list(id(`log-${name}-${level}`), e, b.id('...')),
        b.list('%log-to', logger, b.id(level), e, b.id('...')),
      ),
    ),
  );
};

/** `(define-namespace-anchor a)`: `a` keeps the scopes of the module it is in, for namespace-anchor->namespace. */
const defineNamespaceAnchor: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 2, 2);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  const where = ex.ctx?.name;
  const moduleName = where === undefined || where === 'top-level' ? false : where;
  return b.list(
    'define',
    p[1],
    b.list(b.list('quote', b.datum(ex.rtPrim('make-namespace-anchor'))), b.list('quote-syntax', p[1]), b.quote(moduleName)),
  );
};

const defineSyntax: Macro = (stx: Syntax, ex: Expander, b: Builder) => {
  const p = items(stx, ex, 3);
  if (isIdentifier(p[1])) {
    if (p.length !== 3) ex.badSyntax(stx);
    return b.list('define-syntaxes', b.list(p[1]), p[2]);
  }
  const e = syntaxE(p[1]);
  if (!(e instanceof Pair) || !isIdentifier(e.car)) ex.badSyntax(stx);
  const formals = e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, p[1].loc);
  return b.list('define-syntaxes', b.list(e.car as Syntax), b.listTail(['lambda', formals], listFromArray(p.slice(2))));
};

/** `(set!-values (id ...) expr)`: assigns each id one of expr's values. */
const setValues: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3, 3);
  const ids = syntaxList(p[1]);
  if (ids === null) return ex.badSyntax(stx);
  if (ids.length === 0) return b.list('let-values', b.list(b.list(b.list(), p[2])), b.list('void'));
  if (ids.length === 1 && isIdentifier(ids[0])) return b.list('set!', ids[0], p[2]);
  for (const id of ids) if (!isIdentifier(id)) ex.syntaxError('set!-values', 'not an identifier', stx, id);
  ids.forEach((id, i) => {
    const dup = ids
      .slice(0, i)
      .find((o) => idSym(o) === idSym(id) && o.scopes.length === id.scopes.length && o.scopes.every((sc, j) => sc === id.scopes[j]));
    if (dup !== undefined) ex.syntaxError('set!-values', 'duplicate identifier', stx, id);
  });
  const temps = ids.map((id) => b.temp(idSym(id).name));
  return b.list('let-values', b.list(b.list(b.list(...temps), p[2])), ...ids.map((id, i) => b.list('set!', id, temps[i])));
};

/**
 * `(#%top-interaction . form)`: -e and the REPL wrap each form in it, so
 * that a language can decide what interaction means; racket/base's is the
 * form itself.
 */
const topInteraction: Macro = (stx: Syntax, ex: Expander) => {
  const e = syntaxE(stx);
  if (!(e instanceof Pair)) return ex.badSyntax(stx);
  return e.cdr instanceof Syntax ? e.cdr : new Syntax(e.cdr, stx.loc, stx.scopes);
};

export function installDerivedForms(define: (name: string, m: Meaning) => void): void {
  const macro = (name: string, f: Macro) => define(name, jsMacro(name, f));
  macro('#%top-interaction', topInteraction);
  macro('define', define_);
  macro('let', let_);
  macro('let*', letStar);
  macro('letrec', letrec);
  macro('let*-values', letStarValues);
  macro('when', when);
  macro('unless', unless);
  macro('and', and);
  macro('or', or);
  macro('cond', cond);
  macro('case', case_);
  macro('do', do_);
  macro('quasiquote', quasiquote);
  macro('parameterize', parameterize);
  macro('parameterize*', parameterizeStar);
  macro('with-handlers', withHandlers);
  macro('with-handlers*', withHandlers);
  macro('parameterize-break', parameterizeBreak);
  macro('let/ec', letEc);
  macro('let/cc', letCc);
  macro('set!-values', setValues);
  macro('time', time);
  macro('define-syntax-rule', defineSyntaxRule);
  macro('%log-to', logTo);
  for (const level of ['debug', 'info', 'warning', 'error', 'fatal']) macro(`log-${level}`, logAt(level));
  macro('define-logger', defineLogger);
  macro('define-syntax', defineSyntax);
  macro('define-namespace-anchor', defineNamespaceAnchor);
  macro('struct', structMacro);
  macro('struct-copy', structCopyMacro);
  macro('define-struct', defineStructMacro);
  macro('struct/derived', structDerivedMacro);
  macro('define-struct/derived', defineStructDerivedMacro);
  macro('struct-field-index', structFieldIndexMacro);
  installGenericInterfaces(define);
  const variants = [
    'list',
    'lists',
    'fold',
    'foldr',
    'sum',
    'product',
    'and',
    'or',
    'first',
    'last',
    'vector',
    'hash',
    'hasheq',
    'hasheqv',
    'hashalw',
  ] as const;
  for (const [name, m] of forClauseForms()) define(name, m);
  macro('for/fold/derived', forDerivedMacro('fold', false));
  macro('for*/fold/derived', forDerivedMacro('fold', true));
  macro('for/foldr/derived', forDerivedMacro('foldr', false));
  macro('for*/foldr/derived', forDerivedMacro('foldr', true));
  macro('for', forMacro('for', false));
  macro('for*', forMacro('for', true));
  for (const v of variants) {
    macro(`for/${v}`, forMacro(v, false));
    macro(`for*/${v}`, forMacro(v, true));
  }
}

const define_ = define;

import { installGenericInterfaces } from './generic-interfaces.js';

import { sym } from '../values/types.js';
import type { Meaning } from '../expand/expander.js';
