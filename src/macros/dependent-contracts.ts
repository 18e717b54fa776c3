// racket/contract's dependent contracts — `->d`, `struct/dc`, `hash/dc`,
// `cons/dc` — as calls of src/lib/dependent-contracts.rkt. Each contract
// expression that depends on other parts becomes a procedure of them.

import type { Builder } from '../expand/build.js';
import { Builder as SyntaxBuilder, jsMacro } from '../expand/build.js';
import type { Expander, MacroTransformer, Meaning } from '../expand/expander.js';
import { idSym, isIdentifier, syntaxE, syntaxList, syntaxToDatum } from '../expand/scopes.js';
import { StructInfo } from '../expand/transformers.js';
import { Syntax } from '../values/syntax.js';
import { Keyword, keyword, listFromArray, sym, type Value } from '../values/types.js';
import { isNamed, items } from './forms.js';

const keywordName = (s: Syntax | undefined): string | null => {
  const e = s === undefined ? null : syntaxE(s);
  return e instanceof Keyword ? e.name : null;
};

// ---------------------------------------------------------------- ->d

interface DDomain {
  id: Syntax;
  ctc: Syntax;
  kw: string | null;
}

/** `[id ctc] ... kw [id ctc] ...` of an ->d domain group. */
function dDomains(stx: Syntax, ex: Expander, group: Syntax): DDomain[] {
  const list = syntaxList(group) ?? ex.badSyntax(stx);
  const out: DDomain[] = [];
  for (let i = 0; i < list.length; i++) {
    const kw = keywordName(list[i]);
    const clause = kw === null ? list[i] : list[++i];
    const p = clause === undefined ? null : syntaxList(clause);
    if (p === null || p.length !== 2) ex.syntaxError('->d', 'expected an identifier and a contract-expr', stx, clause);
    if (!isIdentifier(p[0])) ex.syntaxError('->d', 'expected an identifier', stx, p[0]);
    out.push({ id: p[0], ctc: p[1], kw });
  }
  return out;
}

/** `(->d (mandatory ...) (optional ...) #:rest id c #:pre e range #:post e)`; the optional group may be left out. */
const arrowD = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const mand = dDomains(stx, ex, p[1]);
  let i = 2;
  // The optional group is there unless the range follows the mandatory one directly.
  const rest = p.slice(2);
  const rangeOnly =
    keywordName(rest[0]) !== null || rest.length === 1 || (rest.length === 3 && ['post', 'post-cond'].includes(keywordName(rest[1]) ?? ''));
  const opt = !rangeOnly && syntaxList(p[2]) !== null ? dDomains(stx, ex, p[i++]) : [];
  let restPart: { id: Syntax; ctc: Syntax } | null = null;
  if (keywordName(p[i]) === 'rest') {
    if (i + 2 >= p.length || !isIdentifier(p[i + 1])) ex.syntaxError('->d', 'expected an identifier', stx, p[i + 1]);
    restPart = { id: p[i + 1], ctc: p[i + 2] };
    i += 3;
  }
  let pre: Syntax | null = null;
  if (keywordName(p[i]) === 'pre' || keywordName(p[i]) === 'pre-cond') {
    pre = p[i + 1] ?? ex.badSyntax(stx);
    i += 2;
  }
  const rng = p[i++] ?? ex.syntaxError('->d', 'expected a range expression, but found nothing', stx);
  let post: Syntax | null = null;
  if (keywordName(p[i]) === 'post' || keywordName(p[i]) === 'post-cond') {
    if (isNamed(rng, 'any')) ex.syntaxError('->d', 'cannot have a #:post with any as the range', stx, p[i + 1]);
    post = p[i + 1] ?? ex.badSyntax(stx);
    i += 2;
  }
  if (i !== p.length) ex.badSyntax(stx);

  const positional = [...mand, ...opt].filter((d) => d.kw === null);
  const keywords = [...mand, ...opt].filter((d) => d.kw !== null).sort((a, c) => (a.kw! < c.kw! ? -1 : 1));
  const params = [...positional.map((d) => d.id), ...(restPart ? [restPart.id] : []), ...keywords.map((d) => d.id)];
  const over = (extra: Syntax[], body: Syntax) => b.list('lambda', b.list(...extra, ...params), body);

  let rngIds: Syntax[] = [];
  let rngCs: Syntax[] | null = null;
  if (!isNamed(rng, 'any')) {
    const rp = syntaxList(rng);
    const clauses = rp !== null && rp.length > 0 && isNamed(rp[0], 'values') ? rp.slice(1) : [rng];
    const pairs = clauses.map((c) => {
      const cp = syntaxList(c);
      if (cp === null || cp.length !== 2 || !isIdentifier(cp[0])) ex.syntaxError('->d', 'expected binding pair or any', stx, c);
      return cp;
    });
    rngIds = pairs.map((cp) => cp[0]);
    rngCs = pairs.map((cp) => cp[1]);
  }
  const underscores = rngIds.filter((id) => isNamed(id, '_')).length;
  if (underscores > 0 && underscores < rngIds.length)
    ex.syntaxError('->d', 'expected all of the identifiers to be underscores, or none of them to be', stx);
  const underscore = rngIds.length > 0 && underscores === rngIds.length;
  const resultParams = underscore ? [] : rngIds;
  const kwOf = (list: DDomain[]) => list.filter((d) => d.kw !== null);
  return b.list(
    '%c:make-d-arrow',
    b.quote(sym('->d')),
    b.list('list', ...mand.filter((d) => d.kw === null).map((d) => over([], d.ctc))),
    b.list('list', ...opt.filter((d) => d.kw === null).map((d) => over([], d.ctc))),
    b.quote(listFromArray(kwOf(mand).map((d) => keyword(d.kw!)))),
    b.list('list', ...kwOf(mand).map((d) => over([], d.ctc))),
    b.quote(listFromArray(kwOf(opt).map((d) => keyword(d.kw!)))),
    b.list('list', ...kwOf(opt).map((d) => over([], d.ctc))),
    restPart ? over([], restPart.ctc) : b.datum(false),
    pre ? over([], pre) : b.datum(false),
    rngCs === null ? b.datum(false) : b.list('list', ...rngCs.map((c) => over(resultParams, c))),
    b.datum(underscore),
    post ? over(rngIds, post) : b.datum(false),
  );
};

// ---------------------------------------------------------------- struct/dc

function structInfo(ex: Expander, stx: Syntax, id: Syntax): StructInfo {
  const m = isIdentifier(id) ? ex.resolve(id) : null;
  if (m === null || m.kind !== 'syntax' || !(m.value instanceof StructInfo)) ex.syntaxError('struct/dc', 'expected a struct name', stx, id);
  return m.value;
}

/** The mutator of field `index` (counting the parents' fields first), or null. */
function mutatorOf(info: StructInfo, index: number): Syntax | null {
  const own = info.fields.length - info.ownFields.length;
  if (index >= own) return info.mutators[index - own] ?? null;
  return info.parent === null ? null : mutatorOf(info.parent, index);
}

/** `(struct/dc s [field c] [field (dep ...) c] ... #:inv (dep ...) e)`. */
const structDc = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 2);
  const info = structInfo(ex, stx, p[1]);
  const fieldIndex = (s: Syntax): number => {
    const name = isIdentifier(s) ? idSym(s).name : null;
    // The last field of that name: a struct's own field shadows its parent's.
    const at = name === null ? -1 : info.fields.map((f) => f.name).lastIndexOf(name);
    if (at < 0) ex.syntaxError('struct/dc', 'expected a field name', stx, s);
    return at;
  };
  const fields: Syntax[] = [];
  let inv: Syntax = b.datum(false);
  for (let i = 2; i < p.length; i++) {
    if (keywordName(p[i]) === 'inv') {
      const deps = (p[i + 1] && syntaxList(p[i + 1])) ?? ex.badSyntax(stx);
      if (p[i + 2] === undefined) ex.badSyntax(stx);
      deps.forEach(fieldIndex);
      inv = b.list('cons', b.quote(listFromArray(deps.map((d) => idSym(d)))), b.list('lambda', b.list(...deps), p[i + 2]));
      i += 2;
      continue;
    }
    const c = syntaxList(p[i]);
    if (c === null || c.length < 2) ex.badSyntax(stx);
    const index = fieldIndex(c[0]);
    const field = info.fields[index];
    const deps = c.length > 2 ? syntaxList(c[1]) : null;
    const options = c.slice(deps === null ? 1 : 2, -1).map((o) => keywordName(o));
    if (options.some((o) => o === null)) ex.badSyntax(stx);
    deps?.forEach(fieldIndex);
    const ctc = c[c.length - 1];
    fields.push(
      b.list(
        'vector',
        b.quote(sym(field.name)),
        field.accessor,
        mutatorOf(info, index) ?? b.datum(false),
        deps === null ? b.datum(false) : b.quote(listFromArray(deps.map((d) => idSym(d)))),
        deps === null ? ctc : b.list('lambda', b.list(...deps), ctc),
        b.datum(options.includes('lazy')),
        b.datum(options.includes('flat')),
      ),
    );
  }
  return b.list('%c:make-struct/dc', b.quote(sym(info.name)), info.pred, b.list('list', ...fields), inv);
};

// ---------------------------------------------------------------- hash/dc, cons/dc

/** `[id c]` or `[id (dep) c]`. */
function dcClause(stx: Syntax, ex: Expander, clause: Syntax): { id: Syntax; deps: Syntax[] | null; ctc: Syntax } {
  const c = syntaxList(clause);
  if (c === null || (c.length !== 2 && c.length !== 3) || !isIdentifier(c[0])) ex.badSyntax(stx);
  if (c.length === 2) return { id: c[0], deps: null, ctc: c[1] };
  const deps = syntaxList(c[1]);
  if (deps === null || deps.length !== 1 || !isIdentifier(deps[0])) ex.badSyntax(stx);
  return { id: c[0], deps, ctc: c[2] };
}

/** `(hash/dc [k key-c] [v (k) val-c] #:immutable imm #:kind kind)`. */
const hashDc = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3);
  const key = dcClause(stx, ex, p[1]);
  const val = dcClause(stx, ex, p[2]);
  if (key.deps !== null || val.deps === null || idSym(val.deps[0]) !== idSym(key.id)) ex.badSyntax(stx);
  let immutable: Syntax = b.quote(sym('dont-care'));
  let kind: Syntax = b.quote(sym('chaperone'));
  for (let i = 3; i < p.length; i += 2) {
    const kw = keywordName(p[i]);
    if (p[i + 1] === undefined || (kw !== 'immutable' && kw !== 'kind')) ex.badSyntax(stx);
    if (kw === 'immutable') immutable = p[i + 1];
    else kind = p[i + 1];
  }
  return b.list(
    '%c:make-hash/dc',
    b.quote(idSym(key.id)),
    key.ctc,
    b.quote(syntaxToDatum(p[2])),
    b.list('lambda', b.list(...val.deps), val.ctc),
    immutable,
    kind,
    b.quote(listFromArray(p.slice(3).map((s) => syntaxToDatum(s)))),
  );
};

/** `(cons/dc [hd c] [tl (hd) c] kind)` or `(cons/dc [hd (tl) c] [tl c] kind)`. */
const consDc = (stx: Syntax, ex: Expander, b: Builder): Syntax => {
  const p = items(stx, ex, 3, 4);
  const a = dcClause(stx, ex, p[1]);
  const d = dcClause(stx, ex, p[2]);
  const carFirst = a.deps === null;
  const [indep, dep] = carFirst ? [a, d] : [d, a];
  if (indep.deps !== null || dep.deps === null || idSym(dep.deps[0]) !== idSym(indep.id)) ex.badSyntax(stx);
  const kind = p[3] === undefined ? null : keywordName(p[3]);
  if (p[3] !== undefined && !['flat', 'chaperone', 'impersonator'].includes(kind ?? '')) ex.badSyntax(stx);
  const depDatum: Value = syntaxToDatum(carFirst ? p[2] : p[1]);
  return b.list(
    '%c:make-cons/dc',
    b.datum(carFirst),
    b.quote(idSym(indep.id)),
    indep.ctc,
    b.quote(depDatum),
    b.list('lambda', b.list(...dep.deps), dep.ctc),
    kind === null ? b.datum(false) : b.quote(sym(kind)),
  );
};

// ---------------------------------------------------------------- define-contract-struct

/**
 * `(define-contract-struct id (field ...))` and `(contract-struct id (field ...))`: the
 * struct (made by `make-id`, or `id` itself), `id?`, `id-field ...`, and the lazy
 * contracts `id/c` and `id/dc`.
 */
function contractStruct(constructorIsName: boolean) {
  return (stx: Syntax, ex: Expander, b: Builder): Syntax => {
    const p = items(stx, ex, 3, 3);
    const id = p[1];
    const fields = syntaxList(p[2]);
    if (!isIdentifier(id) || fields === null || !fields.every(isIdentifier)) ex.badSyntax(stx);
    const name = idSym(id).name;
    const named = (n: string) => new Syntax(sym(n), id.loc, id.scopes);
    const dcMaker = b.temp(`${name}-dc`);
    const ids = [
      constructorIsName ? id : named(`make-${name}`),
      named(`${name}?`),
      ...fields.map((f) => named(`${name}-${idSym(f).name}`)),
      named(`${name}/c`),
      dcMaker,
    ];
    return b.list(
      'begin',
      b.list(
        'define-values',
        b.list(...ids),
        b.list(
          'apply',
          'values',
          b.list('%c:contract-struct-family', b.quote(sym(name)), b.quote(listFromArray(fields.map((f) => idSym(f))))),
        ),
      ),
      b.list('define-syntax', named(`${name}/dc`), b.list('%contract-struct-dc-transformer', dcMaker, p[2])),
    );
  };
}

/** `(define-syntax id/dc (%contract-struct-dc-transformer maker (field ...)))`'s transformer. */
export function makeContractStructDcTransformer(rhs: Syntax, ex: Expander): MacroTransformer {
  const p = items(rhs, ex, 3, 3);
  const maker = p[1];
  const fields = syntaxList(p[2])!.map((f) => idSym(f).name);
  return (stx, ex2) => {
    const b = new SyntaxBuilder(ex2, stx.loc);
    const clauses = items(stx, ex2, 1).slice(1);
    if (clauses.length !== fields.length) ex2.badSyntax(stx);
    return b.list(
      maker,
      b.list(
        'list',
        ...clauses.map((c, i) => {
          const cp = syntaxList(c);
          if (cp === null || (cp.length !== 2 && cp.length !== 3) || !isNamed(cp[0], fields[i])) return ex2.badSyntax(stx);
          const deps = cp.length === 3 ? syntaxList(cp[1]) : null;
          if (cp.length === 3 && (deps === null || !deps.every(isIdentifier))) return ex2.badSyntax(stx);
          return b.list(
            'list',
            b.quote(sym(fields[i])),
            deps === null ? b.datum(false) : b.quote(listFromArray(deps.map((d) => idSym(d)))),
            b.list('lambda', b.list(...(deps ?? [])), cp[cp.length - 1]),
          );
        }),
      ),
    );
  };
}

export function installDependentContractForms(define: (name: string, m: Meaning) => void): void {
  define('define-contract-struct', jsMacro('define-contract-struct', contractStruct(false)));
  define('contract-struct', jsMacro('contract-struct', contractStruct(true)));
  define('->d', jsMacro('->d', arrowD));
  define('struct/dc', jsMacro('struct/dc', structDc));
  define('hash/dc', jsMacro('hash/dc', hashDc));
  define('cons/dc', jsMacro('cons/dc', consDc));
}
