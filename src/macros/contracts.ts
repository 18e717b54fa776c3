// racket/contract's forms: the function contracts (`->`, `->*`, `->i`,
// `case->`), `contract`, `define/contract`, `struct/c`,
// `recursive-contract`, and `contract-out` (through the module expander's
// `ex.contractOut` hook). They expand into calls of src/lib/contracts.rkt's
// procedures through hidden names the runtime binds (MACRO_HELPERS).
//
// A `contract-out` export is a macro: each module that uses it gets the
// value with its contract, blaming that module, made once per module (the
// cache is a hash table defined in the providing module).

import { type Builder, Builder as SyntaxBuilder, jsMacro } from '../expand/build.js';
import { type Expander, type MacroTransformer, type Meaning, inferredName } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import { StructInfo } from '../expand/transformers.js';
import { symbolKey } from '../expand/bindings.js';
import { RPath } from '../values/path.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, Pair, RString, listFromArray, sym, type Value } from '../values/types.js';
import { isNamed, items } from './forms.js';

const isKeyword = (s: Syntax): boolean => syntaxE(s) instanceof Keyword;
const keywordOf = (s: Syntax): Keyword => syntaxE(s) as Keyword;

/** The party a form's module is: its file's path (as Racket blames a module). */
export function moduleParty(stx: Syntax): Value {
  const source = stx.loc?.source;
  if (source === undefined) return sym('top-level');
  return source.startsWith('/') ? new RPath(source) : new RString(source, true);
}

/** `(srcloc 'source line column position span)` for where `stx` was written, or #f. */
export function srclocOf(b: Builder, stx: Syntax): Syntax {
  const loc = stx.loc;
  if (loc === null) return b.datum(false);
  return b.list(
    'srcloc',
    b.quote(moduleParty(stx)),
    b.datum(loc.line ?? false),
    b.datum(loc.column ?? false),
    b.datum(loc.position ?? false),
    b.datum(loc.span ?? false),
  );
}

// ---------------------------------------------------------------- function contracts

interface ArrowParts {
  mand: Syntax[];
  opt: Syntax[];
  mandKws: Keyword[];
  mandKwCs: Syntax[];
  optKws: Keyword[];
  optKwCs: Syntax[];
  rest: Syntax | null;
  /** null: `any`. */
  range: Syntax[] | null;
}

/** Positional contracts and `#:kw contract` pairs of a domain list. */
function domains(stx: Syntax, ex: Expander, list: Syntax[]): { pos: Syntax[]; kws: Keyword[]; kwCs: Syntax[] } {
  const pos: Syntax[] = [];
  const kws: Keyword[] = [];
  const kwCs: Syntax[] = [];
  for (let i = 0; i < list.length; i++) {
    if (isKeyword(list[i])) {
      if (i + 1 >= list.length) ex.badSyntax(stx);
      kws.push(keywordOf(list[i]));
      kwCs.push(list[++i]);
    } else pos.push(list[i]);
  }
  return { pos, kws, kwCs };
}

/** A range: `any`, `(values c ...)` or one contract. */
function range(r: Syntax): Syntax[] | null {
  if (isNamed(r, 'any')) return null;
  const p = syntaxList(r);
  if (p !== null && p.length > 0 && isNamed(p[0], 'values')) return p.slice(1);
  return [r];
}

function arrowCall(b: Builder, head: string, a: ArrowParts): Syntax {
  return b.list(
    '%c:make-arrow-contract',
    b.quote(sym(head)),
    b.list('list', ...a.mand),
    b.list('list', ...a.opt),
    b.quote(listFromArray(a.mandKws)),
    b.list('list', ...a.mandKwCs),
    b.quote(listFromArray(a.optKws)),
    b.list('list', ...a.optKwCs),
    a.rest ?? b.datum(false),
    a.range === null ? b.datum(false) : b.list('list', ...a.range),
  );
}

/** `(-> dom ... range)` built by a macro: positional domains only; `range` null for `any`. */
function plainArrow(b: Builder, doms: Syntax[], range: Syntax[] | null): Syntax {
  return arrowCall(b, '->', { mand: doms, opt: [], mandKws: [], mandKwCs: [], optKws: [], optKwCs: [], rest: null, range });
}

/** `(-> dom ... range)`, where a dom is a contract or `#:kw contract`. */
const arrow = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  if (isIdentifier(stx)) return ex.syntaxError('->', 'expected an application of ->', stx);
  const p = items(stx, ex, 2);
  const d = domains(stx, ex, p.slice(1, -1));
  return arrowCall(b, '->', {
    mand: d.pos,
    opt: [],
    mandKws: d.kws,
    mandKwCs: d.kwCs,
    optKws: [],
    optKwCs: [],
    rest: null,
    range: range(p[p.length - 1]),
  });
};

/** `(->* (mandatory ...) (optional ...) #:rest c range)`; the optional list and #:rest may be left out. */
const arrowStar = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const mandList = syntaxList(p[1]);
  if (mandList === null) ex.badSyntax(stx);
  let i = 2;
  let optList: Syntax[] = [];
  const maybeOpt = syntaxList(p[i]);
  if (maybeOpt !== null && i < p.length - 1 && !(maybeOpt.length > 0 && isNamed(maybeOpt[0], 'values'))) {
    optList = maybeOpt;
    i++;
  }
  let rest: Syntax | null = null;
  let rng: Syntax | null = null;
  for (; i < p.length; i++) {
    if (isKeyword(p[i])) {
      const kw = keywordOf(p[i]).name;
      if (kw === 'rest' && i + 1 < p.length) rest = p[++i];
      else if ((kw === 'pre' || kw === 'post' || kw === 'pre/desc' || kw === 'post/desc') && i + 1 < p.length) i++;
      else ex.badSyntax(stx);
    } else if (rng === null) rng = p[i];
    else ex.badSyntax(stx);
  }
  if (rng === null) ex.badSyntax(stx);
  const m = domains(stx, ex, mandList);
  const o = domains(stx, ex, optList);
  return arrowCall(b, '->*', {
    mand: m.pos,
    opt: o.pos,
    mandKws: m.kws,
    mandKwCs: m.kwCs,
    optKws: o.kws,
    optKwCs: o.kwCs,
    rest,
    range: range(rng),
  });
};

/** One `[id ctc]` or `[id (dep ...) ctc]` of `->i`: its name, dependencies and contract. */
function dependentClause(stx: Syntax, ex: Expander, clause: Syntax): { id: Syntax; deps: Syntax[]; ctc: Syntax } {
  const p = syntaxList(clause);
  if (p === null || (p.length !== 2 && p.length !== 3) || !isIdentifier(p[0])) ex.badSyntax(stx);
  if (p.length === 2) return { id: p[0], deps: [], ctc: p[1] };
  const deps = syntaxList(p[1]);
  if (deps === null || !deps.every(isIdentifier)) ex.badSyntax(stx);
  return { id: p[0], deps, ctc: p[2] };
}

/** `(->i (arg ...) (opt-arg ...) #:rest [id c] #:pre (id ...) e range #:post (id ...) e)`. */
const arrowI = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const groups: Syntax[][] = [];
  let i = 1;
  while (i < p.length && !isKeyword(p[i]) && groups.length < 2 && syntaxList(p[i]) !== null) {
    const g = syntaxList(p[i])!;
    // The range is `any`, `[id ...]` (an identifier first) or `(values ...)`.
    if (groups.length === 1 && (g.length === 0 ? false : isIdentifier(g[0]))) break;
    groups.push(g);
    i++;
  }
  if (groups.length === 0) ex.badSyntax(stx);
  const args = groups[0].map((c) => dependentClause(stx, ex, c));
  const opts = (groups[1] ?? []).map((c) => dependentClause(stx, ex, c));
  let rest: Syntax = b.datum(false);
  let pre: Syntax = b.datum(false);
  let post: Syntax = b.datum(false);
  let rng: Syntax | null = null;
  const lambdaOf = (deps: Syntax[], body: Syntax) => b.list('lambda', b.list(...deps), body);
  for (; i < p.length; i++) {
    if (isKeyword(p[i])) {
      const kw = keywordOf(p[i]).name;
      if (kw === 'rest' && i + 1 < p.length) {
        const r = dependentClause(stx, ex, p[++i]);
        rest = lambdaOf([], r.ctc);
      } else if (kw === 'pre' && i + 2 < p.length) {
        const deps = syntaxList(p[i + 1]) ?? ex.badSyntax(stx);
        pre = b.list('cons', lambdaOf(deps, p[i + 2]), b.quote(listFromArray(deps.map((d) => idSym(d)))));
        i += 2;
      } else if (kw === 'post' && i + 2 < p.length) {
        const deps = syntaxList(p[i + 1]) ?? ex.badSyntax(stx);
        post = b.list('list*', b.datum(false), lambdaOf(deps, p[i + 2]), b.quote(listFromArray(deps.map((d) => idSym(d)))));
        i += 2;
      } else ex.badSyntax(stx);
    } else if (rng === null) rng = p[i];
    else ex.badSyntax(stx);
  }
  if (rng === null) ex.badSyntax(stx);
  const all = [...args, ...opts];
  let rngIds: Syntax[] = [];
  let rngNames: Syntax = b.datum(false);
  let rngDeps: Syntax = b.datum(false);
  let rngMakers: Syntax = b.datum(false);
  if (!isNamed(rng, 'any')) {
    const rp = syntaxList(rng);
    const clauses = rp !== null && rp.length > 0 && isNamed(rp[0], 'values') ? rp.slice(1) : [rng];
    const parsed = clauses.map((c) => dependentClause(stx, ex, c));
    rngIds = parsed.map((c) => c.id);
    rngNames = b.quote(listFromArray(rngIds.map((d) => idSym(d))));
    rngDeps = b.quote(listFromArray(parsed.map((c) => listFromArray(c.deps.map((d) => idSym(d))))));
    rngMakers = b.list('list', ...parsed.map((c) => lambdaOf(c.deps, c.ctc)));
  }
  if (post !== b.datum(false) && syntaxList(post) !== null) {
    const pp = syntaxList(post)!;
    post = b.list('list*', b.quote(listFromArray(rngIds.map((d) => idSym(d)))), pp[2], pp[3]);
  }
  return b.list(
    '%c:make-dependent-arrow',
    b.quote(dependentName(stx)),
    b.quote(listFromArray(all.map((c) => idSym(c.id)))),
    b.quote(listFromArray(all.map((c) => listFromArray(c.deps.map((d) => idSym(d)))))),
    b.list('list', ...all.map((c) => lambdaOf(c.deps, c.ctc))),
    b.datum(opts.length),
    rest,
    pre,
    rngNames,
    rngDeps,
    rngMakers,
    post,
  );
};

/** The name of an `->i` contract: the form as written. */
function dependentName(stx: Syntax): Value {
  return syntaxToDatum(stx);
}

/** `(case-> arrow ...)`. */
const caseArrow = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list('%c:make-case-arrow', b.list('list', ...items(stx, ex, 1).slice(1)));

// ---------------------------------------------------------------- contract, define/contract

/** `(contract c v positive negative [value-name [source]])`. */
const contractForm = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 5, 7);
  // Without a name, the value is called by where the form is, as Racket names an anonymous procedure.
  const where = inferredName(stx, true);
  // A JS macro's temporary (`seq%19`, binding a for clause's sequence) is no name.
  const local = ex.localName !== null && !/%\d+$/.test(ex.localName) ? ex.localName : null;
  const name = p[5] ?? (local !== null ? b.quote(sym(local)) : b.datum(where === null ? false : new RString(where, true)));
  return b.list('%c:apply-contract', p[1], p[2], p[3], p[4], name, p[6] ?? b.datum(false));
};

/** `(define/contract id c e)` and `(define/contract (f . formals) c body ...)`. */
const defineContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  let rest = p.slice(3);
  // #:freevar clauses name free variables with their contracts; they are not checked here.
  while (rest.length > 2 && isKeyword(rest[0]) && keywordOf(rest[0]).name === 'freevar') rest = rest.slice(3);
  if (isIdentifier(p[1])) {
    if (rest.length !== 1) ex.badSyntax(stx);
    const name = idSym(p[1]);
    const party = b.quote(listFromArray([sym('definition'), name]));
    return b.list(
      'define',
      p[1],
      b.list('%c:apply-contract', p[2], rest[0], party, b.quote(moduleParty(stx)), b.quote(name), srclocOf(b, p[1])),
    );
  }
  // The function's name is the innermost head of a (curried, dotted) header.
  let nameId = p[1];
  while (!isIdentifier(nameId)) {
    const e = syntaxE(nameId);
    if (!(e instanceof Pair)) ex.badSyntax(stx);
    nameId = e.car as Syntax;
  }
  const name = idSym(nameId);
  const inner = b.list('define', p[1], ...rest);
  return b.list(
    'define',
    nameId,
    b.list(
      '%c:apply-contract',
      p[2],
      b.list('let', b.list(), inner, nameId),
      b.quote(listFromArray([sym('function'), name])),
      b.quote(moduleParty(stx)),
      b.quote(name),
      srclocOf(b, nameId),
    ),
  );
};

/**
 * `(with-contract blame-id (export ...) #:freevars ([x c] ...) body ...)`: the body's
 * definitions, of which only the exports are visible, each under its contract with
 * `(region blame-id)` promising it; or `(with-contract blame-id #:result c body ...)`
 * (`#:results (c ...)`), an expression whose values the region promises.
 */
const withContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  if (!isIdentifier(p[1])) ex.syntaxError('with-contract', 'expected identifier for blame', stx, p[1]);
  const region = b.quote(listFromArray([sym('region'), idSym(p[1])]));
  const here = b.quote(moduleParty(stx));
  let i = 2;
  let results: Syntax[] | null = null;
  let exports: Syntax[] | null = null;
  if (isKeyword(p[2]) && keywordOf(p[2]).name === 'result' && p[3] !== undefined) {
    results = [p[3]];
    i = 4;
  } else if (isKeyword(p[2]) && keywordOf(p[2]).name === 'results' && p[3] !== undefined) {
    results = syntaxList(p[3]) ?? ex.badSyntax(stx);
    i = 4;
  } else {
    exports = syntaxList(p[2]) ?? ex.badSyntax(stx);
    i = 3;
  }
  const freevars: [Syntax, Syntax][] = [];
  while (isKeyword(p[i])) {
    const kw = keywordOf(p[i]).name;
    if (kw === 'freevar' && p[i + 2] !== undefined && isIdentifier(p[i + 1])) {
      freevars.push([p[i + 1], p[i + 2]]);
      i += 3;
    } else if (kw === 'freevars' && p[i + 1] !== undefined) {
      for (const c of syntaxList(p[i + 1]) ?? ex.badSyntax(stx)) {
        const cp = syntaxList(c);
        if (cp === null || cp.length !== 2 || !isIdentifier(cp[0])) ex.badSyntax(stx);
        freevars.push([cp[0], cp[1]]);
      }
      i += 2;
    } else ex.badSyntax(stx);
  }
  const body = p.slice(i);
  if (body.length === 0) ex.badSyntax(stx);
  // Inside, a free variable is the outside one under its contract, the region its client.
  const withFreevars = (inner: Syntax) =>
    freevars.length === 0
      ? inner
      : b.list(
          'let',
          b.list(
            ...freevars.map(([x, c]) => b.list(x, b.list('%c:apply-contract', c, x, here, region, b.quote(idSym(x)), srclocOf(b, x)))),
          ),
          inner,
        );
  if (results !== null) {
    const temps = results.map((_, k) => b.temp(`result${k}`));
    return withFreevars(
      b.list(
        'let-values',
        b.list(b.list(b.list(...temps), b.list('let', b.list(), ...body))),
        b.list('values', ...results.map((c, k) => b.list('%c:apply-contract', c, temps[k], region, here, b.datum(false), b.datum(false)))),
      ),
    );
  }
  const names: Syntax[] = [];
  const values: Syntax[] = [];
  for (const e of exports!) {
    const ep = syntaxList(e);
    if (ep !== null && ep.length === 2 && isIdentifier(ep[0])) {
      names.push(ep[0]);
      values.push(b.list('%c:apply-contract', ep[1], ep[0], region, here, b.quote(idSym(ep[0])), srclocOf(b, ep[0])));
    } else ex.syntaxError('with-contract', 'expected a name/contract pair', stx, e);
  }
  return b.list('define-values', b.list(...names), withFreevars(b.list('let', b.list(), ...body, b.list('values', ...values))));
};

// ---------------------------------------------------------------- struct/c, recursive-contract

function structInfoOf(ex: Expander, stx: Syntax, id: Syntax): StructInfo {
  const m = isIdentifier(id) ? ex.resolve(id) : null;
  if (m === null || m.kind !== 'syntax' || !(m.value instanceof StructInfo))
    ex.syntaxError(idSym(syntaxList(stx)![0]).name, 'expected a struct name', stx, id);
  return m.value;
}

/** `(struct/c s c ...)`: a contract on each field of struct `s`. */
const structC = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const info = structInfoOf(ex, stx, p[1]);
  if (p.length - 2 !== info.fields.length)
    ex.syntaxError(
      'struct/c',
      `expected ${info.fields.length} contracts because struct ${info.name} has ${info.fields.length} fields`,
      stx,
    );
  return b.list(
    '%c:make-struct/c',
    b.quote(sym(info.name)),
    info.pred,
    b.list('list', ...info.fields.map((f) => f.accessor)),
    b.list('list', ...p.slice(2)),
  );
};

/** `(recursive-contract e [#:flat | #:chaperone | #:impersonator])`: `e` is evaluated when first needed. */
const recursiveContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const kind = p.slice(2).find(isKeyword);
  const kindName = kind === undefined ? false : sym(keywordOf(kind).name);
  const name = listFromArray([sym('recursive-contract'), syntaxToDatum(p[1])]);
  return b.list('%c:make-recursive-contract', b.list('lambda', b.list(), p[1]), b.quote(name), b.quote(kindName));
};

/** `(flat-rec-contract id c ...)`: `id` is the contract, usable inside the `c`s. */
const flatRecContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  if (!isIdentifier(p[1])) ex.badSyntax(stx);
  return b.list(
    'letrec',
    b.list(
      b.list(
        p[1],
        b.list(
          '%c:make-recursive-contract',
          b.list('lambda', b.list(), b.list('%c:or/c', ...p.slice(2))),
          b.quote(idSym(p[1])),
          b.quote(sym('flat')),
        ),
      ),
    ),
    p[1],
  );
};

/** `(flat-murec-contract ([id c ...] ...) body ...)`: mutually recursive flat contracts, each the or/c of its `c`s. */
const flatMurecContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const clauses = (syntaxList(p[1]) ?? ex.badSyntax(stx)).map((c) => {
    const cp = syntaxList(c);
    if (cp === null || cp.length < 1 || !isIdentifier(cp[0])) ex.badSyntax(stx);
    return cp;
  });
  return b.list(
    'letrec',
    b.list(
      ...clauses.map(([id, ...cs]) =>
        b.list(
          id,
          b.list(
            '%c:make-recursive-contract',
            b.list('lambda', b.list(), b.list('%c:or/c', ...cs)),
            b.quote(idSym(id)),
            b.quote(sym('flat')),
          ),
        ),
      ),
    ),
    ...p.slice(2),
  );
};

// ---------------------------------------------------------------- contract-out

/** A fresh identifier bound in the module of `like` (it has that module's scopes). */
function moduleTemp(ex: Expander, like: Syntax, name: string): Syntax {
  return new Syntax(sym(ex.fresh(`${name}%`)), like.loc, like.scopes);
}

/**
 * Exports `raw` (an identifier of the providing module) under contract
 * `ctc`: defines the contract and a per-module cache at the end of the
 * body, and returns the macro that each use expands through.
 */
function contractedExport(
  ex: Expander,
  define: (form: Syntax) => void,
  raw: Syntax,
  ctc: Syntax,
  name: string,
  at: Syntax,
  /** The party promising the value: a datum, or an expression giving it. */
  positive: Value | Syntax = moduleParty(raw),
  sourceAt: Syntax | null = null,
): Syntax {
  const b = new SyntaxBuilder(ex, raw.loc);
  const ctcId = moduleTemp(ex, at, `${name}-contract`);
  const cacheId = moduleTemp(ex, at, `${name}-cache`);
  define(b.list('define-values', b.list(ctcId), ctc));
  define(b.list('define-values', b.list(cacheId), b.list('make-hash')));
  const source = sourceAt ?? srclocOf(b, at);
  const transform = boundaryTransformer(raw, ctcId, cacheId, name, positive instanceof Syntax ? positive : b.quote(positive), source);
  const out = moduleTemp(ex, at, name);
  ex.bind(out, { kind: 'macro', name, transform });
  return out;
}

/** The macro a contracted export is: it remembers the raw value and contract, for recontract-out. */
type ContractedTransformer = MacroTransformer & { contracted?: { raw: Syntax; ctc: Syntax } };

/** Each use of the macro is `raw` under contract `ctcId` for the module it is in (made once, kept in `cacheId`). */
function boundaryTransformer(raw: Syntax, ctcId: Syntax, cacheId: Syntax, name: string, positive: Syntax, source: Syntax) {
  const transform: ContractedTransformer = (stx, ex2) => {
    const ub = new SyntaxBuilder(ex2, stx.loc);
    const value = ub.list('%c:contract-out-value', cacheId, raw, ctcId, ub.quote(sym(name)), positive, ub.quote(moduleParty(stx)), source);
    if (isIdentifier(stx)) return value;
    return ub.list(value, ...syntaxList(stx)!.slice(1));
  };
  transform.alone = true;
  transform.contracted = { raw, ctc: ctcId };
  return transform;
}

/** `(define-syntax id (%contract-boundary-transformer raw ctc cache 'name positive source))`'s transformer. */
export function makeBoundaryTransformer(rhs: Syntax, ex: Expander): MacroTransformer {
  const p = items(rhs, ex, 7, 7);
  return boundaryTransformer(p[1], p[2], p[3], idSym(syntaxList(p[4])![1]).name, p[5], p[6]);
}

/** `(recontract-out id ...)`: each imported contracted `id` exported again with its contract, this module promising it. */
function recontractOut(spec: Syntax, ex: Expander, define: (form: Syntax) => void): Syntax[] {
  const b = new SyntaxBuilder(ex, spec.loc);
  return items(spec, ex, 1)
    .slice(1)
    .map((id) => {
      const m = isIdentifier(id) ? ex.resolve(id) : null;
      const info = m !== null && m.kind === 'macro' ? (m.transform as ContractedTransformer).contracted : undefined;
      if (info === undefined) ex.syntaxError('recontract-out', 'expected an identifier imported with a contract', spec, id);
      const name = idSym(id).name;
      return renameOut(b, [[contractedExport(ex, define, info.raw, info.ctc, name, id, moduleParty(id)), name]]);
    });
}

/**
 * `(define-module-boundary-contract id orig-id c #:pos-source pos #:srcloc loc #:name-for-blame name)`:
 * `id` is `orig-id` under `c` for each module that uses it (that module blamed as contract-out's clients are).
 */
const defineModuleBoundaryContract = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 4);
  if (!isIdentifier(p[1]) || !isIdentifier(p[2])) ex.badSyntax(stx);
  let positive: Syntax | null = null;
  let source: Syntax = srclocOf(b, stx);
  let blameName = idSym(p[1]).name;
  for (let i = 4; i < p.length; i += 2) {
    const kw = isKeyword(p[i]) ? keywordOf(p[i]).name : null;
    if (p[i + 1] === undefined || kw === null) ex.badSyntax(stx);
    if (kw === 'pos-source') positive = p[i + 1];
    else if (kw === 'srcloc') source = p[i + 1];
    else if (kw === 'name-for-blame' && isIdentifier(p[i + 1])) blameName = idSym(p[i + 1]).name;
    else if (kw !== 'context-limit') ex.badSyntax(stx);
  }
  const ctcId = moduleTemp(ex, p[1], `${blameName}-contract`);
  const cacheId = moduleTemp(ex, p[1], `${blameName}-cache`);
  return b.list(
    'begin',
    b.list('define-values', b.list(ctcId), p[3]),
    b.list('define-values', b.list(cacheId), b.list('make-hash')),
    b.list(
      'define-syntax',
      p[1],
      b.list(
        '%contract-boundary-transformer',
        p[2],
        ctcId,
        cacheId,
        b.quote(sym(blameName)),
        positive ?? b.quote(moduleParty(stx)),
        source,
      ),
    ),
  );
};

function renameOut(b: Builder, pairs: [Syntax, string][]): Syntax {
  return b.list('rename-out', ...pairs.map(([id, as]) => b.list(id, new Syntax(sym(as), id.loc, id.scopes))));
}

/** `(struct s ([field c] ...))` or `(struct (s parent) (...))` of contract-out. */
function structClause(ex: Expander, define: (form: Syntax) => void, spec: Syntax, clause: Syntax[]): Syntax[] {
  const b = new SyntaxBuilder(ex, spec.loc);
  const nameSpec = syntaxList(clause[1]);
  const id = nameSpec !== null && nameSpec.length === 2 ? nameSpec[0] : clause[1];
  const info = structInfoOf(ex, spec, id);
  const fieldClauses = (syntaxList(clause[2]) ?? ex.badSyntax(spec)).map((f) => {
    const fp = syntaxList(f);
    if (fp === null || fp.length !== 2) ex.badSyntax(spec);
    return fp[1];
  });
  if (fieldClauses.length !== info.fields.length)
    ex.syntaxError('contract-out', `expected ${info.fields.length} fields for struct ${info.name}`, spec, clause[1]);
  const at = info.self;
  const arrowOf = (doms: Syntax[], rng: Syntax) => plainArrow(b, doms, [rng]);
  const ctorName = info.nameIsConstructor ? info.name : idSym(info.ctor).name;
  const ctorOut = contractedExport(ex, define, info.ctor, arrowOf(fieldClauses, info.pred), ctorName, at);
  const offset = info.fields.length - info.ownFields.length;
  const fields = info.fields.map((f, i) =>
    i < offset
      ? f
      : { ...f, accessor: contractedExport(ex, define, f.accessor, arrowOf([info.pred], fieldClauses[i]), idSym(f.accessor).name, at) },
  );
  const mutators = info.mutators.map((mu, i) =>
    mu === null
      ? null
      : contractedExport(ex, define, mu, arrowOf([info.pred, fieldClauses[offset + i]], b.id('void?')), idSym(mu).name, at),
  );
  const contracted = new StructInfo(
    info.name,
    info.self,
    info.type,
    ctorOut,
    info.pred,
    fields,
    mutators,
    info.parent,
    info.parentType,
    info.nameIsConstructor,
    info.extraNames,
  );
  const infoOut = moduleTemp(ex, id, info.name);
  ex.bind(infoOut, { kind: 'syntax', value: contracted });
  const pairs: [Syntax, string][] = [
    [infoOut, info.name],
    [info.type, idSym(info.type).name],
    [info.pred, idSym(info.pred).name],
  ];
  if (!info.nameIsConstructor) pairs.push([ctorOut, ctorName]);
  for (let i = offset; i < fields.length; i++) pairs.push([fields[i].accessor, idSym(info.fields[i].accessor).name]);
  info.mutators.forEach((mu, i) => {
    if (mu !== null) pairs.push([mutators[i]!, idSym(mu).name]);
  });
  return [renameOut(b, pairs)];
}

/** The module expander's hook: `(contract-out clause ...)` as plain provide specs. */
export function expandContractOut(spec: Syntax, ex: Expander, define: (form: Syntax) => void): Syntax[] {
  if (isNamed(syntaxList(spec)?.[0], 'recontract-out')) return recontractOut(spec, ex, define);
  const b = new SyntaxBuilder(ex, spec.loc);
  const out: Syntax[] = [];
  for (const clause of items(spec, ex, 1).slice(1)) {
    const p = syntaxList(clause);
    if (p === null || p.length < 2) ex.syntaxError('contract-out', 'bad syntax', spec, clause);
    if (isNamed(p[0], 'struct') && p.length >= 3) out.push(...structClause(ex, define, spec, p));
    else if (isNamed(p[0], 'rename') && p.length === 4 && isIdentifier(p[1]) && isIdentifier(p[2])) {
      const name = idSym(p[2]).name;
      out.push(renameOut(b, [[contractedExport(ex, define, p[1], p[3], name, p[1]), name]]));
    } else if (isIdentifier(p[0]) && p.length === 2) {
      const name = idSym(p[0]).name;
      out.push(renameOut(b, [[contractedExport(ex, define, p[0], p[1], name, p[0]), name]]));
    } else ex.syntaxError('contract-out', 'bad syntax', spec, clause);
  }
  return out;
}

// ---------------------------------------------------------------- struct/contract

/**
 * `(struct/contract name ([field c] ...) option ...)` and
 * `(define-struct/contract name ...)`: the struct, whose constructor checks
 * the field contracts (blaming the caller, from party `(struct name)`).
 * The constructor is made under a hidden name, then the struct's name is
 * bound again to struct info whose constructor is the contracted one.
 */
function structContract(defineStyle: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3);
    const nameParts = syntaxList(p[1]);
    const name = nameParts === null ? p[1] : nameParts[0];
    if (!isIdentifier(name)) ex.badSyntax(stx);
    const fields = (syntaxList(p[2]) ?? ex.badSyntax(stx)).map((f) => {
      const fp = syntaxList(f);
      if (fp === null || fp.length !== 2 || !isIdentifier(fp[0])) ex.badSyntax(stx);
      return { id: fp[0], ctc: fp[1] };
    });
    const raw = moduleTemp(ex, name, `${idSym(name).name}-constructor`);
    const ctorName = defineStyle ? `make-${idSym(name).name}` : idSym(name).name;
    const ctor = defineStyle ? new Syntax(sym(ctorName), name.loc, name.scopes) : moduleTemp(ex, name, ctorName);
    const party = b.quote(listFromArray([sym('struct'), idSym(name)]));
    // Racket names the constructor's contract with an extra argument: (-> c ... symbol? any).
    const contract = b.list(
      '%c:rename-contract',
      plainArrow(
        b,
        fields.map((f) => f.ctc),
        null,
      ),
      b.list(
        'append',
        b.quote(listFromArray([sym('->')])),
        b.list('map', '%c:contract-name', b.list('list', ...fields.map((f) => f.ctc))),
        b.quote(listFromArray([sym('symbol?'), sym('any')])),
      ),
    );
    const where = b.list('srcloc', b.quote(moduleParty(stx)), b.datum(false), b.datum(false), b.datum(false), b.datum(false));
    return b.list(
      'begin',
      b.list(
        defineStyle ? 'define-struct' : 'struct',
        p[1],
        b.list(...fields.map((f) => f.id)),
        ...p.slice(3),
        b.keyword('constructor-name'),
        raw,
      ),
      b.list('define', ctor, b.list('%c:apply-contract', contract, raw, party, b.quote(moduleParty(stx)), b.quote(sym(ctorName)), where)),
      b.list('%c:contracted-struct-info', name, ctor, b.datum(!defineStyle)),
    );
  };
}

/** `(%c:contracted-struct-info name ctor name-is-ctor?)`: binds name again to struct info with `ctor` as its constructor. */
const contractedStructInfo = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const [, name, ctor, flag] = items(stx, ex, 4, 4);
  const info = structInfoOf(ex, stx, name);
  const nameIsConstructor = syntaxE(flag) === true;
  ex.table.replaceResolved(symbolKey(idSym(name)), name.scopes, ex.phase, {
    kind: 'syntax',
    value: new StructInfo(
      info.name,
      info.self,
      info.type,
      ctor,
      info.pred,
      info.fields,
      info.mutators,
      info.parent,
      info.parentType,
      nameIsConstructor,
      info.extraNames,
    ),
  });
  return b.list('begin');
};

/** `(provide/contract clause ...)` is `(provide (contract-out clause ...))`. */
const provideContract = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list('provide', b.list('contract-out', ...items(stx, ex, 1).slice(1)));

/** `any` outside a range. */
const anyAlone: MacroTransformer = (stx, ex) => ex.syntaxError('any', "use of 'any' outside the range of an arrow contract", stx);
anyAlone.alone = true;

/** `(invariant-assertion c e)`: `e`'s value checked against `c`, blaming the assertion. */
const invariantAssertion = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  const where = inferredName(stx, true);
  return b.list('%c:invariant-assertion', p[1], p[2], b.datum(where === null ? false : new RString(where, true)), srclocOf(b, p[1]));
};

/** `(unconstrained-domain-> range ...)`. */
const unconstrainedDomain = (stx: Syntax, ex: Expander, b: Builder): Syntax =>
  b.list('%c:make-unconstrained-domain', b.list('list', ...items(stx, ex, 1).slice(1)));

/** `(opt/c c)` is `c`; `(define-opt/c (name arg ...) body ...)` a function making a contract. */
const optC = (stx: Syntax, ex: Expander): Syntax => items(stx, ex, 2, 2)[1];
const defineOptC = (stx: Syntax, ex: Expander, b: Builder): Syntax => b.list('define', ...items(stx, ex, 3).slice(1));

/** `(current-contract-region)`: the party the enclosing module is. */
const currentContractRegion = (stx: Syntax, _ex: Expander, b: Builder): Syntax => b.quote(moduleParty(stx));

/** The hidden form struct/contract expands into, bound under the runtime's racket/base scope. */
// ---------------------------------------------------------------- helpers of contract implementations

/** `(values/drop e)` is `e`; with more, their values. */
const valuesDrop = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  return p.length === 2 ? p[1] : b.list('values', ...p.slice(1));
};

/** `(with-contract-continuation-mark blame+neg body ...)`: the body under the mark contract checks leave. */
const withContractMark = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  return b.list('with-continuation-mark', '%c:contract-continuation-mark-key', p[1], b.list('let', b.list(), ...p.slice(2)));
};

/** `(contract-pos/neg-doubling e1 e2)`: the two (thunked) projections, eagerly unless nested deep. */
const posNegDoubling = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 3);
  return b.list('%c:pos/neg-doubling', b.list('lambda', b.list(), p[1]), b.list('lambda', b.list(), p[2]));
};

/**
 * `(define/final-prop header body ...)` and `(define/subexpression-pos-prop header body ...)` define a
 * contract combinator; `(define/subexpression-pos-prop/name ctc/proc header body ...)` also binds it as
 * `ctc/proc` (Racket's forms add properties for DrRacket's arrows, which rkt has no use for).
 */
function definePropForm(form: string, named: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, named ? 4 : 3);
    const header = named ? p[2] : p[1];
    let nameId = header;
    while (!isIdentifier(nameId)) {
      const e = syntaxE(nameId);
      if (!(e instanceof Pair)) ex.syntaxError(form, 'malformed header position', stx, header);
      nameId = e.car as Syntax;
    }
    const definition = b.list('define', header, ...p.slice(named ? 3 : 2));
    return named ? b.list('begin', definition, b.list('define', p[1], nameId)) : definition;
  };
}

export const CONTRACTED_STRUCT_INFO: [string, Meaning] = [
  '%c:contracted-struct-info',
  jsMacro('%c:contracted-struct-info', contractedStructInfo),
];

export function installContractForms(define: (name: string, m: Meaning) => void): void {
  const arrowTransform: MacroTransformer = (stx, ex) => arrow(stx, ex, new SyntaxBuilder(ex, stx.loc));
  define('->', { kind: 'macro', name: '->', transform: arrowTransform });
  define('->*', jsMacro('->*', arrowStar));
  define('->i', jsMacro('->i', arrowI));
  define('case->', jsMacro('case->', caseArrow));
  define('contract', jsMacro('contract', contractForm));
  define('define/contract', jsMacro('define/contract', defineContract));
  define('struct/c', jsMacro('struct/c', structC));
  define('recursive-contract', jsMacro('recursive-contract', recursiveContract));
  define('flat-rec-contract', jsMacro('flat-rec-contract', flatRecContract));
  define('flat-murec-contract', jsMacro('flat-murec-contract', flatMurecContract));
  define('provide/contract', jsMacro('provide/contract', provideContract));
  define('struct/contract', jsMacro('struct/contract', structContract(false)));
  define('define-struct/contract', jsMacro('define-struct/contract', structContract(true)));
  define('any', { kind: 'macro', name: 'any', transform: anyAlone });
  define('opt/c', jsMacro('opt/c', optC));
  define('invariant-assertion', jsMacro('invariant-assertion', invariantAssertion));
  define('unconstrained-domain->', jsMacro('unconstrained-domain->', unconstrainedDomain));
  define('define-opt/c', jsMacro('define-opt/c', defineOptC));
  define('current-contract-region', jsMacro('current-contract-region', currentContractRegion));
  define(
    'contract-out',
    jsMacro('contract-out', (stx, ex) => ex.syntaxError('contract-out', 'not in a provide form', stx)),
  );
  define(
    'recontract-out',
    jsMacro('recontract-out', (stx, ex) => ex.syntaxError('recontract-out', 'not in a provide form', stx)),
  );
  define('with-contract', jsMacro('with-contract', withContract));
  define('values/drop', jsMacro('values/drop', valuesDrop));
  define(
    'struct-guard/c',
    jsMacro('struct-guard/c', (stx, ex, b) =>
      b.list('%c:make-struct-guard', srclocOf(b, stx), b.quote(moduleParty(stx)), b.list('list', ...items(stx, ex, 1).slice(1))),
    ),
  );
  define('with-contract-continuation-mark', jsMacro('with-contract-continuation-mark', withContractMark));
  define('contract-pos/neg-doubling', jsMacro('contract-pos/neg-doubling', posNegDoubling));
  define('define/final-prop', jsMacro('define/final-prop', definePropForm('define/final-prop', false)));
  define('define/subexpression-pos-prop', jsMacro('define/subexpression-pos-prop', definePropForm('define/subexpression-pos-prop', false)));
  define(
    'define/subexpression-pos-prop/name',
    jsMacro('define/subexpression-pos-prop/name', definePropForm('define/subexpression-pos-prop/name', true)),
  );
  define('define-module-boundary-contract', jsMacro('define-module-boundary-contract', defineModuleBoundaryContract));
}
