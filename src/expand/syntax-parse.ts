// `syntax-parse` (syntax/parse), a first part of it: clauses with the
// patterns of syntax-parse-pattern.ts, the directives #:with, #:when,
// #:fail-when and #:fail-unless, the options #:literals, #:datum-literals
// and #:context, and `attribute`. Like syntax-case it compiles to calls of
// run-time internals (prims/syntax.ts) with the patterns as constants.

import { LocalVar, type Core, type CoreLambda } from './core.js';
import { Scope, Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, RString, listFromArray, sym, uninternedSym } from '../values/types.js';
import { type Builder, type JsMacro, jsMacro } from './build.js';
import type { Expander, Meaning } from './expander.js';
import { addScope, datumToSyntax, idSym, isIdentifier, syntaxE, syntaxList } from './scopes.js';
import { PatternExpression, SyntaxParsePattern } from './syntax-parse-pattern.js';
import { PatternVariable, SyntaxParameter } from './transformers.js';
import { patternValue } from './syntax-template.js';

type Handler = (stx: Syntax, ex: Expander) => Core;

const lref = (v: LocalVar): Core => ({ t: 'lref', v, loc: null });
const quote = (v: unknown): Core => ({ t: 'quote', v });
const thunk = (body: Core): CoreLambda => ({ t: 'lambda', req: [], opt: [], rest: null, body, name: null });
const call = (ex: Expander, prim: string, args: Core[]): Core => ({ t: 'app', f: quote(ex.rtPrim(prim)), args, loc: null });

interface Clause {
  pattern: Syntax;
  directives: { kw: string; args: Syntax[]; at: Syntax }[];
  body: Syntax[];
}

const DIRECTIVE_ARITY = new Map([
  ['with', 2],
  ['attr', 2],
  ['declare', 2],
  ['when', 1],
  ['fail-when', 2],
  ['fail-unless', 2],
  ['do', 1],
]);

const syntaxParse: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  if (p === null || p.length < 2) return ex.badSyntax(stx);
  let literals: Syntax[] = [];
  let datumLiterals: Syntax[] = [];
  let context: Syntax | null = null;
  /** A syntax class's parser passes its own failures, and a total failure returns #f to it. */
  let classFailures: Syntax | null = null;
  let i = 2;
  for (; i < p.length; i += 2) {
    const kw = syntaxE(p[i]);
    if (!(kw instanceof Keyword)) break;
    const arg = p[i + 1];
    if (arg === undefined) ex.syntaxError('syntax-parse', 'missing argument after keyword', stx, p[i]);
    const ids = () => {
      const l = syntaxList(arg);
      if (l === null || !l.every(isIdentifier)) ex.syntaxError('syntax-parse', 'expected a list of identifiers', stx, arg);
      return l;
    };
    if (kw.name === 'literals') literals = ids();
    else if (kw.name === 'datum-literals') datumLiterals = ids();
    else if (kw.name === 'context') context = arg;
    else if (kw.name === '%failures') classFailures = arg;
    else ex.syntaxError('syntax-parse', `unsupported option #:${kw.name} (rkt has a part of syntax/parse so far)`, stx, p[i]);
  }
  const clauses: Clause[] = p.slice(i).map((c) => parseClause(ex, stx, c));
  const input = new LocalVar('stx');
  // In the clauses, this-syntax is the syntax being parsed.
  const inputId = new Syntax(uninternedSym('this-syntax'), null, [new Scope('this-syntax')]);
  ex.bind(inputId, { kind: 'local', v: input });
  const param = thisSyntaxParameters.get(ex)!;
  const thisSyntax = ex.syntaxParameterValues.get(param) ?? [];
  ex.syntaxParameterValues.set(param, thisSyntax);
  thisSyntax.push({ kind: 'macro', name: 'this-syntax', transform: () => inputId });
  const failures = new LocalVar('failures');
  const ctxVar = new LocalVar('context');
  let code: Core = classFailures !== null ? quote(false) : call(ex, 'syntax-parse-fail', [lref(failures), lref(ctxVar)]);
  try {
    for (let c = clauses.length - 1; c >= 0; c--) code = compileClause(ex, stx, clauses[c], input, failures, literals, datumLiterals, code);
  } finally {
    thisSyntax.pop();
  }
  return {
    t: 'let-values',
    binds: [
      { vars: [input], e: ex.expandExpr(p[1]) },
      { vars: [failures], e: classFailures !== null ? ex.expandExpr(classFailures) : call(ex, 'make-parse-failures', []) },
    ],
    body: {
      t: 'let-values',
      binds: [{ vars: [ctxVar], e: context === null ? lref(input) : ex.expandExpr(context) }],
      body: code,
    },
  };
};

function parseClause(ex: Expander, whole: Syntax, c: Syntax): Clause {
  const cp = syntaxList(c);
  if (cp === null || cp.length < 2) return ex.syntaxError('syntax-parse', 'expected a clause', whole, c);
  const directives: Clause['directives'] = [];
  let j = 1;
  while (j < cp.length) {
    const kw = syntaxE(cp[j]);
    if (!(kw instanceof Keyword)) break;
    const n = DIRECTIVE_ARITY.get(kw.name);
    if (n === undefined)
      ex.syntaxError('syntax-parse', `unsupported directive #:${kw.name} (rkt has a part of syntax/parse so far)`, whole, cp[j]);
    const previous = directives[directives.length - 1]?.kw;
    if (kw.name === 'declare' && previous !== undefined && previous !== 'with' && previous !== 'declare')
      ex.syntaxError('syntax-parse', '#:declare can only appear immediately after pattern or #:with clause', whole, cp[j]);
    directives.push({ kw: kw.name, args: cp.slice(j + 1, j + 1 + n), at: cp[j] });
    j += 1 + n;
  }
  const body = cp.slice(j);
  if (body.length === 0) ex.syntaxError('syntax-parse', 'expected a body', whole, c);
  return { pattern: cp[0], directives, body };
}

/**
 * One clause: match, bind its pattern variables in a fresh scope, run its
 * directives in order, then its body; any failure goes on to `next`.
 * Failures of later steps count as further than those of earlier ones.
 */
function compileClause(
  ex: Expander,
  whole: Syntax,
  clause: Clause,
  input: LocalVar,
  failures: LocalVar,
  literals: Syntax[],
  datumLiterals: Syntax[],
  next: Core,
): Core {
  const sc = new Scope('syntax-parse');
  const fail = new LocalVar('fail');
  const onFail: Core = { t: 'app', f: lref(fail), args: [], loc: null };
  const declared = new Map<string, Syntax>();
  for (const d of clause.directives) if (d.kw === 'declare' && isIdentifier(d.args[0])) declared.set(idSym(d.args[0]).name, d.args[1]);
  const bindPattern = (pattern: Syntax, source: Core, step: number, rest: () => Core): Core => {
    const compiled = SyntaxParsePattern.compile(ex, pattern, literals, datumLiterals, whole, step === 0 ? declared : new Map());
    const match = new LocalVar('match');
    const vars = compiled.vars.map((pv) => {
      const v = new LocalVar(idSym(pv.id).name);
      ex.bind(addScope(pv.id, sc), { kind: 'syntax', value: new PatternVariable(v, pv.depth) });
      return v;
    });
    const value = (i: number): Core => {
      const ref = call(ex, 'syntax-match-ref', [lref(match), quote(i)]);
      const dflt = compiled.defaults.get(i);
      if (dflt === undefined) return ref;
      // An absent ~optional variable with a default: the default's value.
      const r = new LocalVar('value');
      return {
        t: 'let-values',
        binds: [{ vars: [r], e: ref }],
        body: { t: 'if', c: lref(r), th: lref(r), el: ex.expandExpr(addScope(dflt, sc)) },
      };
    };
    const matched: Core = {
      t: 'let-values',
      binds: vars.map((v, i) => ({ vars: [v], e: value(i) })),
      body: rest(),
    };
    return {
      t: 'let-values',
      binds: [
        {
          vars: [match],
          e: call(ex, 'syntax-parse-match', [
            quote(compiled),
            source,
            lref(failures),
            quote([step]),
            ...compiled.parsers.map((x) => (x instanceof PatternExpression ? patternExpression(ex, compiled, x, sc) : ex.expandExpr(x))),
          ]),
        },
      ],
      body: { t: 'if', c: lref(match), th: matched, el: onFail },
    };
  };
  /** The scopes of #:do blocks so far: what follows one sees its definitions. */
  const extra: Scope[] = [];
  const scoped = (s: Syntax) => extra.reduce((acc, x) => addScope(acc, x), addScope(s, sc));
  const directive = (k: number): Core => {
    if (k >= clause.directives.length) return ex.expandExpr(scoped(ex.baseLet(clause.body, whole)));
    const d = clause.directives[k];
    const step = k + 1;
    const expr = (s: Syntax) => ex.expandExpr(scoped(s));
    switch (d.kw) {
      case 'with':
        return bindPattern(d.args[0], expr(d.args[1]), step, () => directive(k + 1));
      case 'declare':
        return directive(k + 1);
      case 'do': {
        // #:do [defn-or-expr ...]: definitions seen by the rest of the clause.
        const forms = syntaxList(d.args[0]);
        if (forms === null) return ex.syntaxError('syntax-parse', 'expected a list of definitions and expressions', whole, d.args[0]);
        const dsc = new Scope('do');
        extra.push(dsc);
        return ex.expandDefinitionsAround(
          forms.map((f) => addScope(scoped(f), dsc)),
          dsc,
          () => directive(k + 1),
        );
      }
      case 'attr': {
        // #:attr name expr, or #:attr [name depth] expr: an attribute with any value.
        const spec = syntaxList(d.args[0]);
        const id = isIdentifier(d.args[0]) ? d.args[0] : spec?.[0];
        if (id === undefined || !isIdentifier(id)) return ex.syntaxError('syntax-parse', 'expected an attribute name', whole, d.args[0]);
        const depth = spec !== null && spec.length === 2 ? Number(syntaxE(spec[1])) : 0;
        const v = new LocalVar(idSym(id).name);
        // A deeper attribute's value is a list (of lists...), held as the nested arrays matches make.
        const e = depth === 0 ? expr(d.args[1]) : call(ex, 'syntax-attribute-value', [expr(d.args[1]), quote(depth)]);
        ex.bind(addScope(id, sc), { kind: 'syntax', value: new PatternVariable(v, depth) });
        return { t: 'let-values', binds: [{ vars: [v], e }], body: directive(k + 1) };
      }
      case 'when':
        return {
          t: 'if',
          c: expr(d.args[0]),
          th: directive(k + 1),
          el: { t: 'begin', es: [call(ex, 'syntax-parse-note', [lref(failures), quote([step]), quote(false), quote(false)]), onFail] },
        };
      default: {
        // #:fail-when e msg: fails (saying msg about e, or the whole form) when e is true; #:fail-unless when it is false.
        const v = new LocalVar('condition');
        const failing = d.kw === 'fail-when';
        const note: Core = {
          t: 'begin',
          es: [call(ex, 'syntax-parse-note', [lref(failures), quote([step]), expr(d.args[1]), lref(v)]), onFail],
        };
        return {
          t: 'let-values',
          binds: [{ vars: [v], e: expr(d.args[0]) }],
          body: { t: 'if', c: lref(v), th: failing ? note : directive(k + 1), el: failing ? directive(k + 1) : note },
        };
      }
    }
  };
  const body = ex.withinLocalScope(sc, () => bindPattern(clause.pattern, lref(input), 0, () => directive(0)));
  return { t: 'let-values', binds: [{ vars: [fail], e: thunk(next) }], body };
}

/**
 * The procedure of an expression in a pattern: its parameters are the
 * values of the pattern variables matched before it, bound for its
 * templates (relative to the ellipses the expression is under).
 */
function patternExpression(ex: Expander, compiled: SyntaxParsePattern, x: PatternExpression, clauseScope: Scope): CoreLambda {
  const sc = new Scope('pattern-expression');
  return ex.withinLocalScope(sc, () => {
    const params = compiled.vars.slice(0, x.nvars).map((pv) => {
      const v = new LocalVar(idSym(pv.id).name);
      const depth = pv.depth >= x.depth ? pv.depth - x.depth : pv.depth;
      ex.bind(addScope(addScope(pv.id, clauseScope), sc), { kind: 'syntax', value: new PatternVariable(v, depth) });
      return v;
    });
    return { t: 'lambda', req: params, opt: [], rest: null, body: ex.expandExpr(addScope(addScope(x.e, clauseScope), sc)), name: null };
  });
}

/** `(attribute x)`: the value of pattern variable `x` (#f for an absent ~optional). */
const attribute: Handler = (stx: Syntax, ex: Expander) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 2 || !isIdentifier(p[1])) return ex.badSyntax(stx);
  const m = ex.resolve(p[1]);
  if (m === null || m.kind !== 'syntax' || !(m.value instanceof PatternVariable)) {
    return ex.syntaxError('attribute', 'not bound as an attribute', stx, p[1]);
  }
  return patternValue(ex, m.value);
};

/** `(%syntax-class-result attr ...)`: a syntax class clause's result, the values of its attributes (#f where the clause has none). */
const classResult: Handler = (stx: Syntax, ex: Expander) => {
  const ids = syntaxList(stx)!.slice(1);
  const values = ids.map((id) => {
    const m = ex.resolve(id);
    return m !== null && m.kind === 'syntax' && m.value instanceof PatternVariable ? patternValue(ex, m.value) : quote(false);
  });
  return call(ex, 'syntax-class-values', values);
};

/**
 * `(define-syntax-class name option ... (pattern p directive ...) ...)`:
 * a parser procedure, defined beside it, made of a syntax-parse of the
 * clauses; the class's attributes are the pattern variables of its clauses.
 */
const defineSyntaxClass =
  (splicing: boolean): JsMacro =>
  (stx, ex, b) =>
    syntaxClass(stx, ex, b, splicing);

/** Options of define-syntax-class written without an argument. */
const CLASS_FLAGS = new Set(['commit', 'no-delimit-cut', 'opaque', 'auto-nested-attributes']);

function syntaxClass(stx: Syntax, ex: Expander, b: Builder, splicing: boolean): Syntax {
  const who = splicing ? 'define-splicing-syntax-class' : 'define-syntax-class';
  const p = syntaxList(stx);
  // (define-syntax-class name ...) or, with parameters, (define-syntax-class (name param ...) ...).
  const header = p === null || p.length < 3 ? null : isIdentifier(p[1]) ? [p[1]] : syntaxList(p[1]);
  if (p === null || header === null || header.length === 0 || !header.every(isIdentifier)) return ex.badSyntax(stx);
  const name = header[0];
  const params = header.slice(1);
  let description: string | null = null;
  let describer: Syntax | null = null;
  let literals: Syntax[] = [];
  let datumLiterals: Syntax[] = [];
  let declared: { name: string; depth: number }[] | null = null;
  /** Whether the attributes of class variables (x.attr) are also the class's own. */
  let autoNested = false;
  let i = 2;
  const options: Syntax[] = [];
  for (; i < p.length; i += 2) {
    const kw = syntaxE(p[i]);
    if (!(kw instanceof Keyword)) break;
    if (CLASS_FLAGS.has(kw.name)) {
      if (kw.name === 'auto-nested-attributes') autoNested = true;
      i--;
      continue;
    }
    const arg = p[i + 1];
    const d = syntaxE(arg);
    if (kw.name === 'description' && d instanceof RString) description = d.s;
    else if (kw.name === 'description') describer = arg;
    else if (kw.name === 'attributes') declared = (syntaxList(arg) ?? []).map((a) => attributeSpec(a));
    else if (kw.name === 'literals') {
      literals = syntaxList(arg) ?? [];
      options.push(p[i], arg);
    } else if (kw.name === 'datum-literals') {
      datumLiterals = syntaxList(arg) ?? [];
      options.push(p[i], arg);
    } else ex.syntaxError(who, `unsupported option #:${kw.name} (rkt has a part of syntax/parse so far)`, stx, p[i]);
  }
  const clauses = p.slice(i).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length < 2 || !isIdentifier(cp[0]) || idSym(cp[0]).name !== 'pattern')
      return ex.syntaxError(who, 'expected a pattern clause', stx, c);
    return cp;
  });
  // The attributes: the pattern variables of every clause (with
  // #:auto-nested-attributes, x.attr of class variables too), #:with's and
  // #:attr's, in the order first seen.
  const found: { name: string; depth: number }[] = declared ?? [];
  if (declared === null) {
    const add = (name: string, depth: number) => {
      if (!found.some((a) => a.name === name)) found.push({ name, depth });
    };
    for (const cp of clauses) {
      // A splicing class's pattern is a head pattern: compiled as the head of a list.
      const patterns = [splicing ? new Syntax(new Pair(cp[1], NULL), cp[1].loc, cp[1].scopes) : cp[1]];
      for (let j = 2; j < cp.length; j++) {
        const k = syntaxE(cp[j]);
        if (!(k instanceof Keyword)) continue;
        if (k.name === 'with') patterns.push(cp[j + 1]);
        if (k.name === 'attr' && cp[j + 1] !== undefined) {
          const spec = attributeSpec(cp[j + 1]);
          add(spec.name, spec.depth);
        }
      }
      for (const pat of patterns) {
        for (const v of SyntaxParsePattern.compile(ex, pat, literals, datumLiterals, stx).vars) {
          const name = idSym(v.id).name;
          if (autoNested || !name.includes('.')) add(name, v.depth);
        }
      }
    }
  }
  const attrs = found.map((a) => a.name);
  const x = b.temp('term');
  const f = b.temp('failures');
  const parser = b.temp(`parse-${idSym(name).name}`);
  const describe = b.temp(`describe-${idSym(name).name}`);
  // A splicing class's clause matches a head of the terms and also gives back the rest.
  const rest = b.temp('rest');
  const parseClauses = clauses.map((cp) => {
    const result = b.list('%syntax-class-result', ...attrs.map((a) => datumToSyntax(cp[1], sym(a))), ...(splicing ? [rest] : []));
    const pattern = splicing ? new Syntax(new Pair(cp[1], rest), cp[1].loc, cp[1].scopes) : cp[1];
    return new Syntax(new Pair(pattern, listFromArray([...cp.slice(2), result])), cp[0].loc, cp[0].scopes);
  });
  const make = b.list('quote', b.datum(ex.rtPrim('make-syntax-class')));
  return b.list(
    'begin',
    b.list(
      'define-values',
      b.list(parser),
      b.list('lambda', b.list(x, f, ...params), b.list('syntax-parse', x, b.keyword('%failures'), f, ...options, ...parseClauses)),
    ),
    ...(describer === null ? [] : [b.list('define-values', b.list(describe), b.list('lambda', b.list(...params), describer))]),
    b.list(
      'define-syntaxes',
      b.list(name),
      b.list(
        make,
        b.quote(sym(idSym(name).name)),
        b.datum(description === null ? false : new RString(description, true)),
        b.quote(listFromArray(attrs.map((a) => sym(a)))),
        b.quote(listFromArray(found.map((a) => a.depth))),
        b.list('quote-syntax', parser),
        b.datum(splicing),
        b.datum(params.length),
        describer === null ? b.datum(false) : b.list('quote-syntax', describe),
      ),
    ),
  );
}

/** An attribute in #:attributes or #:attr: `name` or `[name depth]`. */
function attributeSpec(a: Syntax): { name: string; depth: number } {
  if (isIdentifier(a)) return { name: idSym(a).name, depth: 0 };
  const parts = syntaxList(a);
  const depth = parts?.[1] === undefined ? 0 : syntaxE(parts[1]);
  return { name: parts !== null && isIdentifier(parts[0]) ? idSym(parts[0]).name : '?', depth: typeof depth === 'number' ? depth : 0 };
}

/**
 * `(define/syntax-parse pattern expr)`: the pattern's variables as
 * definitions of the enclosing context, each bound for templates to a
 * hidden variable holding its value.
 */
const defineSyntaxParse: JsMacro = (stx, ex, b) => {
  const p = syntaxList(stx);
  if (p === null || p.length !== 3) return ex.badSyntax(stx);
  const vars = SyntaxParsePattern.compile(ex, p[1], [], [], stx).vars;
  const hidden = vars.map((v) => b.temp(idSym(v.id).name));
  const result = b.list('values', ...vars.map((v) => b.list('attribute', v.id)));
  const make = b.list('quote', b.datum(ex.rtPrim('make-pattern-variable')));
  return b.list(
    'begin',
    b.list('define-values', b.list(...hidden), b.list('syntax-parse', p[2], b.list(p[1], result))),
    b.list(
      'define-syntaxes',
      b.list(...vars.map((v) => v.id)),
      b.list('values', ...vars.map((v, i) => b.list(make, b.list('quote-syntax', hidden[i], b.keyword('local')), b.datum(v.depth)))),
    ),
  );
};

/** Each expander's `this-syntax` parameter (its default transformer, an error, is a run-time primitive). */
const thisSyntaxParameters = new WeakMap<Expander, SyntaxParameter>();

/** The forms of syntax/parse. */
export function installSyntaxParseForms(ex: Expander, define: (name: string, m: Meaning) => void): void {
  const thisSyntax = new SyntaxParameter(ex.rtPrim('this-syntax-out-of-context'));
  thisSyntaxParameters.set(ex, thisSyntax);
  define('this-syntax', { kind: 'syntax', value: thisSyntax });
  define('syntax-parse', ex.coreForm('syntax-parse', syntaxParse));
  define('attribute', ex.coreForm('attribute', attribute));
  define('%syntax-class-result', ex.coreForm('%syntax-class-result', classResult));
  define('define-syntax-class', jsMacro('define-syntax-class', defineSyntaxClass(false)));
  define('define-splicing-syntax-class', jsMacro('define-splicing-syntax-class', defineSyntaxClass(true)));
  define('define/syntax-parse', jsMacro('define/syntax-parse', defineSyntaxParse));
}
