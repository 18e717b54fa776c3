// `#lang typed/racket` by erasure, as typed/racket/no-check runs it: the
// annotation forms are parsed and their types dropped, so typed programs
// run untyped. Type errors are not reported. `cast`, `define-predicate` and
// `make-predicate` turn the types they name into contracts and check at run
// time (`cast` only in typed/racket proper, as no-check does not check).
//
// Each form that takes annotations is a macro that strips them and hands
// the rest to racket/base's form of the same name: `[x : T]` binders
// become `x`, `[x : T v]` becomes `[x v]`, a `: T` after a header or a
// name goes, and so do `#:forall (A ...)` and struct type parameters.

import { type Builder, jsMacro } from '../expand/build.js';
import type { Expander, MacroTransformer, Meaning } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, NULL, Pair, RString, RVector, sym, type Value } from '../values/types.js';
import { isNamed, items } from './forms.js';
import { TYPE_NAMES } from './typed-names.js';

const isColon = (s: Syntax | undefined): boolean => isNamed(s, ':');
const keywordNamed = (s: Syntax | undefined, ...names: string[]): boolean => {
  const e = s === undefined ? null : syntaxE(s);
  return e instanceof Keyword && names.includes(e.name);
};

function rebuild(like: Syntax, parts: Syntax[], tail: Value = NULL): Syntax {
  let out: Value = tail;
  for (let i = parts.length - 1; i >= 0; i--) out = new Pair(parts[i], out);
  return new Syntax(out, like.loc, like.scopes, like.props);
}

/** `#{x : T}` (typed/racket's reader's annotated identifier, read here as a vector) → `x`. */
function eraseName(s: Syntax): Syntax {
  const e = syntaxE(s);
  if (!(e instanceof RVector) || e.items.length !== 3) return s;
  const [x, colon] = e.items as Syntax[];
  return isIdentifier(x) && isColon(colon) ? x : s;
}

/** `[x : T]` → `x`; `[x : T more ...]` → `[x more ...]`; anything else as it is. */
function eraseBinder(s: Syntax): Syntax {
  const named = eraseName(s);
  if (named !== s) return named;
  const p = syntaxList(s);
  if (p !== null && p.length > 0 && eraseName(p[0]) !== p[0]) return rebuild(s, [eraseName(p[0]), ...p.slice(1)]);
  if (p === null || p.length < 3 || !isColon(p[1])) return s;
  const rest = p.slice(3);
  if (rest.length === 0) return p[0];
  return rebuild(s, [p[0], ...rest]);
}

/**
 * A formals list: each binder erased; `x : T *` (a rest binder written
 * `. [x : T *]`) becomes the rest identifier.
 */
function eraseFormals(s: Syntax): Syntax {
  if (isIdentifier(s)) return s;
  const parts: Syntax[] = [];
  let x: Value = syntaxE(s);
  while (x instanceof Pair) {
    parts.push(x.car as Syntax);
    x = x.cdr;
    // A syntax pair continues the list; a syntax identifier is the rest argument.
    if (x instanceof Syntax && syntaxE(x) instanceof Pair) x = syntaxE(x);
  }
  const tail = x instanceof Syntax ? x : NULL;
  const out: Syntax[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (isIdentifier(p) && isColon(parts[i + 1]) && (isNamed(parts[i + 3], '*') || isNamed(parts[i + 3], '...'))) {
      return out.length === 0 ? p : rebuild(s, out, p);
    }
    out.push(keywordNamed(p) ? p : eraseBinder(p));
  }
  return rebuild(s, out, tail instanceof Syntax ? eraseFormals(tail) : tail);
}

/** `p` without `: T` at `at`, and without `#:forall (A ...)` / `#:∀ (A ...)` there. */
function dropAnnotationAt(p: Syntax[], at: number): Syntax[] {
  const out = p.slice();
  for (;;) {
    if (isColon(out[at]) && at + 1 < out.length) out.splice(at, 2);
    else if (keywordNamed(out[at], 'forall', '∀') && at + 1 < out.length) out.splice(at, 2);
    else return out;
  }
}

/** The racket/base form `name` applied to `parts` (after the head). */
function delegate(b: Builder, stx: Syntax, name: string, parts: Syntax[]): Syntax {
  return rebuild(stx, [b.id(name), ...parts]);
}

// ---------------------------------------------------------------- forms with annotations

/** `(define x : T e)`, `(define (f [x : T] ...) : R body ...)`, `(define #:forall (A) ...)`. */
function defineForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    let p = dropAnnotationAt(items(stx, ex, 2), 1);
    // define:'s type variables before the name: `(define: (A) x : T e)`.
    const params = syntaxList(p[1]);
    if (params?.every(isIdentifier) && p.length > 3 && (isIdentifier(p[2]) || syntaxList(p[2]) !== null) && isColon(p[3]))
      p = [p[0], ...p.slice(2)];
    p[1] = eraseName(p[1]);
    if (isIdentifier(p[1])) p = dropAnnotationAt(p, 2);
    else {
      p = dropAnnotationAt(p, 2);
      p[1] = eraseHeader(p[1]);
    }
    return delegate(b, stx, base, p.slice(1));
  };
}

/** A define header, possibly curried: `((f [a : T]) [b : T])`. */
function eraseHeader(h: Syntax): Syntax {
  const e = syntaxE(h);
  if (!(e instanceof Pair)) return h;
  const head = e.car as Syntax;
  const rest = eraseFormals(rebuild(h, [], e.cdr));
  return new Syntax(
    new Pair(isIdentifier(head) ? head : eraseHeader(head), isIdentifier(rest) ? rest : syntaxE(rest)),
    h.loc,
    h.scopes,
    h.props,
  );
}

/** `(lambda (formals) : R body ...)` and `(lambda #:forall (A) ...)`. */
function lambdaForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = dropAnnotationAt(items(stx, ex, 2), 1);
    p[1] = eraseFormals(p[1]);
    return delegate(b, stx, base, dropAnnotationAt(p, 2).slice(1));
  };
}

const caseLambda = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = dropAnnotationAt(items(stx, ex, 1), 1);
  const clauses = p.slice(1).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length === 0) return c;
    return rebuild(c, [eraseFormals(cp[0]), ...dropAnnotationAt(cp, 1).slice(1)]);
  });
  return delegate(b, stx, 'case-lambda', clauses);
};

/** let, let*, letrec (also named let): each `[x : T e]` becomes `[x e]`. */
function letForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    let p = dropAnnotationAt(items(stx, ex, 2), 1);
    let at = 1;
    if (isIdentifier(p[1])) {
      p = dropAnnotationAt(p, 2);
      at = 2;
    }
    const binds = syntaxList(p[at]);
    if (binds !== null) p[at] = rebuild(p[at], binds.map(eraseBinder));
    return delegate(b, stx, base, p.slice(1));
  };
}

/** let-values and friends: `[([a : T] b) e]`. */
function letValuesForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = dropAnnotationAt(items(stx, ex, 2), 1);
    const binds = syntaxList(p[1]);
    if (binds !== null)
      p[1] = rebuild(
        p[1],
        binds.map((c) => {
          const cp = syntaxList(c);
          if (cp === null || cp.length !== 2) return c;
          const ids = syntaxList(cp[0]);
          return ids === null ? c : rebuild(c, [rebuild(cp[0], ids.map(eraseBinder)), cp[1]]);
        }),
      );
    return delegate(b, stx, base, p.slice(1));
  };
}

/** The for family: `(for/list : T ([x : T seq] ...) body)`, and for/fold's accumulators. */
function forForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = dropAnnotationAt(items(stx, ex, 2), 1);
    // A clause is `[x : T seq]`, `[x seq]` or `[(binder ...) seq]` for several values.
    const eraseClause = (c: Syntax) => {
      if (keywordNamed(c)) return c;
      const cp = syntaxList(c);
      const ids = cp !== null && cp.length === 2 ? syntaxList(cp[0]) : null;
      if (ids !== null && cp !== null) return rebuild(c, [rebuild(cp[0], ids.map(eraseBinder)), cp[1]]);
      return eraseBinder(c);
    };
    const eraseClauses = (s: Syntax) => {
      const cs = syntaxList(s);
      return cs === null ? s : rebuild(s, cs.map(eraseClause));
    };
    p[1] = eraseClauses(p[1]);
    // for/fold and for/lists: accumulators first, then the clauses.
    if (/fold|lists/.test(base) && p.length > 2) p[2] = eraseClauses(dropAnnotationAt(p, 2)[2]);
    return delegate(b, stx, base, p.slice(1));
  };
}

/** `(let/ec k : T body ...)`. */
function escapeForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => delegate(b, stx, base, dropAnnotationAt(items(stx, ex, 2), 2).slice(1));
}

/** `(do : T ([x : T init step] ...) (test res ...) body ...)`. */
const doForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = dropAnnotationAt(items(stx, ex, 3), 1);
  const binds = syntaxList(p[1]);
  if (binds !== null) p[1] = rebuild(p[1], binds.map(eraseBinder));
  return delegate(b, stx, 'do', p.slice(1));
};

/** `(struct (A ...) name parent ([f : T] ...) #:type-name T option ...)`. */
function structForm(base: string) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    let p = items(stx, ex, 3);
    // Type parameters come before the name.
    const params = syntaxList(p[1]);
    if (params?.every(isIdentifier) && (isIdentifier(p[2]) || syntaxList(p[2]) !== null) && p.length > 3) {
      const next = syntaxList(p[2]);
      if (isIdentifier(p[2]) || (next !== null && next.length === 2 && next.every(isIdentifier))) p = [p[0], ...p.slice(2)];
    }
    const fieldsAt = p.findIndex((s, i) => i >= 2 && syntaxList(s) !== null && !isIdentifier(s));
    const out = p.slice();
    if (fieldsAt > 0) out[fieldsAt] = rebuild(out[fieldsAt], syntaxList(out[fieldsAt])!.map(eraseBinder));
    const options: Syntax[] = [];
    for (let i = fieldsAt + 1; i < out.length; i++) {
      if (keywordNamed(out[i], 'type-name')) i++;
      else options.push(out[i]);
    }
    return delegate(b, stx, base, [...out.slice(1, fieldsAt + 1), ...options]);
  };
}

/**
 * `(define-struct/exec name ([f : T] ...) [proc : T])` (or `(name parent)`):
 * a struct applied through `proc`, whose constructor is both `name` and `make-name`.
 */
const structExec = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4, 4);
  const fields = syntaxList(p[2]) ?? ex.badSyntax(stx);
  const nameParts = syntaxList(p[1]);
  const name = nameParts === null ? p[1] : nameParts[0];
  if (!isIdentifier(name)) ex.badSyntax(stx);
  const proc = eraseBinder(p[3]);
  return b.list(
    'struct',
    ...(nameParts === null ? [p[1]] : nameParts),
    rebuild(p[2], fields.map(eraseBinder)),
    b.keyword('extra-constructor-name'),
    new Syntax(sym(`make-${idSym(name).name}`), name.loc, name.scopes),
    b.keyword('property'),
    b.id('prop:procedure'),
    proc,
  );
};

// ---------------------------------------------------------------- type-level forms

const nothing = (_stx: Syntax, _ex: Expander, b: Builder): Syntax => b.list('begin');

/** `(ann e T)`, `(inst e T ...)`: the expression. */
const firstArgument = (stx: Syntax, ex: Expander): Syntax => items(stx, ex, 2)[1];

/** Aliases from define-type, by expander, for the types cast and predicates check. */
const aliases = new WeakMap<Expander, Map<string, { params: string[]; body: Value }>>();

const defineType = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const header = syntaxList(p[1]);
  const table = aliases.get(ex) ?? new Map();
  aliases.set(ex, table);
  if (isIdentifier(p[1])) table.set(idSym(p[1]).name, { params: [], body: syntaxToDatum(p[2]) });
  else if (header !== null && header.length > 0 && header.every(isIdentifier))
    table.set(idSym(header[0]).name, { params: header.slice(1).map((h) => idSym(h).name), body: syntaxToDatum(p[2]) });
  return b.list('begin');
};

/** Type names whose values a predicate recognizes. */
const PREDICATES: Record<string, string> = {
  Integer: 'exact-integer?',
  'Exact-Integer': 'exact-integer?',
  Natural: 'exact-nonnegative-integer?',
  'Exact-Nonnegative-Integer': 'exact-nonnegative-integer?',
  'Nonnegative-Integer': 'exact-nonnegative-integer?',
  'Exact-Positive-Integer': 'exact-positive-integer?',
  'Positive-Integer': 'exact-positive-integer?',
  Index: 'exact-nonnegative-integer?',
  Fixnum: 'fixnum?',
  Byte: 'byte?',
  Real: 'real?',
  Number: 'number?',
  Complex: 'number?',
  'Exact-Rational': 'exact-rational?',
  Float: 'flonum?',
  Flonum: 'flonum?',
  'Inexact-Real': 'inexact-real?',
  String: 'string?',
  Symbol: 'symbol?',
  Char: 'char?',
  Boolean: 'boolean?',
  Bytes: 'bytes?',
  Keyword: 'keyword?',
  Void: 'void?',
  Null: 'null?',
  Procedure: 'procedure?',
  Path: 'path?',
  'Path-String': 'path-string?',
  'Input-Port': 'input-port?',
  'Output-Port': 'output-port?',
  Port: 'port?',
  Regexp: 'regexp?',
  Thread: 'thread?',
  'UDP-Socket': 'udp?',
  Zero: 'zero?',
};

/** A contract expression for the type written as `t` (a datum); unknown types accept anything. */
function typeContract(b: Builder, ex: Expander, t: Value, env: Map<string, Value>, depth = 0): Syntax {
  if (depth > 20) return b.id('%c:any/c');
  if (t instanceof Keyword || typeof t === 'number' || t === true || t === false || t instanceof RString) return b.datum(t);
  const name =
    t instanceof Object && 'name' in t && typeof (t as { name: unknown }).name === 'string' ? (t as { name: string }).name : null;
  if (name !== null && !(t instanceof Pair)) {
    if (env.has(name)) return typeContract(b, ex, env.get(name)!, new Map(), depth + 1);
    if (name in PREDICATES) return b.id(PREDICATES[name]);
    if (name === 'True') return b.datum(true);
    if (name === 'False') return b.datum(false);
    const alias = aliases.get(ex)?.get(name);
    if (alias !== undefined && alias.params.length === 0) return typeContract(b, ex, alias.body, new Map(), depth + 1);
    // A struct's name as a type: its predicate, when it is bound.
    return b.id('%c:any/c');
  }
  if (!(t instanceof Pair)) return b.id('%c:any/c');
  const parts: Value[] = [];
  for (let x: Value = t; x instanceof Pair; x = x.cdr) parts.push(x.car);
  const head = parts[0] instanceof Object && 'name' in (parts[0] as object) ? (parts[0] as { name: string }).name : '';
  const args = parts.slice(1);
  const rec = (v: Value) => typeContract(b, ex, v, env, depth + 1);
  switch (head) {
    case 'quote':
      return b.quote(args[0]);
    case 'Listof':
      return b.list('%c:listof', rec(args[0]));
    case 'List':
      return b.list('%c:list/c', ...args.map(rec));
    case 'Pairof':
      return b.list('%c:cons/c', rec(args[0]), rec(args[1]));
    case 'Vectorof':
      return b.list('%c:vectorof', rec(args[0]));
    case 'Boxof':
      return b.list('%c:box/c', rec(args[0]));
    case 'HashTable':
    case 'Immutable-HashTable':
    case 'Mutable-HashTable':
      return b.list('%c:hash/c', rec(args[0]), rec(args[1]));
    case 'U':
    case 'Un':
      return b.list('%c:or/c', ...args.map(rec));
    case 'Option':
      return b.list('%c:or/c', b.datum(false), rec(args[0]));
    case '∩':
    case 'Intersection':
      return b.list('%c:and/c', ...args.map(rec));
    default: {
      const alias = aliases.get(ex)?.get(head);
      if (alias !== undefined) {
        const inner = new Map(env);
        alias.params.forEach((param, i) => inner.set(param, args[i]));
        return typeContract(b, ex, alias.body, inner, depth + 1);
      }
      return head === '->' || head === '→' ? b.id('procedure?') : b.id('%c:any/c');
    }
  }
}

/** `(cast e T)`: `e`'s value checked against `T`, blaming `cast`. */
function castForm(checks: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3, 3);
    if (!checks) return p[1];
    const loc = stx.loc;
    const source =
      loc === null
        ? b.datum(false)
        : b.list(
            'srcloc',
            b.datum(new RString(loc.source, true)),
            b.datum(loc.line ?? false),
            b.datum(loc.column ?? false),
            b.datum(loc.position ?? false),
            b.datum(loc.span ?? false),
          );
    return b.list(
      '%c:apply-contract',
      typeContract(b, ex, syntaxToDatum(p[2]), new Map()),
      p[1],
      b.quote(sym('cast')),
      b.quote(sym('typed-world')),
      b.datum(false),
      source,
    );
  };
}

const makePredicate = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2, 2);
  const c = b.temp('contract');
  const x = b.temp('v');
  return b.list(
    'let',
    b.list(b.list(c, typeContract(b, ex, syntaxToDatum(p[1]), new Map()))),
    b.list('lambda', b.list(x), b.list('%c:contract-first-order-passes?', c, x)),
  );
};

const definePredicate = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  return b.list('define', p[1], makePredicate(b.list('make-predicate', p[2]), ex, b));
};

/** `(assert v [pred])`: `v`, unless it is #f or fails `pred`. */
const assertForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2, 3);
  const v = b.temp('v');
  const pred = b.temp('pred');
  const test = p.length === 3 ? b.list(pred, v) : v;
  const message =
    p.length === 3
      ? b.list('format', b.datum(new RString('Assertion ~a failed on ~e', true)), pred, v)
      : b.list('format', b.datum(new RString('Assertion failed on ~e', true)), v);
  return b.list(
    'let',
    b.list(b.list(v, p[1]), ...(p.length === 3 ? [b.list(pred, p[2])] : [])),
    b.list('if', test, v, b.list('error', message)),
  );
};

/** `(require/typed m [name T] ... [#:struct s ...] [#:opaque T pred])`: a plain require of the names. */
const requireTyped =
  (provide: boolean) =>
  (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 2);
    const names: Syntax[] = [];
    let whole = false;
    for (const clause of p.slice(2)) {
      const cp = syntaxList(clause);
      if (cp === null || cp.length === 0) continue;
      if (keywordNamed(cp[0], 'opaque')) names.push(cp[2]);
      else if (keywordNamed(cp[0], 'struct')) whole = true;
      else if (isIdentifier(cp[0])) names.push(cp[0]);
      else {
        // [[orig new] T]
        const rp = syntaxList(cp[0]);
        if (rp !== null && rp.length === 2) names.push(b.list('rename', rp[0], rp[1]) as Syntax);
      }
    }
    const renamed = names.filter((n) => syntaxList(n) !== null);
    const plain = names.filter((n) => isIdentifier(n));
    const specs: Syntax[] = whole ? [p[1]] : [b.list('only-in', p[1], ...plain)];
    for (const r of renamed) {
      const rp = syntaxList(r)!;
      specs.push(b.list('rename-in', p[1], b.list(rp[1], rp[2])));
    }
    const req = b.list('require', ...specs);
    return provide ? b.list('begin', req, b.list('provide', ...plain)) : req;
  };

/** `(with-type #:result T #:freevars ([x T] ...) body ...)`: the body. */
const withType = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const body: Syntax[] = [];
  for (let i = 1; i < p.length; i++) {
    if (keywordNamed(p[i], 'result', 'freevars')) i++;
    else body.push(p[i]);
  }
  return b.list('let', b.list(), ...body);
};

/** `(define-new-subtype Name (make-name T))`: the constructor is the identity. */
const defineNewSubtype = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  const ctor = syntaxList(p[2]);
  if (ctor === null || ctor.length !== 2) ex.badSyntax(stx);
  const x = b.temp('x');
  return b.list('define', b.list(ctor[0], x), x);
};

/** `(provide: [name T] ...)`. */
const provideTyped = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list(
    'provide',
    ...items(stx, ex, 1)
      .slice(1)
      .map((c) => syntaxList(c)?.[0] ?? c),
  );

const withAsserts = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const checks = (syntaxList(p[1]) ?? []).map((c) => {
    const cp = syntaxList(c);
    const id = cp === null ? c : cp[0];
    const test = cp === null ? id : b.list(cp[1], id);
    return b.list('unless', test, b.list('error', b.quote(sym('with-asserts')), b.datum(new RString('Assertion failed', true))));
  });
  return b.list('let', b.list(), ...checks, ...p.slice(2));
};

/** `(typecheck-fail stx [message])`: a type error, reported when the program runs. */
const typecheckFail = (_stx: Syntax, _ex: Expander, b: Builder): Syntax =>
  b.list('error', b.quote(sym('typecheck-fail')), b.datum(new RString('type checking failed', true)));

/** The REPL's type queries cannot answer without a type checker. */
const noTypes =
  (what: string) =>
  (stx: Syntax, ex: Expander): Syntax =>
    ex.syntaxError(what, 'types are erased in rkt (typed/racket runs as typed/racket/no-check does)', stx);

function typeName(name: string): Meaning {
  const transform: MacroTransformer = (stx, ex) =>
    ex.syntaxError('type-check', `type name used out of context\n  type: ${name}\n  in: ${name}`, stx);
  transform.alone = true;
  return { kind: 'macro', name, transform };
}

/**
 * typed/racket's reader reads `#{x : T}` as `x` annotated with `T`, and
 * `#{e :: T}` as `e` annotated: rkt's reader reads both as vectors, which
 * this takes back out of a typed module's forms.
 */
export function eraseAnnotatedNames(stx: Syntax): Syntax {
  const e = syntaxE(stx);
  if (e instanceof RVector) {
    const parts = e.items as Syntax[];
    if (parts.length === 3 && (isColon(parts[1]) || isNamed(parts[1], '::')) && (isIdentifier(parts[0]) || isNamed(parts[1], '::')))
      return eraseAnnotatedNames(parts[0]);
    return stx;
  }
  if (!(e instanceof Pair)) return stx;
  if (isNamed(e.car as Syntax, 'quote')) return stx;
  const items: Syntax[] = [];
  let x: Value = e;
  while (x instanceof Pair) {
    items.push(eraseAnnotatedNames(x.car as Syntax));
    x = x.cdr instanceof Syntax && syntaxE(x.cdr) instanceof Pair ? syntaxE(x.cdr) : x.cdr;
  }
  const tail = x instanceof Syntax ? eraseAnnotatedNames(x) : x;
  return rebuild(stx, items, tail);
}

/**
 * The typed/racket forms, for a language whose `cast` checks (typed/racket)
 * or not (the no-check languages).
 */
export function typedForms(checks: boolean): [string, Meaning][] {
  const out: [string, Meaning][] = [];
  const add = (name: string, f: (stx: Syntax, ex: Expander, b: Builder) => Syntax) => out.push([name, jsMacro(name, f)]);
  for (const t of TYPE_NAMES) out.push([t, typeName(t)]);
  for (const t of ['->', '->*', 'case->', 'case→']) out.push([t, typeName(t)]);
  add(':', nothing);
  for (const n of ['define-type', 'define-type-alias']) add(n, defineType);
  add('declare-refinement', nothing);
  for (const [n, base] of [
    ['define', 'define'],
    ['define:', 'define'],
    ['pdefine:', 'define'],
  ])
    add(n, defineForm(base));
  for (const [n, base] of [
    ['lambda', 'lambda'],
    ['λ', 'lambda'],
    ['lambda:', 'lambda'],
    ['λ:', 'lambda'],
    ['plambda:', 'lambda'],
    ['opt-lambda:', 'lambda'],
    ['popt-lambda:', 'lambda'],
  ])
    add(n, lambdaForm(base));
  for (const n of ['case-lambda', 'case-lambda:', 'pcase-lambda:']) add(n, caseLambda);
  for (const [n, base] of [
    ['let', 'let'],
    ['let:', 'let'],
    ['plet:', 'let'],
    ['let*', 'let*'],
    ['let*:', 'let*'],
    ['letrec', 'letrec'],
    ['letrec:', 'letrec'],
  ])
    add(n, letForm(base));
  for (const n of ['let-values', 'let*-values', 'letrec-values']) {
    add(n, letValuesForm(n));
    add(`${n}:`, letValuesForm(n));
  }
  for (const n of ['let/cc', 'let/ec']) {
    add(n, escapeForm(n));
    add(`${n}:`, escapeForm(n));
  }
  add('do', doForm);
  add('do:', doForm);
  const fors = [
    'and',
    'first',
    'fold',
    'foldr',
    'hash',
    'hashalw',
    'hasheq',
    'hasheqv',
    'last',
    'list',
    'lists',
    'or',
    'product',
    'sum',
    'vector',
    'flvector',
  ];
  for (const star of ['', '*']) {
    add(`for${star}`, forForm(`for${star}`));
    add(`for${star}:`, forForm(`for${star}`));
    for (const v of fors) {
      add(`for${star}/${v}`, forForm(`for${star}/${v}`));
      add(`for${star}/${v}:`, forForm(`for${star}/${v}`));
    }
  }
  // Extflonums (80-bit floats) have no JavaScript representation; Racket CS has none either.
  for (const n of ['for/extflvector:', 'for*/extflvector:'])
    add(n, (_stx, _ex, b) =>
      b.list(
        'raise',
        b.list(
          'make-exn:fail:unsupported',
          b.datum(new RString(`${n}: unsupported\n  reason: extflonums (80-bit floats) cannot be represented in JavaScript`, true)),
          b.list('current-continuation-marks'),
        ),
      ),
    );
  for (const n of ['for/set', 'for*/set']) {
    add(n, forForm(`%${n}`));
    add(`${n}:`, forForm(`%${n}`));
  }
  for (const n of ['define-struct/exec', 'define-struct/exec:', 'define-typed-struct/exec']) add(n, structExec);
  for (const [n, base] of [
    ['struct', 'struct'],
    ['struct:', 'struct'],
    ['define-struct:', 'define-struct'],
    ['define-typed-struct', 'define-struct'],
  ])
    add(n, structForm(base));
  add('ann', (stx, ex) => firstArgument(stx, ex));
  add('inst', (stx, ex) => firstArgument(stx, ex));
  add('row-inst', (stx, ex) => firstArgument(stx, ex));
  add('cast', castForm(checks));
  add('make-predicate', makePredicate);
  add('define-predicate', definePredicate);
  add('assert', assertForm);
  add('with-asserts', withAsserts);
  add('require/typed', requireTyped(false));
  add('require/typed/provide', requireTyped(true));
  add('require-typed-struct', (stx, ex, b) => b.list('require', items(stx, ex, 4)[3]));
  add('require-typed-struct/provide', (stx, ex, b) => b.list('require', items(stx, ex, 4)[3]));
  add('require/opaque-type', (stx, ex, b) => {
    const p = items(stx, ex, 4, 4);
    return b.list('require', b.list('only-in', p[3], p[2]));
  });
  add('provide:', provideTyped);
  add('with-type', withType);
  add('define-new-subtype', defineNewSubtype);
  add('typecheck-fail', typecheckFail);
  add('assert-typecheck-fail', (stx, ex) => items(stx, ex, 2)[1]);
  for (const q of [':type', ':print-type', ':query-type/args', ':query-type/result', ':kind']) add(q, noTypes(q));
  return out;
}
