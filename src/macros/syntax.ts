// racket/base's macros for writing macros: `with-syntax`,
// `define-for-syntax`, `let-syntax`, `letrec-syntax`, `syntax-id-rules`,
// `define-syntaxes` shorthand forms. They expand into the core forms of
// expand/syntax-forms.ts and expand/core-forms.ts.

import { items, pairClauses } from './forms.js';
import { localRequire } from './local-require.js';
import { Pair, RString, sym, listFromArray } from '../values/types.js';
import { Syntax } from '../values/syntax.js';
import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, Meaning } from '../expand/expander.js';
import { isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';

type Macro = (stx: Syntax, ex: Expander, b: Builder) => Syntax;

/**
 * `(with-syntax ([pattern stx-expr] ...) body ...+)`: every expression is
 * evaluated first, then each is matched against its pattern in turn; the
 * body sees the pattern variables of all of them.
 */
const withSyntax: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const bindings = pairClauses(stx, p[1], ex);
  const temps = bindings.map(() => b.temp('with-syntax'));
  let body = b.listTail(['let', b.list()], listFromArray(p.slice(2)));
  for (let i = bindings.length - 1; i >= 0; i--) {
    const [pattern] = bindings[i];
    const failure = b.list(
      'raise-syntax-error',
      b.quote(sym('with-syntax')),
      b.datum(new RString('binding match failed', true)),
      b.list('quote-syntax', pattern),
    );
    body = b.list('syntax-case', temps[i], b.list(), b.list(pattern, body), b.list(b.id('_'), failure));
  }
  return b.list('let-values', b.list(...bindings.map(([, e], i) => b.list(b.list(temps[i]), e))), body);
};

/** `(define-for-syntax id expr)` and `(define-for-syntax (id . formals) body ...+)`: a definition at the next phase. */
const defineForSyntax: Macro = (stx, ex, b) => {
  items(stx, ex, 3);
  const e = syntaxE(stx) as Pair;
  return b.list('begin-for-syntax', new Syntax(new Pair(b.id('define'), e.cdr), stx.loc, stx.scopes));
};

/** `(define-values-for-syntax (id ...) expr)`: definitions at the next phase. */
const defineValuesForSyntax: Macro = (stx, ex, b) => {
  items(stx, ex, 3, 3);
  const e = syntaxE(stx) as Pair;
  return b.list('begin-for-syntax', new Syntax(new Pair(b.id('define-values'), e.cdr), stx.loc, stx.scopes));
};

/** `(quote-syntax/prune id)`: the identifier as `quote-syntax` keeps it (pruning is a no-op since Racket's sets-of-scopes expander). */
const quoteSyntaxPrune: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 2, 2);
  if (!isIdentifier(p[1])) return ex.syntaxError('quote-syntax/prune', 'expected an identifier', stx, p[1]);
  return b.list('quote-syntax', p[1]);
};

/** `(letrec-syntax ([id transformer] ...) body ...+)` and `let-syntax`. */
const letSyntax =
  (core: string): Macro =>
  (stx, ex, b) => {
    const p = items(stx, ex, 3);
    const bindings = pairClauses(stx, p[1], ex).map(([id, e]) => {
      if (!isIdentifier(id)) ex.badSyntax(stx);
      return b.list(b.list(id), e);
    });
    return b.listTail(
      core === 'let-syntaxes' ? [core, b.list(...bindings)] : [core, b.list(...bindings), b.list()],
      listFromArray(p.slice(2)),
    );
  };

/** `(letrec-syntaxes ([(id ...) transformer] ...) body ...+)`. */
const letrecSyntaxes: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  return b.listTail(['letrec-syntaxes+values', p[1], b.list()], listFromArray(p.slice(2)));
};

/**
 * `(syntax-id-rules (literal ...) [pattern template] ...)`: a set!
 * transformer whose patterns see the identifier alone, in an
 * application, and as the target of `set!`.
 */
const syntaxIdRules: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 2);
  const arg = b.temp('stx');
  const rules = p.slice(2).map((r) => {
    const rp = syntaxList(r);
    if (rp === null || rp.length !== 2) return ex.badSyntax(stx);
    return b.list(rp[0], b.list('syntax', rp[1]));
  });
  return b.list('make-set!-transformer', b.list('lambda', b.list(arg), b.list('syntax-case', arg, p[1], ...rules)));
};

/** `(with-syntax* ([pattern stx-expr] ...) body ...+)`: like with-syntax, each binding in the scope of the ones before. */
const withSyntaxStar: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const bindings = syntaxList(p[1]);
  if (bindings === null) return ex.badSyntax(stx);
  let body = b.listTail(['let', b.list()], listFromArray(p.slice(2)));
  for (let i = bindings.length - 1; i >= 0; i--) body = b.list('with-syntax', b.list(bindings[i]), body);
  return body;
};

export function installSyntaxMacros(define: (name: string, m: Meaning) => void): void {
  const macro = (name: string, f: Macro) => define(name, jsMacro(name, f));
  macro('with-syntax', withSyntax);
  macro('define-for-syntax', defineForSyntax);
  macro('define-values-for-syntax', defineValuesForSyntax);
  macro('quote-syntax/prune', quoteSyntaxPrune);
  macro('local-require', localRequire);
  macro('let-syntax', letSyntax('let-syntaxes'));
  macro('letrec-syntax', letSyntax('letrec-syntaxes+values'));
  macro('letrec-syntaxes', letrecSyntaxes);
  macro('syntax-id-rules', syntaxIdRules);
}

/** `(define-syntax-parameter id transformer)`: binds `id` to a syntax parameter whose default is the transformer. */
const defineSyntaxParameter: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  if (p.length !== 3 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('define-syntaxes', b.list(p[1]), b.list(b.list('quote', b.datum(ex.rtPrim('make-syntax-parameter'))), p[2]));
};

/**
 * A non-hygienic macro from a procedure on datums (mzlib/defmacro): the
 * use's arguments as datums go to `proc`, and its result becomes syntax in
 * the context of the use.
 */
function datumMacro(b: Builder, name: Syntax, proc: Syntax): Syntax {
  const use = b.temp('stx');
  const args = b.temp('args');
  const body = b.list('datum->syntax', use, b.list('apply', proc, b.list('syntax->datum', b.list('syntax', args))), use);
  return b.list(
    'define-syntaxes',
    b.list(name),
    b.list('lambda', b.list(use), b.list('syntax-case', use, b.list(), b.list(b.listTail([b.id('_')], args), body))),
  );
}

/** `(defmacro name formals body ...+)`. */
const defmacro: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 4);
  if (!isIdentifier(p[1])) return ex.badSyntax(stx);
  return datumMacro(b, p[1], b.listTail(['lambda', p[2]], listFromArray(p.slice(3))));
};

/** `(define-macro (name . formals) body ...+)` and `(define-macro name proc-expr)`. */
const defineMacro: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  if (isIdentifier(p[1])) return datumMacro(b, p[1], p[2]);
  const head = syntaxE(p[1]);
  if (!(head instanceof Pair) || !isIdentifier(head.car)) return ex.badSyntax(stx);
  const formals = head.cdr instanceof Syntax ? head.cdr : new Syntax(head.cdr, p[1].loc, p[1].scopes);
  return datumMacro(b, head.car as Syntax, b.listTail(['lambda', formals], listFromArray(p.slice(2))));
};

/** The macros of mzlib/defmacro (also compatibility/defmacro). */
export function installDefmacroMacros(define: (name: string, m: Meaning) => void): void {
  define('defmacro', jsMacro('defmacro', defmacro));
  define('define-macro', jsMacro('define-macro', defineMacro));
}

/**
 * `(define-syntax-parse-rule (name . pattern) directive ... template)`, also
 * `define-simple-macro`: a syntax-parse macro of one clause whose result is
 * a template.
 */
const defineSyntaxParseRule: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  const head = syntaxE(p[1]);
  if (!(head instanceof Pair) || !isIdentifier(head.car)) return ex.badSyntax(stx);
  const use = b.temp('stx');
  const pattern = new Syntax(new Pair(b.id('_'), head.cdr), p[1].loc, p[1].scopes);
  const directives = p.slice(2, -1);
  const template = p[p.length - 1];
  return b.list(
    'define-syntaxes',
    b.list(head.car as Syntax),
    b.list('lambda', b.list(use), b.list('syntax-parse', use, b.list(pattern, ...directives, b.list('syntax', template)))),
  );
};

/** `(syntax-parser option ... clause ...)`: `(lambda (x) (syntax-parse x option ... clause ...))`. */
const syntaxParser: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 1);
  const x = b.temp('x');
  return b.list('lambda', b.list(x), b.list('syntax-parse', x, ...p.slice(1)));
};

/** `(define-syntax-parser name option ... clause ...+)`: a macro that is a syntax-parser. */
const defineSyntaxParser: Macro = (stx, ex, b) => {
  const p = items(stx, ex, 3);
  if (!isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('define-syntaxes', b.list(p[1]), b.list('syntax-parser', ...p.slice(2)));
};

/** The macros of syntax/parse/define. */
export function installSyntaxParseDefineMacros(define: (name: string, m: Meaning) => void): void {
  define('define-syntax-parse-rule', jsMacro('define-syntax-parse-rule', defineSyntaxParseRule));
  define('define-simple-macro', jsMacro('define-simple-macro', defineSyntaxParseRule));
  define('define-syntax-parser', jsMacro('define-syntax-parser', defineSyntaxParser));
}

/** `syntax-parser`, a macro of syntax/parse. */
export function installSyntaxParserMacro(define: (name: string, m: Meaning) => void): void {
  define('syntax-parser', jsMacro('syntax-parser', syntaxParser));
}

/** The macros of racket/stxparam. */
export function installStxparamMacros(define: (name: string, m: Meaning) => void): void {
  define('define-syntax-parameter', jsMacro('define-syntax-parameter', defineSyntaxParameter));
}

/** The macros of racket/syntax. */
export function installRacketSyntaxMacros(define: (name: string, m: Meaning) => void): void {
  define('with-syntax*', jsMacro('with-syntax*', withSyntaxStar));
}
