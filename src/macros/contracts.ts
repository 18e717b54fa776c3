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
function contractedExport(ex: Expander, define: (form: Syntax) => void, raw: Syntax, ctc: Syntax, name: string, at: Syntax): Syntax {
  const b = new SyntaxBuilder(ex, raw.loc);
  const ctcId = moduleTemp(ex, raw, `${name}-contract`);
  const cacheId = moduleTemp(ex, raw, `${name}-cache`);
  define(b.list('define-values', b.list(ctcId), ctc));
  define(b.list('define-values', b.list(cacheId), b.list('make-hash')));
  const positive = moduleParty(raw);
  const source = srclocOf(b, at);
  const transform: MacroTransformer = (stx, ex2) => {
    const ub = new SyntaxBuilder(ex2, stx.loc);
    const value = ub.list(
      '%c:contract-out-value',
      cacheId,
      raw,
      ctcId,
      ub.quote(sym(name)),
      ub.quote(positive),
      ub.quote(moduleParty(stx)),
      source,
    );
    if (isIdentifier(stx)) return value;
    return ub.list(value, ...syntaxList(stx)!.slice(1));
  };
  transform.alone = true;
  const out = moduleTemp(ex, raw, name);
  ex.bind(out, { kind: 'macro', name, transform });
  return out;
}

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
}
