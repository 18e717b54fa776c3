// rackunit's forms. A check written out, `(check-equal? a b)`, reports
// where it was written: these macros capture the form's source location and
// expand into calls of src/lib/rackunit.rkt's procedures (check-apply,
// test-case, test-suite, ...) through hidden names the runtime binds
// (MACRO_HELPERS). A check used as a value, `check-equal?` alone, is the
// check procedure located at the identifier, as in Racket.

import type { Expander, MacroTransformer, Meaning } from '../expand/expander.js';
import { isLocationless } from '../expand/expander.js';
import { type Builder, Builder as SyntaxBuilder, jsMacro } from '../expand/build.js';
import { idSym, isIdentifier, syntaxE, syntaxList } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { makeSyntaxRules } from '../expand/syntax-rules.js';
import { Keyword, RString, listFromArray, sym, type Value } from '../values/types.js';
import { RPath } from '../values/path.js';
import { items } from './forms.js';
import { StructInfo } from '../expand/transformers.js';

/** The checks rackunit defines, by name (their bodies are lib/rackunit.rkt's check-body). */
const BUILTIN_CHECKS = [
  'check',
  'check-equal?',
  'check-not-equal?',
  'check-eq?',
  'check-not-eq?',
  'check-eqv?',
  'check-not-eqv?',
  'check-pred',
  'check-=',
  'check-within',
  'check-true',
  'check-false',
  'check-not-false',
  'check-exn',
  'check-not-exn',
  'check-regexp-match',
  'fail',
];

/** `(source line column position span)` of a form, as rackunit's syntax->location makes it. */
function location(stx: Syntax): Value {
  const loc = stx.loc;
  if (loc === null || isLocationless(loc)) return listFromArray([false, false, false, false, false]);
  const source = loc.sourceValue ?? (loc.source.startsWith('/') ? new RPath(loc.source) : new RString(loc.source, true));
  return listFromArray([source, loc.line ?? false, loc.column ?? false, loc.position, loc.span]);
}

/**
 * A use of check `name` whose body is `body`: written out, its arguments are
 * evaluated inside the check; alone, it is the check procedure.
 */
function checkUse(stx: Syntax, ex: Expander, b: Builder, name: string, body: Syntax): Syntax {
  if (isIdentifier(stx)) return b.list('%rackunit-check-procedure', b.quote(sym(name)), body, b.quote(location(stx)), b.list('quote', stx));
  return checkCall(b, name, body, stx, b.list('quote', stx), items(stx, ex, 1).slice(1));
}

/** `(check-apply 'name body 'location expression (lambda () (list arg ...)))`, located at `at`. */
function checkCall(b: Builder, name: string, body: Syntax, at: Syntax, expression: Syntax, args: Syntax[]): Syntax {
  return b.list(
    '%rackunit-check-apply',
    b.quote(sym(name)),
    body,
    b.quote(location(at)),
    expression,
    b.list('lambda', b.list(), b.list('list', ...args)),
  );
}

const builtinBody = (b: Builder, name: string): Syntax => b.list('%rackunit-check-body', b.quote(sym(name)));

function builtinCheck(name: string): Meaning {
  const transform: MacroTransformer = (stx, ex) => {
    const b = new SyntaxBuilder(ex, stx.loc);
    return checkUse(stx, ex, b, name, builtinBody(b, name));
  };
  transform.alone = true;
  return { kind: 'macro', name, transform };
}

/** The transformer a define-check'ed name is bound to: `(%rackunit-check-transformer name body-id)`. */
export function makeCheckTransformer(rhs: Syntax, ex: Expander): MacroTransformer {
  const p = items(rhs, ex, 3, 3);
  const name = idSym(p[1]).name;
  const body = p[2];
  const transform: MacroTransformer = (stx, ex2) => checkUse(stx, ex2, new SyntaxBuilder(ex2, stx.loc), name, body);
  transform.alone = true;
  return transform;
}

/** `(check-match actual pattern [pred])`: the pattern is matched when the check runs. */
const checkMatch = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 4);
  const actual = b.temp('actual');
  const pred = p[3] ?? b.datum(true);
  const matched = b.list('%rackunit-match', actual, b.list(p[2], pred), b.list(b.id('_'), b.datum(false)));
  return b.list(
    'let',
    b.list(b.list(actual, p[1])),
    b.list(
      '%rackunit-with-default-check-info*',
      b.list(
        'list',
        b.list('%rackunit-make-check-name', b.quote(sym('check-match'))),
        b.list('%rackunit-make-check-location', b.quote(location(stx))),
        b.list('%rackunit-make-check-expression', b.list('quote', stx)),
        b.list('%rackunit-make-check-actual', actual),
        b.list('%rackunit-make-check-expected', b.list('quote', p[2])),
      ),
      b.list('lambda', b.list(), checkCall(b, 'check-true', builtinBody(b, 'check-true'), stx, b.list('quote', stx), [matched])),
    ),
  );
};

/** `(define-check (name formal ...) body ...)` and the checks made from it. */
function defineCheckWith(wrap: (b: Builder, formals: Syntax[], body: Syntax[]) => Syntax[]) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 2);
    const header = syntaxList(p[1]);
    if (header === null || header.length === 0 || !header.every(isIdentifier)) return ex.badSyntax(stx);
    const [name, ...formals] = header;
    const bodyId = b.temp(`${idSym(name).name}-impl`);
    return b.list(
      'begin',
      b.list('define-values', b.list(bodyId), b.list('lambda', b.list(...formals), ...wrap(b, formals, p.slice(2)))),
      b.list('define-syntaxes', b.list(name), b.list('%rackunit-check-transformer', name, bodyId)),
    );
  };
}

const failUnless = (b: Builder, body: Syntax[]): Syntax => b.list('or', b.list('let', b.list(), ...body), b.list('%rackunit-fail-check'));

// The body's result is not the check's: an empty body is allowed.
const defineCheck = defineCheckWith((b, _formals, body) => [...body, b.list('void')]);
const defineSimpleCheck = defineCheckWith((b, _formals, body) => [failUnless(b, body)]);

/** `(define-binary-check (name actual expected) body ...)` or `(define-binary-check (name pred actual expected))`. */
const defineBinaryCheck = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const header = syntaxList(p[1]);
  if (header === null || !header.every(isIdentifier)) return ex.badSyntax(stx);
  let body: Syntax[];
  let formals: Syntax[];
  if (p.length === 2) {
    if (header.length !== 4) return ex.badSyntax(stx);
    formals = header.slice(2);
    body = [b.list(header[1], ...formals)];
  } else {
    if (header.length !== 3) return ex.badSyntax(stx);
    formals = header.slice(1);
    body = p.slice(2);
  }
  const check = b.list(header[0], ...formals);
  return defineCheckWith((b2, fs) => [
    b2.list(
      '%rackunit-with-default-check-info*',
      b2.list('list', b2.list('%rackunit-make-check-actual', fs[0]), b2.list('%rackunit-make-check-expected', fs[1])),
      b2.list('lambda', b2.list(), failUnless(b2, body)),
    ),
  ])(b.list('define-check', check), ex, b);
};

/** `(with-check-info ((name value) ...) body ...)`. */
const withCheckInfo = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const clauses = syntaxList(p[1]);
  if (clauses === null) return ex.badSyntax(stx);
  const infos = clauses.map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length !== 2) return ex.badSyntax(stx);
    return b.list('%rackunit-make-check-info', cp[0], cp[1]);
  });
  return b.list('%rackunit-with-check-info*', b.list('list', ...infos), b.list('lambda', b.list(), ...p.slice(2)));
};

const thunk = (b: Builder, body: Syntax[]): Syntax => b.list('lambda', b.list(), b.list('void'), ...body);

const testBegin = (stx: Syntax, ex: Expander, b: Builder): Syntax => b.list('%rackunit-test-begin', thunk(b, items(stx, ex, 1).slice(1)));

const testCase = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return b.list('%rackunit-test-case', p[1], thunk(b, p.slice(2)));
};

/** `(test-suite name [#:before thunk] [#:after thunk] test ...)`. */
function testSuiteOf(b: Builder, name: Syntax, rest: Syntax[]): Syntax {
  let before: Syntax = b.id('%rackunit-void-thunk');
  let after: Syntax = b.id('%rackunit-void-thunk');
  const keyword = (s: Syntax | undefined) => {
    const e = s === undefined ? null : syntaxE(s);
    return e instanceof Keyword ? e.name : null;
  };
  if (keyword(rest[0]) === 'before' && rest.length >= 2) {
    before = rest[1];
    rest = rest.slice(2);
  }
  if (keyword(rest[0]) === 'after' && rest.length >= 2) {
    after = rest[1];
    rest = rest.slice(2);
  }
  return b.list('%rackunit-test-suite', name, before, after, b.list('list', ...rest.map((t) => b.list('lambda', b.list(), t))));
}

const testSuite = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return testSuiteOf(b, p[1], p.slice(2));
};

const defineTestSuite = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  if (!isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('define-values', b.list(p[1]), testSuiteOf(b, b.datum(new RString(idSym(p[1]).name, true)), p.slice(2)));
};

const defineProvideTestSuite = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  if (!isIdentifier(p[1])) return ex.badSyntax(stx);
  return b.list('begin', defineTestSuite(stx, ex, b), b.list('provide', p[1]));
};

/** `(test-suite* name (case-name case-body ...) ...)`. */
const testSuiteStar = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const cases = p.slice(2).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length < 1) return ex.badSyntax(stx);
    return b.list('%rackunit-test-case', cp[0], thunk(b, cp.slice(1)));
  });
  return testSuiteOf(b, p[1], cases);
};

const delayTest = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list('%rackunit-delay-test', b.list('lambda', b.list(), ...items(stx, ex, 2).slice(1)));

/** before, after and around: a body between setup and teardown (dynamic-wind). */
const wound =
  (setup: boolean, teardown: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 1 + (setup ? 1 : 0) + 1 + (teardown ? 1 : 0)).slice(1);
    const body = p.slice(setup ? 1 : 0, teardown ? p.length - 1 : p.length);
    return b.list(
      'dynamic-wind',
      setup ? b.list('lambda', b.list(), p[0]) : b.id('void'),
      b.list('lambda', b.list(), ...body),
      teardown ? b.list('lambda', b.list(), p[p.length - 1]) : b.id('void'),
    );
  };

/** A shortcut's use with other than its parameters: `Correct form is (name test-desc param ...)`. */
function shortcutArgs(stx: Syntax, ex: Expander, params: readonly string[]): Syntax[] {
  const p = syntaxList(stx);
  const head = p?.[0];
  const name = head !== undefined && isIdentifier(head) ? idSym(head).name : '?';
  if (p === null || p.length !== params.length + 2)
    ex.syntaxError(name, `Correct form is (${[name, 'test-desc', ...params].join(' ')})`, stx);
  return p;
}

/** test-equal? and the other shortcuts: `(test-equal? name a b)` is a test case of one check. */
const shortcut =
  (check: string, params: string[]) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = shortcutArgs(stx, ex, params);
    const written = b.list(b.datum(sym(check)), ...p.slice(2));
    const use = checkCall(b, check, builtinBody(b, check), stx, b.list('quote', written), p.slice(2));
    return b.list('%rackunit-test-case', p[1], b.list('lambda', b.list(), use));
  };

const SHORTCUTS: [string, string, string[]][] = [
  ['test-check', 'check', ['operator', 'expr1', 'expr2']],
  ['test-pred', 'check-pred', ['pred', 'expr']],
  ['test-equal?', 'check-equal?', ['expr1', 'expr2']],
  ['test-eq?', 'check-eq?', ['expr1', 'expr2']],
  ['test-eqv?', 'check-eqv?', ['expr1', 'expr2']],
  ['test-=', 'check-=', ['expr1', 'expr2', 'epsilon']],
  ['test-within', 'check-within', ['expr1', 'expr2', 'epsilon']],
  ['test-true', 'check-true', ['expr']],
  ['test-false', 'check-false', ['expr']],
  ['test-not-false', 'check-not-false', ['expr']],
  ['test-exn', 'check-exn', ['pred', 'thunk']],
  ['test-not-exn', 'check-not-exn', ['thunk']],
];

/**
 * `(define-shortcut (name param ...) expr)`: `(name test-desc arg ...)` is
 * a test case of `expr` with the arguments for the parameters, located
 * at the use (checks in it report the use's location).
 */
const defineShortcut = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = syntaxList(stx);
  const header = p !== null && p.length === 3 ? syntaxList(p[1]) : null;
  if (p === null || header === null || header.length === 0 || !header.every(isIdentifier))
    return ex.syntaxError('define-shortcut', 'Correct form is (define-shortcut (name param ...) expr)', stx);
  return b.list('define-syntaxes', b.list(header[0]), b.list('%rackunit-shortcut-transformer', p[1], p[2]));
};

/** The transformer a define-shortcut'ed name is bound to: `(%rackunit-shortcut-transformer (name param ...) expr)`. */
export function makeShortcutTransformer(rhs: Syntax, ex: Expander): MacroTransformer {
  const p = items(rhs, ex, 3, 3);
  const header = syntaxList(p[1])!;
  const params = header.slice(1);
  const b = new SyntaxBuilder(ex, rhs.loc);
  const desc = b.temp('test-desc');
  const rules = makeSyntaxRules(
    b.list(
      'syntax-rules',
      b.list(),
      b.list(b.list(b.id('_'), desc, ...params), b.list('%rackunit-test-case', desc, b.list('lambda', b.list(), p[2]))),
    ),
    ex,
  );
  const names = params.map((id) => idSym(id).name);
  return (stx, ex2) => {
    shortcutArgs(stx, ex2, names);
    const out = rules(stx, ex2);
    // (%rackunit-test-case desc (lambda () expr)): expr is located at the use, as Racket's syntax/loc puts it.
    const parts = syntaxList(out)!;
    const lambda = syntaxList(parts[2])!;
    const body = lambda[2];
    const located = new Syntax(body.e, stx.loc, body.scopes, body.props);
    located.pending = body.pending === null ? null : [...body.pending];
    return new Syntax(
      listFromArray([parts[0], parts[1], new Syntax(listFromArray([lambda[0], lambda[1], located]), parts[2].loc, parts[2].scopes)]),
      out.loc,
      out.scopes,
    );
  };
}

/** `(require/expose mod (id ...))`: defines each id as `mod`'s variable of that name, provided or not. */
const requireExpose = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  const ids = syntaxList(p[2]);
  if (ids === null || !ids.every(isIdentifier)) return ex.badSyntax(stx);
  return b.list(
    'begin',
    b.list('require', b.list('only-in', p[1])),
    b.list(
      'define-values',
      b.list(...ids),
      b.list('%rackunit-expose', b.list('#%variable-reference'), b.list('quote', p[1]), b.list('quote', p[2])),
    ),
  );
};

export function installRackunitForms(define: (name: string, m: Meaning) => void): void {
  for (const name of BUILTIN_CHECKS) define(name, builtinCheck(name));
  define('check-match', jsMacro('check-match', checkMatch));
  define('define-check', jsMacro('define-check', defineCheck));
  define('define-simple-check', jsMacro('define-simple-check', defineSimpleCheck));
  define('define-binary-check', jsMacro('define-binary-check', defineBinaryCheck));
  define('with-check-info', jsMacro('with-check-info', withCheckInfo));
  define('test-begin', jsMacro('test-begin', testBegin));
  define('test-case', jsMacro('test-case', testCase));
  define('test-suite', jsMacro('test-suite', testSuite));
  define('test-suite*', jsMacro('test-suite*', testSuiteStar));
  define('define-test-suite', jsMacro('define-test-suite', defineTestSuite));
  define('define/provide-test-suite', jsMacro('define/provide-test-suite', defineProvideTestSuite));
  define('delay-test', jsMacro('delay-test', delayTest));
  define('before', jsMacro('before', wound(true, false)));
  define('after', jsMacro('after', wound(false, true)));
  define('around', jsMacro('around', wound(true, true)));
  for (const [name, check, params] of SHORTCUTS) define(name, jsMacro(name, shortcut(check, params)));
  define('define-shortcut', jsMacro('define-shortcut', defineShortcut));
  define('require/expose', jsMacro('require/expose', requireExpose));
}

/** rackunit's structures that programs match on and copy: name, own fields, parent. */
const STRUCTS: [string, string[], string | null][] = [
  ['rackunit-test-case', ['name', 'action'], null],
  ['rackunit-test-suite', ['name', 'tests', 'before', 'after'], null],
  ['test-result', ['test-case-name'], null],
  ['test-failure', ['result'], 'test-result'],
  ['test-error', ['result'], 'test-result'],
  ['test-success', ['result'], 'test-result'],
  ['check-info', ['name', 'value'], null],
  ['string-info', ['value'], null],
  ['nested-info', ['values'], null],
  ['dynamic-info', ['proc'], null],
];

/**
 * Rebinds each structure's name in rackunit (`lib`) to its struct info, as
 * Racket's struct-out does, so that match patterns, struct-copy and
 * sub-structs see its fields; the name still constructs in expressions.
 * The info's identifiers are hidden names for the procedures, bound with
 * `bindHidden`.
 */
export function installRackunitStructInfo(
  ex: Expander,
  exports: Map<string, Meaning>,
  bindHidden: (name: string, m: Meaning) => void,
): void {
  const infos = new Map<string, StructInfo>();
  const hidden = (name: string): Syntax => {
    const m = exports.get(name);
    if (m === undefined) throw new Error(`internal: rackunit has no ${name}`);
    bindHidden(`%rackunit:${name}`, m);
    return ex.baseId(`%rackunit:${name}`, null);
  };
  for (const [name, fields, parentName] of STRUCTS) {
    const parent = parentName === null ? null : infos.get(parentName)!;
    const own = fields.map((f) => ({ name: f, accessor: hidden(`${name}-${f}`), owner: name }));
    const info = new StructInfo(
      name,
      ex.baseId(name, null),
      hidden(`struct:${name}`),
      hidden(name),
      hidden(`${name}?`),
      [...(parent?.fields ?? []), ...own],
      own.map(() => null),
      parent,
      parent === null ? false : parent.type,
      true,
      [],
    );
    infos.set(name, info);
    exports.set(name, { kind: 'syntax', value: info });
  }
}
